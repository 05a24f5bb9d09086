package cn.majordecision.execution;

import java.util.Map;

/** What happens after the decision, for the audit log. No name or contact of the public. */
public final class ExecutionEvents {

    private ExecutionEvents() {
    }

    /** Something changed after the decision: {@code kind} names it, {@code details} say what was recorded. */
    public record AfterDecisionEvent(Long caseId, Kind kind, String actor, Map<String, Object> details) {
    }

    /** The kinds of change, one audit event type each. */
    public enum Kind {
        EXECUTION_PLANNED, EXECUTION_REPORTED, FEEDBACK_RECEIVED, EVALUATION_OPENED, EVALUATION_REPORTED,
        EXECUTION_SUSPENDED, EXECUTION_RESUMED, DECISION_ADJUSTED, DECISION_TERMINATED, EXECUTION_REPORT_MISSED,
        SUSPENSION_CONFIRMED, PROBLEM_ANSWERED, AMENDMENT_PROPOSED, AMENDMENT_FILED, AMENDMENT_NOT_ADOPTED
    }
}
