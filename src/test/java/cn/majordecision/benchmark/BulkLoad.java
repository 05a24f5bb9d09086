package cn.majordecision.benchmark;

import cn.majordecision.audit.AuditEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.springframework.core.env.Environment;

/**
 * Writes cases and audit entries straight into our tables, not through the API: the volume the queries are timed at.
 * Audit entries carry the leaf hash the log computes, and the log's head counts them, so the log stays verifiable.
 * On MySQL/MariaDB the entries go in with LOAD DATA LOCAL INFILE from memory, a chunk at a time; elsewhere (H2) in
 * JDBC batches.
 */
final class BulkLoad {

    static final String[] STAGES = {"LAUNCH", "DRAFTING", "PUBLIC_PARTICIPATION", "EXPERT_REVIEW", "RISK_ASSESSMENT",
            "LEGALITY_REVIEW", "COLLECTIVE_DISCUSSION", "PARTY_COMMITTEE", "PUBLICATION", "ARCHIVING"};
    static final String[] WORDS = {"道路", "改造", "学校", "供水", "垃圾", "停车", "电梯", "农贸", "市场", "补助",
            "污水", "管网", "养老", "绿化", "照明", "拆迁", "安置", "医疗", "公交", "河道"};
    static final String[] ACTORS = {"wangfang", "zhaolei", "liqiang", "zhangwei", "wugang", "sunli", "zhenghong",
            "fenglei", "hefang", "zhoujing", "chenming", "system"};
    private static final String[] ROLES = {"officers", "officers", "officers", "heads", "legal-reviewers",
            "legal-advisers", "meeting-secretaries", "party-committee", "archivists", "risk-assessors", "experts", null};
    private static final String[] UNITS = {"镇规划建设办", "镇农业农村办", "镇财政所", "镇社会事务办", "镇综合执法队",
            "镇经济发展办"};
    private static final String[] EVENTS = {"TASK_CREATED", "TASK_CLAIMED", "TASK_COMPLETED", "TASK_CREATED",
            "TASK_CLAIMED", "TASK_COMPLETED", "DRAFT_VERSION_ADDED", "STAGE_SKIPPED", "DOCUMENT_UPLOADED",
            "OPINION_RECEIVED"};
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final Instant FIRST = Instant.parse("2024-01-01T01:00:00Z");
    private static final long SPAN_SECONDS = 900L * 24 * 3600;
    private static final int CHUNK = 100_000;

    private static volatile int loadedCases;

    private final DataSource dataSource;
    private final Environment environment;

    BulkLoad(DataSource dataSource, Environment environment) {
        this.dataSource = dataSource;
        this.environment = environment;
    }

    /** The case number of the i-th loaded case. */
    static String number(int i) {
        return "YHZ-B%06d".formatted(i);
    }

    static int loadedCases() {
        return loadedCases;
    }

    interface Rows {
        void row(String what, String figure, String detail);
    }

