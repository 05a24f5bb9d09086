package cn.majordecision.audit;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * DOWN while the last checkpoint was refused over a log that did not verify (ADR 0022): operators see the first entry
 * not to trust and why. Not part of readiness: the application keeps serving, the log keeps its evidence.
 */
@Component("auditLogHealthIndicator")
class AuditLogHealth implements HealthIndicator {

    private final CheckpointIssuer issuer;
    private final Witness witness;

    AuditLogHealth(CheckpointIssuer issuer, Witness witness) {
        this.issuer = issuer;
        this.witness = witness;
    }

    @Override
    public Health health() {
        return issuer.refusal()
                .map(r -> Health.down().withDetail("checkpointRefusedAt", r.at().toString())
                        .withDetail("firstBadSequence", r.firstBadSequence()).withDetail("reason", r.reason()))
                .orElseGet(Health::up)
                .withDetail("witnessPending", witness.pendingCount())
                .build();
    }
}
