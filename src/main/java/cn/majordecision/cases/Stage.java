package cn.majordecision.cases;

import java.util.Map;

/** The statutory stages of Decree 713, in the order the seed report gives. */
public enum Stage {
    LAUNCH("决策启动"),
    DRAFTING("决策草案拟订"),
    PUBLIC_PARTICIPATION("公众参与"),
    EXPERT_REVIEW("专家论证"),
    RISK_ASSESSMENT("风险评估"),
    LEGALITY_REVIEW("合法性审查"),
    COLLECTIVE_DISCUSSION("集体讨论决定"),
    PARTY_COMMITTEE("向党委请示报告"),
    CONGRESS("人大审议"),
    PUBLICATION("决策公布"),
    ARCHIVING("归档");

    private static final Map<String, Stage> BY_SUB_PROCESS = Map.of(
            "public-consultation", PUBLIC_PARTICIPATION,
            "expert-review", EXPERT_REVIEW,
            "risk-assessment", RISK_ASSESSMENT,
            "legality-review", LEGALITY_REVIEW,
            "party-committee", PARTY_COMMITTEE);

    private static final Map<String, Stage> BY_MAIN_TASK = Map.ofEntries(
            Map.entry("Task_DecideLaunch", LAUNCH),
            Map.entry("Task_DraftDecision", DRAFTING),
            Map.entry("Task_RecordMeeting", COLLECTIVE_DISCUSSION),
            Map.entry("Task_ReviseDraftAfterMeeting", COLLECTIVE_DISCUSSION),
            Map.entry("Task_ConfirmMinorRevision", COLLECTIVE_DISCUSSION),
            // the reviewer confirms the revised draft after the meeting: still the meeting's minor-revision decision
            Map.entry("Task_ConfirmLegalityAfterRevision", COLLECTIVE_DISCUSSION),
            Map.entry("Task_ReviseDraftSubstantially", COLLECTIVE_DISCUSSION),
            Map.entry("Task_DecideAfterDeferral", COLLECTIVE_DISCUSSION),
            Map.entry("Task_RecordCongressDecision", CONGRESS),
            Map.entry("Task_PublishDecision", PUBLICATION),
            Map.entry("Task_ConfirmArchive", ARCHIVING));

    /** The stage each flag controls; a flag may be revised only before its stage has started (or been skipped). */
    private static final Map<String, Stage> CONTROLLED_BY_FLAG = Map.of(
            "nonPublic", PUBLIC_PARTICIPATION,
            "hearing", PUBLIC_PARTICIPATION,
            "technical", EXPERT_REVIEW,
            "stabilityRisk", RISK_ASSESSMENT,
            "priorRiskAssessment", RISK_ASSESSMENT,
            "exploratoryReform", LEGALITY_REVIEW,
            "marketActivity", COLLECTIVE_DISCUSSION,
            "congressApproval", CONGRESS);

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The stage a user task belongs to: the sub-process it runs in, or the main-process task itself. */
    public static Stage ofTask(String processDefinitionKey, String taskDefinitionKey) {
        Stage stage = BY_SUB_PROCESS.get(processDefinitionKey);
        if (stage == null) {
            stage = BY_MAIN_TASK.get(taskDefinitionKey);
        }
        if (stage == null) {
            throw new IllegalArgumentException("No stage for task " + processDefinitionKey + "/" + taskDefinitionKey);
        }
        return stage;
    }

    public static Stage controlledBy(String flag) {
        return CONTROLLED_BY_FLAG.get(flag);
    }

    public boolean isBefore(Stage other) {
        return ordinal() < other.ordinal();
    }
}
