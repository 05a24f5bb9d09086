package cn.majordecision.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The audit tables through plain JDBC: an append-only log has no use for an entity's update path. */
@Repository
class AuditEntries {

    private static final String COLUMNS = "seq, case_id, stage, event_type, actor, actor_role, recorded_at, payload, leaf_hash";
    private static final RowMapper<AuditEntry> ENTRY = AuditEntries::entry;
    private static final RowMapper<Checkpoint> CHECKPOINT = (rs, i) -> new Checkpoint(rs.getLong("tree_size"),
            rs.getString("root_hash"), utc(rs, "issued_at").toInstant(ZoneOffset.UTC), rs.getString("signature"),
            rs.getString("public_key"));

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final JdbcTemplate jdbc;

    AuditEntries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Reserves {@code count} consecutive sequence numbers and returns the first. The counter row stays locked until
     * the appending transaction ends, so appends are serialised, numbered in commit order, and a rolled-back append
     * gives its numbers back: no gaps.
     */
    long reserve(int count) {
        jdbc.update("UPDATE audit_log_head SET entry_count = entry_count + ? WHERE id = 1", count);
        return jdbc.queryForObject("SELECT entry_count FROM audit_log_head WHERE id = 1", Long.class) - count;
    }

    /** How many entries the log has registered (committed). */
    long count() {
        return jdbc.queryForObject("SELECT entry_count FROM audit_log_head WHERE id = 1", Long.class);
    }

    /** A case's last entry so far: how many it has, the last one's leaf hash, and whether the row exists yet. */
    record CaseHead(long count, String lastLeafHash, boolean stored) {

        CaseHead next(String leafHash) {
            return new CaseHead(count + 1, leafHash, stored);
        }
    }

    /**
     * The case's head, locked for the appending transaction (a locking read sees the latest committed row, whatever
     * the isolation level); a case without one has no entries yet.
     */
    CaseHead caseHead(long caseId) {
        return jdbc.query("SELECT entry_count, last_leaf_hash FROM audit_case_head WHERE case_id = ? FOR UPDATE",
                (rs, i) -> new CaseHead(rs.getLong(1), rs.getString(2), true), caseId).stream().findFirst()
                .orElse(new CaseHead(0, null, false));
    }

    void saveCaseHead(long caseId, CaseHead head) {
        if (head.stored()) {
            jdbc.update("UPDATE audit_case_head SET entry_count = ?, last_leaf_hash = ? WHERE case_id = ?",
                    head.count(), head.lastLeafHash(), caseId);
        } else {
            jdbc.update("INSERT INTO audit_case_head (case_id, entry_count, last_leaf_hash) VALUES (?, ?, ?)", caseId,
                    head.count(), head.lastLeafHash());
        }
    }

