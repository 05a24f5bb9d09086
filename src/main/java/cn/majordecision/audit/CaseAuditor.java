package cn.majordecision.audit;

import cn.majordecision.cases.CaseEvents.AccessChanged;
import cn.majordecision.cases.CaseEvents.CaseClosed;
import cn.majordecision.cases.CaseEvents.FlagRevised;
import cn.majordecision.cases.CaseEvents.RecordCorrected;
import cn.majordecision.cases.CaseEvents.CaseFiled;
import cn.majordecision.cases.CaseEvents.DraftAdded;
import cn.majordecision.cases.CaseEvents.StageRecorded;
import cn.majordecision.cases.CaseEvents.StageSkipped;
import cn.majordecision.cases.CaseStatus;
import cn.majordecision.cases.Stage;
import cn.majordecision.consultation.OpinionEvents.OpinionAnswered;
import cn.majordecision.consultation.OpinionEvents.OpinionReceived;
import cn.majordecision.consultation.OpinionEvents.OpinionScreened;
import cn.majordecision.execution.ExecutionEvents.AfterDecisionEvent;
import cn.majordecision.identity.UserDirectory;
import cn.majordecision.repair.EngineRepaired;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Writes the events of a case to the log: the case module's, and what happens to its public opinions. Plain synchronous listeners on purpose: the entry is written in the
 * publisher's transaction, so the change and its entry commit or roll back together.
 */
@Component
class CaseAuditor {

    static final String SYSTEM = "system";
    /** A member of the public, who is never named in the log. */
    static final String PUBLIC = "public";

    private final AuditLog log;
    private final UserDirectory users;

    CaseAuditor(AuditLog log, UserDirectory users) {
        this.log = log;
        this.users = users;
    }

    @EventListener
    void on(CaseFiled event) {
        log.append(AuditEventType.CASE_FILED, event.caseId(), Stage.LAUNCH.name(), event.filedBy(), roleOf(event.filedBy()),
                Map.of("caseNumber", event.caseNumber()));
    }

    /** First of the record's listeners: whoever checks the record in its transaction (the dossier) finds its entry. */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(StageRecorded event) {
        log.append(AuditEventType.TASK_COMPLETED, event.caseId(), event.stage().name(), event.actor(), roleOf(event.actor()),
                Map.of("taskId", event.taskId(), "formKey", event.formKey(), "recordId", event.recordId(),
                        "submissionSha256", event.payloadSha256()));
    }

    @EventListener
    void on(DraftAdded event) {
        log.append(AuditEventType.DRAFT_VERSION_ADDED, event.caseId(), event.stage().name(), event.actor(),
                roleOf(event.actor()), Map.of("version", event.version(), "draftSha256", event.draftSha256()));
    }

    @EventListener
    void on(StageSkipped event) {
        Map<String, Object> payload = new java.util.LinkedHashMap<>(Map.of("flag", event.flag(),
                "flagValue", event.flagValue(), "flagSetBy", event.flagSetBy()));
        if (event.basis() != null) {
            payload.put("basis", event.basis());
        }
        log.append(AuditEventType.STAGE_SKIPPED, event.caseId(), event.stage().name(), SYSTEM, null, payload);
    }

    @EventListener
    void on(RecordCorrected event) {
        log.append(AuditEventType.RECORD_CORRECTED, event.caseId(), null, event.actor(), roleOf(event.actor()),
                Map.of("recordId", event.recordId(), "correctionId", event.correctionId(),
                        "payloadSha256", event.payloadSha256()));
    }

    @EventListener
    void on(FlagRevised event) {
        Map<String, Object> payload = new java.util.LinkedHashMap<>(Map.of("flag", event.flag(), "value", event.value(),
                "reason", event.reason()));
        if (event.basis() != null) {
            payload.put("basis", event.basis());
        }
        log.append(AuditEventType.FLAG_REVISED, event.caseId(), null, event.revisedBy(), roleOf(event.revisedBy()),
                payload);
    }

    @EventListener
    void on(AccessChanged event) {
        log.append(AuditEventType.ACCESS_CHANGED, event.caseId(), null, event.by(), roleOf(event.by()),
                Map.of("unit", event.unit(), "granted", event.granted(), "reason", event.reason()));
    }

    @EventListener
    void on(CaseClosed event) {
        boolean withdrawn = event.status() == CaseStatus.WITHDRAWN && event.by() != null;
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("status", event.status().name());
        payload.put("reason", event.reason());
        String actor = event.by() == null ? SYSTEM : event.by();
        log.append(withdrawn ? AuditEventType.CASE_WITHDRAWN : AuditEventType.CASE_CLOSED, event.caseId(), null, actor,
                event.by() == null ? null : roleOf(event.by()), payload);
    }

    @EventListener
    void on(OpinionReceived event) {
        log.append(AuditEventType.OPINION_RECEIVED, event.caseId(), Stage.PUBLIC_PARTICIPATION.name(), PUBLIC, null,
                Map.of("receiptNumber", event.receiptNumber(), "textSha256", event.textSha256()));
    }

    @EventListener
    void on(OpinionScreened event) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("receiptNumber", event.receiptNumber());
        payload.put("screening", event.screening());
        payload.put("withheldReason", event.withheldReason());
        payload.put("duplicateOf", event.duplicateOf());
        log.append(AuditEventType.OPINION_SCREENED, event.caseId(), Stage.PUBLIC_PARTICIPATION.name(), event.by(),
                roleOf(event.by()), payload);
    }

    @EventListener
    void on(OpinionAnswered event) {
        log.append(AuditEventType.OPINION_ANSWERED, event.caseId(), Stage.PUBLIC_PARTICIPATION.name(), event.by(),
                roleOf(event.by()), Map.of("receiptNumbers", event.receiptNumbers(), "adoption", event.adoption(),
                        "reason", event.reason()));
    }

    @EventListener
    void on(AfterDecisionEvent event) {
        boolean fromPublic = PUBLIC.equals(event.actor());
        log.append(AuditEventType.valueOf(event.kind().name()), event.caseId(), null, event.actor(),
                fromPublic ? null : roleOf(event.actor()), event.details());
    }

    @EventListener
    void on(EngineRepaired event) {
        log.append(AuditEventType.ENGINE_REPAIRED, event.caseId(), null, event.repairedBy(), roleOf(event.repairedBy()),
                Map.of("repairId", event.repairId(), "action", event.action().name(), "detail", event.detail(),
                        "reason", event.reason()));
    }

    /** The user's groups, as they were when the entry was written: roles change, the log must not. */
    private String roleOf(String userId) {
        return users.find(userId).map(actor -> String.join(",", new TreeSet<>(actor.groups()))).orElse(null);
    }
}
