package cn.majordecision.expertreview;

import java.util.Map;

/**
 * Something changed in expert review outside the task records: the pool, a declaration, a draw, a replacement, a
 * round closed early. The
 * audit log records it in the same transaction; {@code caseId} is null for pool changes.
 */
public record ExpertReviewEvent(Kind kind, Long caseId, String actor, Map<String, Object> payload) {

    public enum Kind { POOL_CHANGED, CONFLICT_DECLARED, DRAW_SEED_COMMITTED, EXPERTS_DRAWN, EXPERT_REPLACED, ROUND_CLOSED }
}
