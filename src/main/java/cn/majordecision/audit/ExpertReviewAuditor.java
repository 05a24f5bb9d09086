package cn.majordecision.audit;

import cn.majordecision.cases.Stage;
import cn.majordecision.expertreview.ExpertReviewEvent;
import cn.majordecision.identity.UserDirectory;
import java.util.TreeSet;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes expert pool changes, conflict declarations, draws and replacements to the log, in their transaction. */
@Component
class ExpertReviewAuditor {

    private final AuditLog log;
    private final UserDirectory users;

    ExpertReviewAuditor(AuditLog log, UserDirectory users) {
        this.log = log;
        this.users = users;
    }

    @EventListener
    void on(ExpertReviewEvent event) {
        AuditEventType type = switch (event.kind()) {
            case POOL_CHANGED -> AuditEventType.EXPERT_POOL_CHANGED;
            case CONFLICT_DECLARED -> AuditEventType.EXPERT_CONFLICT_DECLARED;
            case DRAW_SEED_COMMITTED -> AuditEventType.EXPERT_DRAW_SEED_COMMITTED;
            case EXPERTS_DRAWN -> AuditEventType.EXPERTS_DRAWN;
            case EXPERT_REPLACED -> AuditEventType.EXPERT_REPLACED;
            case ROUND_CLOSED -> AuditEventType.EXPERT_ROUND_CLOSED;
        };
        log.append(type, event.caseId(), event.caseId() == null ? null : Stage.EXPERT_REVIEW.name(), event.actor(),
                users.find(event.actor()).map(actor -> String.join(",", new TreeSet<>(actor.groups()))).orElse(null),
                event.payload());
    }
}
