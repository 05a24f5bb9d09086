package cn.majordecision.worklist.process;

import cn.majordecision.cases.Stage;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine's workload as Prometheus gauges: open and overdue user tasks per statutory stage, and the job executor's
 * backlog. A scrape reads one snapshot, taken at most every {@code app.metrics.cache} (a few seconds), so a busy
 * Prometheus costs two small queries, not one per gauge.
 */
@Component
class EngineMeters implements MeterBinder {

    /**
     * One grouped query over the engine's task table instead of loading every open task through the task query:
     * Camunda's API has no GROUP BY, and its table layout has been stable since 7.0 (and is kept by its forks).
     */
    private static final String OPEN_TASKS = "SELECT d.KEY_, t.TASK_DEF_KEY_, COUNT(*), "
            + "SUM(CASE WHEN t.DUE_DATE_ < ? THEN 1 ELSE 0 END) "
            + "FROM ACT_RU_TASK t JOIN ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_ GROUP BY d.KEY_, t.TASK_DEF_KEY_";

    private final JdbcTemplate jdbc;
    private final ManagementService management;
    private final Clock clock;
    private final Duration maxAge;
    private Snapshot snapshot;

    EngineMeters(JdbcTemplate jdbc, ManagementService management, Clock clock,
            @Value("${app.metrics.cache:PT5S}") Duration maxAge) {
        this.jdbc = jdbc;
        this.management = management;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Stage stage : Stage.values()) {
            Gauge.builder("decision.tasks.open", this, m -> m.snapshot().open().getOrDefault(stage, 0L))
                    .tag("stage", stage.name())
                    .description("Open user tasks of the stage")
                    .register(registry);
            Gauge.builder("decision.tasks.overdue", this, m -> m.snapshot().overdue().getOrDefault(stage, 0L))
                    .tag("stage", stage.name())
                    .description("Open user tasks of the stage past their due date")
                    .register(registry);
        }
        Gauge.builder("decision.jobs.executable", this, m -> m.snapshot().executableJobs())
                .description("Jobs due now that the job executor has not yet run (its backlog)")
                .register(registry);
    }

    private synchronized Snapshot snapshot() {
        Instant now = clock.instant();
        if (snapshot == null || !snapshot.takenAt().plus(maxAge).isAfter(now)) {
            snapshot = take(now);
        }
        return snapshot;
    }

    private Snapshot take(Instant now) {
        Map<Stage, Long> open = new EnumMap<>(Stage.class);
        Map<Stage, Long> overdue = new EnumMap<>(Stage.class);
        jdbc.query(OPEN_TASKS, rs -> {
            Stage stage = stageOf(rs.getString(1), rs.getString(2));
            if (stage != null) {
                open.merge(stage, rs.getLong(3), Long::sum);
                overdue.merge(stage, rs.getLong(4), Long::sum);
            }
        }, Timestamp.from(now));
        long jobs = management.createJobQuery().executable().count();
        return new Snapshot(now, open, overdue, jobs);
    }

    /** A task of a model this version does not know (a newer deployment) is left out rather than failing the scrape. */
    private static Stage stageOf(String processKey, String taskKey) {
        try {
            return Stage.ofTask(processKey, taskKey);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private record Snapshot(Instant takenAt, Map<Stage, Long> open, Map<Stage, Long> overdue, long executableJobs) {
    }
}
