package cn.majordecision.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Signs a checkpoint at most every {@code app.audit.checkpoints.every} (default a minute) while entries arrive, so
 * that recent history is protected without anyone asking (ADR 0022). Every node looks; the head row lock lets one
 * sign and the others then find its checkpoint too fresh. Also retries checkpoints the witness endpoint has not taken.
 */
@Configuration
@EnableScheduling
class AutomaticCheckpoints {

    private final CheckpointIssuer issuer;
    private final Witness witness;
    private final Clock clock;
    private final boolean enabled;
    private final Duration every;

    AutomaticCheckpoints(CheckpointIssuer issuer, Witness witness, Clock clock,
            @Value("${app.audit.checkpoints.automatic:true}") boolean enabled,
            @Value("${app.audit.checkpoints.every:PT1M}") Duration every) {
        this.issuer = issuer;
        this.witness = witness;
        this.clock = clock;
        this.enabled = enabled;
        this.every = every;
    }

    @Scheduled(fixedDelayString = "${app.audit.checkpoints.poll:PT10S}", initialDelayString = "PT30S")
    void tick() {
        if (enabled) {
            signIfDue(clock.instant());
            witness.retryPending();
        }
    }

    /** What a tick does at {@code now}; tests call it directly instead of waiting. */
    void signIfDue(Instant now) {
        issuer.signIfDue(now, every);
    }
}