    void load(int cases, long entries, Rows rows) throws SQLException {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            long[] ids = insertCases(connection, cases);
            loadedCases = cases;
            double caseSeconds = (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            long first;
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery("SELECT entry_count FROM audit_log_head WHERE id = 1")) {
                rs.next();
                first = rs.getLong(1);
            }
            if (isMysql()) {
                loadEntriesFromMemory(connection, ids, first, entries);
            } else {
                insertEntries(connection, ids, first, entries);
            }
            try (PreparedStatement head = connection.prepareStatement(
                    "UPDATE audit_log_head SET entry_count = ? WHERE id = 1")) {
                head.setLong(1, first + entries);
                head.executeUpdate();
            }
            connection.commit();
            double entrySeconds = (System.nanoTime() - started) / 1e9;
            rows.row("(d) rows loaded directly (not via API)", "%,d cases in %.0f s, %,d audit entries in %.0f s"
                    .formatted(cases, caseSeconds, entries, entrySeconds),
                    "%s; ~%,d entries per case".formatted(isMysql() ? "LOAD DATA LOCAL INFILE" : "JDBC batches",
                            cases == 0 ? 0 : entries / cases));
        }
    }

    private boolean isMysql() {
        return environment.getProperty("spring.datasource.url", "").startsWith("jdbc:mysql:");
    }

    private Connection connect() throws SQLException {
        if (!isMysql()) {
            return dataSource.getConnection();
        }
        String url = environment.getProperty("spring.datasource.url") + "&rewriteBatchedStatements=true"
                + "&allowLoadLocalInfile=true";
        return DriverManager.getConnection(url, environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"));
    }

    private static long[] insertCases(Connection connection, int cases) throws SQLException {
        String sql = "INSERT INTO decision_case (case_number, title, category, proposer_type, undertaking_unit, "
                + "lead_unit, problem, reasons_and_basis, initial_plan, necessity_and_feasibility, flag_non_public, "
                + "flag_technical, flag_stability_risk, flag_prior_risk_assessment, flag_hearing, flag_market_activity, "
                + "flag_congress_approval, flag_exploratory_reform, flags_set_by, status, stage, current_draft_version, "
                + "filed_by, filed_at, closed_at, version, outside_catalog_reason) "
                + "VALUES (?, ?, 'CONSTRUCTION', 'DEPARTMENT', ?, ?, '基准测试：问题', '基准测试：依据', '基准测试：方案', "
                + "'基准测试：必要性', false, false, false, false, false, false, false, false, ?, ?, ?, 1, ?, ?, ?, 0, "
                + "'基准测试数据')";
        SplittableRandom random = new SplittableRandom(7);
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < cases; i++) {
                String unit = UNITS[i % UNITS.length];
                boolean active = random.nextInt(100) < 25;
                Instant filed = FIRST.plusSeconds(SPAN_SECONDS * i / Math.max(1, cases));
                insert.setString(1, number(i));
                insert.setString(2, WORDS[random.nextInt(WORDS.length)] + WORDS[random.nextInt(WORDS.length)]
                        + "实施方案（第" + i + "号）");
                insert.setString(3, unit);
                insert.setString(4, unit);
                insert.setString(5, "wangfang");
                insert.setString(6, active ? "ACTIVE" : "ARCHIVED");
                insert.setString(7, active ? STAGES[random.nextInt(STAGES.length - 1)] : "ARCHIVING");
                insert.setString(8, "wangfang");
                insert.setTimestamp(9, Timestamp.valueOf(LocalDateTime.ofInstant(filed, ZoneOffset.UTC)));
                insert.setTimestamp(10, active ? null
                        : Timestamp.valueOf(LocalDateTime.ofInstant(filed.plusSeconds(90L * 24 * 3600), ZoneOffset.UTC)));
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
                if (i % 20_000 == 19_999) {
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
        long[] ids = new long[cases];
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, case_number FROM decision_case WHERE case_number LIKE 'YHZ-B%'")) {
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    int index = Integer.parseInt(rs.getString(2).substring(5));
                    if (index < cases) {
                        ids[index] = rs.getLong(1);
                    }
                }
            }
        }
        return ids;
    }

    /** One entry, as the log would have written it: its time, its payload and its leaf hash. */
    private static AuditEntry entry(long seq, long index, long total, long[] ids, SplittableRandom random) {
        int c = random.nextInt(ids.length);
        int a = random.nextInt(ACTORS.length);
        String event = EVENTS[random.nextInt(EVENTS.length)];
        Instant at = FIRST.plusNanos((long) (SPAN_SECONDS * 1e9 * index / Math.max(1, total)) / 1000 * 1000);
        String payload = "{\"taskId\":\"t-" + seq + "\",\"taskKey\":\"Task_Bench\",\"taskName\":\"基准测试任务\","
                + "\"assignee\":\"" + ACTORS[a] + "\",\"due\":null}";
        AuditEntry entry = new AuditEntry(seq, ids[c], STAGES[random.nextInt(STAGES.length)], event, ACTORS[a],
                ROLES[a], at, payload, null);
        return new AuditEntry(seq, entry.caseId(), entry.stage(), event, entry.actor(), entry.role(), at, payload,
                entry.computeLeafHash());
    }

    private static void loadEntriesFromMemory(Connection connection, long[] ids, long first, long total)
            throws SQLException {
        SplittableRandom random = new SplittableRandom(11);
        long next = 0;
        long report = System.nanoTime();
        while (next < total) {
            long end = Math.min(total, next + CHUNK);
            ByteArrayOutputStream chunk = new ByteArrayOutputStream(CHUNK * 400);
            StringBuilder line = new StringBuilder(400);
            for (long i = next; i < end; i++) {
                AuditEntry e = entry(first + i, i, total, ids, random);
                line.setLength(0);
                line.append(e.sequence()).append('\t').append(e.caseId()).append('\t').append(e.stage()).append('\t')
                        .append(e.eventType()).append('\t').append(e.actor()).append('\t')
                        .append(e.role() == null ? "\\N" : e.role()).append('\t')
                        .append(MICROS.format(LocalDateTime.ofInstant(e.recordedAt(), ZoneOffset.UTC))).append('\t')
                        .append(e.payload()).append('\t').append(e.leafHash()).append('\n');
                chunk.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
            }
            try (Statement st = connection.createStatement()) {
                streamInto(st, new ByteArrayInputStream(chunk.toByteArray()));
                st.execute("LOAD DATA LOCAL INFILE 'audit-entries.tsv' INTO TABLE audit_entry CHARACTER SET utf8mb4 "
                        + "FIELDS TERMINATED BY '\\t' LINES TERMINATED BY '\\n' "
                        + "(seq, case_id, stage, event_type, actor, actor_role, recorded_at, payload, leaf_hash)");
            }
            connection.commit();
            next = end;
            if (System.nanoTime() - report > 30_000_000_000L) {
                report = System.nanoTime();
                System.out.printf("  loaded %,d of %,d audit entries%n", next, total);
            }
        }
    }

    /** The driver reads LOAD DATA LOCAL from this stream instead of a file (the driver is a runtime dependency). */
    private static void streamInto(Statement statement, java.io.InputStream data) throws SQLException {
        try {
            Class<?> type = Class.forName("com.mysql.cj.jdbc.JdbcStatement");
            Object mysql = statement.unwrap(type);
            type.getMethod("setLocalInfileInputStream", java.io.InputStream.class).invoke(mysql, data);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("MySQL Connector/J is needed for LOAD DATA LOCAL", e);
        }
    }

    private static void insertEntries(Connection connection, long[] ids, long first, long total) throws SQLException {
        SplittableRandom random = new SplittableRandom(11);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_entry (seq, case_id, stage, "
                + "event_type, actor, actor_role, recorded_at, payload, leaf_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (long i = 0; i < total; i++) {
                AuditEntry e = entry(first + i, i, total, ids, random);
                insert.setLong(1, e.sequence());
                insert.setLong(2, e.caseId());
                insert.setString(3, e.stage());
                insert.setString(4, e.eventType());
                insert.setString(5, e.actor());
                insert.setString(6, e.role());
                insert.setString(7, MICROS.format(LocalDateTime.ofInstant(e.recordedAt(), ZoneOffset.UTC)));
                insert.setString(8, e.payload());
                insert.setString(9, e.leafHash());
                insert.addBatch();
                if (i % 5000 == 4999) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }
}
