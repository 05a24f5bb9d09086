package cn.majordecision.repair;

/**
 * An operator's repair: the action, what it acts on ({@code incidentId} to resolve; {@code fromActivityId} and
 * {@code toActivityId} to move a token back) and why.
 */
public record RepairRequest(String action, String incidentId, String fromActivityId, String toActivityId,
        String reason) {
}
