package cn.majordecision.repair;

/** An operator repaired a case's engine state; the audit log and the timeline record it. */
public record EngineRepaired(Long caseId, Long repairId, RepairAction action, String detail, String reason,
        String repairedBy) {
}
