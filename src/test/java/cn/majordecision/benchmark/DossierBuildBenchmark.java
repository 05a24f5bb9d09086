package cn.majordecision.benchmark;

import cn.majordecision.DecisionApplication;
import cn.majordecision.audit.AuditEntry;
import cn.majordecision.audit.AuditEventType;
import cn.majordecision.audit.AuditLog;
import cn.majordecision.audit.MerkleTree;
import cn.majordecision.audit.offline.BundleVerifier;
import cn.majordecision.cases.CaseService;
import cn.majordecision.shared.Actor;
import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not a test: how long the dossier of a case of about 200 audit entries takes to appear in a log of 1,000,000 entries
 * (issue 17). Files a case through the API, writes filler entries straight into the log (correct leaf hashes) with the
 * case's own entries spread among them, signs a checkpoint (the whole log verified once, as after a restart), then
 * withdraws the case and times the answer and the dossier's build after commit. Also times the per-entry proofs the
 * bundle used to compute, for comparison.
 *
 * <pre>DB_NAME=md_dossier mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=cn.majordecision.benchmark.DossierBuildBenchmark -Dexec.args="1000000 200 test,mysql"</pre>
 */
public final class DossierBuildBenchmark {

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private DossierBuildBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int logSize = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int caseEntries = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        String profiles = args.length > 2 ? args[2] : "test";
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DecisionApplication.class)
                .run("--spring.profiles.active=" + profiles, "--server.port=0", "--app.demo.enabled=true",
                        "--app.demo.cases=false", "--camunda.bpm.job-execution.enabled=false",
                        "--app.audit.checkpoints.automatic=false", "--logging.level.root=warn",
                        "--logging.level.cn.majordecision.archive=info")) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            AuditLog log = context.getBean(AuditLog.class);
            TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            Actor auditor = new Actor("benchmark", "基准测试", "", Set.of("auditors"));
            CaseDriver driver = new CaseDriver(port);
            String number = driver.file("基准测试：归档包生成", Map.of("nonPublic", true));
            long caseId = context.getBean(CaseService.class).get(number).getId();

            // the case's entries spread evenly through the log: the worst case for per-entry proofs
            long existing = count(jdbc, "SELECT COUNT(*) FROM audit_entry WHERE case_id = ?", caseId);
            int toAppend = (int) Math.max(0, caseEntries - existing - 2); // the withdrawal adds two
            long head = jdbc.queryForObject("SELECT entry_count FROM audit_log_head WHERE id = 1", Long.class);
            long fillers = Math.max(0, logSize - head - toAppend - 2);
            long perGap = fillers / (toAppend + 1);
            long started = System.nanoTime();
            Instant base = Instant.parse("2026-01-05T01:00:00Z");
            for (int i = 0; i <= toAppend; i++) {
                long n = i == toAppend ? fillers - perGap * toAppend : perGap;
                fill(jdbc, tx, n, base);
                if (i < toAppend) {
                    int index = i;
                    tx.executeWithoutResult(s -> log.append(AuditEventType.TASK_CLAIMED, caseId, "DRAFTING", "wangfang",
                            "officers", Map.of("benchmark", index)));
                }
            }
            long size = jdbc.queryForObject("SELECT entry_count FROM audit_log_head WHERE id = 1", Long.class);
            System.out.printf("log of %,d entries written in %.1f s; case %s has %d entries%n", size,
                    (System.nanoTime() - started) / 1e9, number,
                    count(jdbc, "SELECT COUNT(*) FROM audit_entry WHERE case_id = ?", caseId));

            started = System.nanoTime();
            log.issueCheckpoint(auditor);
            System.out.printf("first checkpoint (whole log verified, as after a restart): %.2f s%n",
                    (System.nanoTime() - started) / 1e9);

            // when: the officer withdraws the case; the answer does not wait for the dossier
            started = System.nanoTime();
            Api.Response withdrawn = driver.as("wangfang").post("/api/cases/" + number + "/withdrawal",
                    Map.of("reason", "基准测试：撤回以生成归档包。"));
            double answered = (System.nanoTime() - started) / 1e6;
            if (withdrawn.status() != 200) {
                throw new IllegalStateException("withdrawal refused: " + withdrawn);
            }
            JsonNode ready = null;
            while (ready == null) {
                for (JsonNode v : driver.as("hefang").get("/api/cases/" + number + "/dossiers").json()) {
                    if ("READY".equals(v.path("status").asText())) {
                        ready = v;
                    } else if ("FAILED".equals(v.path("status").asText())) {
                        throw new IllegalStateException("dossier failed: " + v);
                    }
                }
                Thread.sleep(20);
            }
            double appeared = (System.nanoTime() - started) / 1e6;
            byte[] dossier = driver.as("hefang").download("/api/cases/" + number + "/dossiers/1").body();
            BundleVerifier.Result verified = BundleVerifier.verify(dossier, null);
            System.out.printf("withdrawal answered in %.0f ms; dossier ready %.0f ms after the request (%,d bytes, "
                    + "%d case entries, offline verification %s)%n", answered, appeared, dossier.length,
                    count(jdbc, "SELECT COUNT(*) FROM audit_entry WHERE case_id = ?", caseId),
                    verified.problems().isEmpty() ? "passed" : "FAILED " + verified.problems());

            // where the time goes: the audit bundle alone (checkpoint, reading every leaf hash, the proofs)
            cn.majordecision.audit.AuditBundles bundles = context.getBean(cn.majordecision.audit.AuditBundles.class);
            for (int run = 1; run <= 2; run++) {
                started = System.nanoTime();
                bundles.bundle(number);
                System.out.printf("audit bundle of the case alone, run %d: %.0f ms%n", run,
                        (System.nanoTime() - started) / 1e6);
            }

            // for comparison: the proofs computed one entry at a time, as the bundle did before (k·n hashes)
            HexFormat hex = HexFormat.of();
            List<byte[]> leaves = new ArrayList<>();
            started = System.nanoTime();
            jdbc.query("SELECT leaf_hash FROM audit_entry ORDER BY seq", rs -> {
                leaves.add(hex.parseHex(rs.getString(1)));
            });
            System.out.printf("reading the %,d leaf hashes: %.0f ms%n", leaves.size(), (System.nanoTime() - started) / 1e6);
            List<Long> ofCase = jdbc.queryForList("SELECT seq FROM audit_entry WHERE case_id = ? ORDER BY seq", Long.class,
                    caseId);
            started = System.nanoTime();
            MerkleTree.inclusionProofs(leaves, ofCase);
            double onePass = (System.nanoTime() - started) / 1e6;
            started = System.nanoTime();
            int sample = Math.min(5, ofCase.size());
            for (int i = 0; i < sample; i++) {
                MerkleTree.inclusionProof(leaves, ofCase.get(i * ofCase.size() / sample));
            }
            double perEntry = (System.nanoTime() - started) / 1e6 / sample;
            System.out.printf("proofs of %d entries in a tree of %,d: one pass %.0f ms; one entry at a time %.0f ms each, "
                    + "about %.1f s for all%n", ofCase.size(), leaves.size(), onePass, perEntry,
                    perEntry * ofCase.size() / 1000);
        }
    }

    private static long count(JdbcTemplate jdbc, String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    /**
     * Appends {@code n} entries of no case straight into the table, with correct leaf hashes, and moves the head: 1,000
     * rows per statement, one transaction per 20,000 (a commit per row would take the better part of an hour).
     */
    private static void fill(JdbcTemplate jdbc, TransactionTemplate tx, long n, Instant base) {
        long first = jdbc.queryForObject("SELECT entry_count FROM audit_log_head WHERE id = 1", Long.class);
        long end = first + n;
        for (long from = first; from < end; from += 20_000) {
            long chunkEnd = Math.min(end, from + 20_000);
            long start = from;
            tx.executeWithoutResult(status -> {
                for (long rowsFrom = start; rowsFrom < chunkEnd; rowsFrom += 1_000) {
                    long rowsEnd = Math.min(chunkEnd, rowsFrom + 1_000);
                    StringBuilder sql = new StringBuilder("INSERT INTO audit_entry (seq, case_id, stage, event_type, actor, "
                            + "actor_role, recorded_at, payload, leaf_hash) VALUES ");
                    List<Object> args = new ArrayList<>();
                    for (long seq = rowsFrom; seq < rowsEnd; seq++) {
                        Instant at = base.plusNanos(seq * 1000);
                        String payload = "{\"taskId\":\"t-" + seq + "\",\"note\":\"基准测试条目\"}";
                        AuditEntry entry = new AuditEntry(seq, null, "DRAFTING", "TASK_COMPLETED", "wangfang", "officers",
                                at, payload, null);
                        sql.append(seq == rowsFrom ? "" : ",").append("(?, NULL, ?, ?, ?, ?, ?, ?, ?)");
                        args.add(seq);
                        args.add(entry.stage());
                        args.add(entry.eventType());
                        args.add(entry.actor());
                        args.add(entry.role());
                        args.add(MICROS.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC)));
                        args.add(payload);
                        args.add(entry.computeLeafHash());
                    }
                    jdbc.update(sql.toString(), args.toArray());
                }
                jdbc.update("UPDATE audit_log_head SET entry_count = ? WHERE id = 1", chunkEnd);
            });
        }
    }
}
