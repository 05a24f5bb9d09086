package cn.majordecision.benchmark;

import cn.majordecision.DecisionApplication;
import cn.majordecision.audit.AuditEntry;
import cn.majordecision.audit.AuditLog;
import cn.majordecision.audit.Verification;
import cn.majordecision.shared.Actor;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: how long verifying the whole audit log takes. Writes N entries (default 1,000,000) straight into the
 * log table with correct leaf hashes, signs a checkpoint, then times verify-all against it.
 *
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=cn.majordecision.benchmark.AuditVerifyBenchmark -Dexec.args="1000000 test"</pre>
 */
public final class AuditVerifyBenchmark {

    /** Times are bound as text, as the log itself does, so MySQL keeps their microseconds. */
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private AuditVerifyBenchmark() {
    }

    public static void main(String[] args) {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String profiles = args.length > 1 ? args[1] : "test";
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DecisionApplication.class)
                .profiles(profiles.split(","))
                .properties("server.port=0", "app.demo.cases=false", "camunda.bpm.job-execution.enabled=false",
                        "logging.level.root=warn")
                .run()) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            AuditLog log = context.getBean(AuditLog.class);
            Actor auditor = new Actor("benchmark", "基准测试", "", Set.of("auditors"));
            long first = jdbc.queryForObject("SELECT entry_count FROM audit_log_head WHERE id = 1", Long.class);
            Instant base = Instant.parse("2026-01-05T01:00:00Z");
            long started = System.nanoTime();
            List<Object[]> batch = new ArrayList<>();
            for (long seq = first; seq < first + entries; seq++) {
                Instant at = base.plusNanos((seq - first) * 1000);
                String payload = "{\"taskId\":\"t-" + seq + "\",\"note\":\"基准测试条目\",\"sha256\":\"" + Long.toHexString(seq * 2654435761L) + "\"}";
                AuditEntry entry = new AuditEntry(seq, null, "DRAFTING", "TASK_COMPLETED", "wangfang",
                        "officers", at, payload, null);
                batch.add(new Object[] {seq, null, entry.stage(), entry.eventType(), entry.actor(), entry.role(),
                        MICROS.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC)), payload, entry.computeLeafHash()});
                if (batch.size() == 10_000) {
                    insert(jdbc, batch);
                }
            }
            insert(jdbc, batch);
            jdbc.update("UPDATE audit_log_head SET entry_count = ? WHERE id = 1", first + entries);
            System.out.printf("wrote %,d entries in %.1f s%n", entries, (System.nanoTime() - started) / 1e9);

            started = System.nanoTime();
            log.issueCheckpoint(auditor);
            System.out.printf("checkpoint over %,d entries (verifies first) in %.2f s%n", first + entries,
                    (System.nanoTime() - started) / 1e9);
            for (int run = 1; run <= 3; run++) {
                started = System.nanoTime();
                Verification verification = log.verify(auditor);
                System.out.printf("verify-all run %d: ok=%s entries=%,d in %.2f s%n", run, verification.ok(),
                        verification.entries(), (System.nanoTime() - started) / 1e9);
            }
        }
    }

    private static void insert(JdbcTemplate jdbc, List<Object[]> batch) {
        if (!batch.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO audit_entry (seq, case_id, stage, event_type, actor, actor_role, recorded_at, "
                    + "payload, leaf_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", batch);
            batch.clear();
        }
    }
}
