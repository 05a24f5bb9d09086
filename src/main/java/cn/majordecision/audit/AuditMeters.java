package cn.majordecision.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The audit log's size and how old its newest signed checkpoint is, as Prometheus gauges: a log that grows while no
 * checkpoint is issued is a log whose recent entries nobody could yet prove untouched. Both come from one small
 * snapshot taken at most every {@code app.metrics.cache}.
 */
@Component
class AuditMeters implements MeterBinder {

    private final AuditEntries entries;
    private final Clock clock;
    private final Duration maxAge;
    private Snapshot snapshot;

    AuditMeters(AuditEntries entries, Clock clock, @Value("${app.metrics.cache:PT5S}") Duration maxAge) {
        this.entries = entries;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("decision.audit.log.entries", this, m -> m.snapshot().entries())
                .description("Entries in the audit log")
                .register(registry);
        // NaN until the first checkpoint: "no checkpoint" must not look like a fresh one
        Gauge.builder("decision.checkpoint.age", this, AuditMeters::checkpointAgeSeconds)
                .baseUnit("seconds")
                .description("Time since the newest signed checkpoint of the audit log was issued")
                .register(registry);
    }

    private synchronized Snapshot snapshot() {
        Instant now = clock.instant();
        if (snapshot == null || !snapshot.takenAt().plus(maxAge).isAfter(now)) {
            Optional<Checkpoint> latest = entries.latestCheckpoint();
            snapshot = new Snapshot(now, entries.count(), latest.map(Checkpoint::issuedAt).orElse(null));
        }
        return snapshot;
    }

    /** Measured at the scrape, not at the snapshot, so the age keeps rising between snapshots. */
    private double checkpointAgeSeconds() {
        Instant issued = snapshot().checkpointIssuedAt();
        return issued == null ? Double.NaN : Duration.between(issued, clock.instant()).toMillis() / 1000.0;
    }

    private record Snapshot(Instant takenAt, long entries, Instant checkpointIssuedAt) {
    }
}