    /** One JDBC batch: a transaction's entries reach the database in one round trip. */
    void insertAll(List<AuditEntry> batch) {
        jdbc.batchUpdate("INSERT INTO audit_entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                batch.stream().map(e -> new Object[] {e.sequence(), e.caseId(), e.stage(), e.eventType(), e.actor(),
                        e.role(), utc(e.recordedAt()), e.payload(), e.leafHash()}).toList());
    }

    List<AuditEntry> ofCase(long caseId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_entry WHERE case_id = ? ORDER BY seq", ENTRY, caseId);
    }

    List<AuditEntry> page(long from, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_entry WHERE seq >= ? ORDER BY seq "
                + "LIMIT " + limit, ENTRY, from);
    }

    /**
     * Locks the head row until the transaction ends, as an append does, and returns the count: no entry is appended
     * meanwhile, and of several nodes signing at once the second waits and then sees the first one's checkpoint.
     */
    long lockHead() {
        return jdbc.queryForObject("SELECT entry_count FROM audit_log_head WHERE id = 1 FOR UPDATE", Long.class);
    }

    /** Every entry with a sequence number below {@code end}, in order, a page at a time (memory stays flat). */
    void forEachBelow(long end, Consumer<AuditEntry> action) {
        forEachBetween(Long.MIN_VALUE, end, action);
    }

    /** Every entry from {@code start} up to below {@code end}, in order, a page at a time. */
    void forEachBetween(long start, long end, Consumer<AuditEntry> action) {
        long from = start == Long.MIN_VALUE ? Long.MIN_VALUE : start - 1;
        while (true) {
            List<AuditEntry> page = jdbc.query("SELECT " + COLUMNS + " FROM audit_entry WHERE seq > ? AND seq < ? "
                    + "ORDER BY seq LIMIT 5000", ENTRY, from, end);
            page.forEach(action);
            if (page.size() < 5000) {
                return;
            }
            from = page.get(page.size() - 1).sequence();
        }
    }

    /** One case a person acted on: how many entries, the first and the last (from the actor index). */
    record ActedOn(long caseId, long entries, Instant first, Instant last) {
    }

    /** The cases the person has entries for, the most recently touched first. */
    List<ActedOn> casesActedOnBy(String actor, int limit) {
        return jdbc.query("SELECT case_id, COUNT(*) AS n, MIN(recorded_at) AS first_at, MAX(recorded_at) AS last_at "
                + "FROM audit_entry WHERE actor = ? AND case_id IS NOT NULL GROUP BY case_id "
                + "ORDER BY last_at DESC LIMIT " + limit,
                (rs, row) -> new ActedOn(rs.getLong("case_id"), rs.getLong("n"),
                        utc(rs, "first_at").toInstant(ZoneOffset.UTC), utc(rs, "last_at").toInstant(ZoneOffset.UTC)),
                actor);
    }

    /** The stored leaf hashes of the first {@code size} entries, for serving proofs. */
    List<byte[]> leafHashes(long size) {
        List<byte[]> hashes = new ArrayList<>((int) size);
        HexFormat hex = HexFormat.of();
        jdbc.query("SELECT leaf_hash FROM audit_entry WHERE seq < ? ORDER BY seq",
                rs -> { hashes.add(hex.parseHex(rs.getString(1))); }, size);
        return hashes;
    }

    void insert(Checkpoint c) {
        jdbc.update("INSERT INTO audit_checkpoint (tree_size, root_hash, issued_at, signature, public_key) "
                + "VALUES (?, ?, ?, ?, ?)", c.treeSize(), c.rootHash(), utc(c.issuedAt()),
                c.signature(), c.publicKey());
    }

    List<Checkpoint> checkpoints() {
        return jdbc.query("SELECT tree_size, root_hash, issued_at, signature, public_key FROM audit_checkpoint "
                + "ORDER BY tree_size, id", CHECKPOINT);
    }

    /** The checkpoints of at least {@code minSize} entries, smallest first. */
    List<Checkpoint> checkpointsFrom(long minSize) {
        return jdbc.query("SELECT tree_size, root_hash, issued_at, signature, public_key FROM audit_checkpoint "
                + "WHERE tree_size >= ? ORDER BY tree_size, id", CHECKPOINT, minSize);
    }

    /** One page of the checkpoints, newest first. */
    List<Checkpoint> checkpointsNewestFirst(int offset, int limit) {
        return jdbc.query("SELECT tree_size, root_hash, issued_at, signature, public_key FROM audit_checkpoint "
                + "ORDER BY tree_size DESC, id DESC LIMIT " + limit + " OFFSET " + offset, CHECKPOINT);
    }

    Optional<Checkpoint> latestCheckpoint() {
        return jdbc.query("SELECT tree_size, root_hash, issued_at, signature, public_key FROM audit_checkpoint "
                + "ORDER BY tree_size DESC, id DESC LIMIT 1", CHECKPOINT).stream().findFirst();
    }

    /**
     * Entries across all cases matching the given filters (each may be null), newest first, one page of them; the
     * total count comes separately so that a page stays cheap.
     */
    List<AuditEntry> search(String actor, String stage, String eventType, Instant from, Instant to, int offset,
            int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(actor, stage, eventType, from, to, args);
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_entry" + where + " ORDER BY seq DESC LIMIT " + limit
                + " OFFSET " + offset, ENTRY, args.toArray());
    }

    long count(String actor, String stage, String eventType, Instant from, Instant to) {
        List<Object> args = new ArrayList<>();
        String where = where(actor, stage, eventType, from, to, args);
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry" + where, Long.class, args.toArray());
    }

    private static String where(String actor, String stage, String eventType, Instant from, Instant to,
            List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (actor != null) {
            conditions.add("actor = ?");
            args.add(actor);
        }
        if (stage != null) {
            conditions.add("stage = ?");
            args.add(stage);
        }
        if (eventType != null) {
            conditions.add("event_type = ?");
            args.add(eventType);
        }
        if (from != null) {
            conditions.add("recorded_at >= ?");
            args.add(utc(from));
        }
        if (to != null) {
            conditions.add("recorded_at < ?");
            args.add(utc(to));
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        Long caseId = rs.getObject("case_id", Long.class);
        return new AuditEntry(rs.getLong("seq"), caseId, rs.getString("stage"),
                rs.getString("event_type"), rs.getString("actor"), rs.getString("actor_role"),
                utc(rs, "recorded_at").toInstant(ZoneOffset.UTC), rs.getString("payload"), rs.getString("leaf_hash"));
    }

    /**
     * Times are bound as UTC wall-clock text with all six fractional digits: on MySQL the connection sends temporal
     * parameters without fractions (Camunda needs sendFractionalSeconds=false), and a time that lost its microseconds
     * would no longer hash to its leaf.
     */
    private static String utc(Instant instant) {
        return MICROS.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** Read back as the same UTC wall-clock value, whatever the JVM's zone. */
    private static LocalDateTime utc(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class);
    }
}
