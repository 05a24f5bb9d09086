package cn.majordecision.audit;

import cn.majordecision.shared.RecordIntegrity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Binds the business records to the log (ADR 0021): every stage record, draft version, document, public opinion and
 * correction is re-digested from what is stored now (a stored hash column is compared, never trusted) and compared
 * with the digest its audit entry recorded when it was written. A row rewritten with its hash column, a row the log
 * never recorded and a row the log recorded that is gone are each named with table, id and case.
 */
@Component
@Transactional(readOnly = true)
class RecordBindings implements RecordIntegrity {

    static final String ALTERED = "内容与审计日志登记的摘要不符：登记后被改动";
    static final String HASH_COLUMN = "内容与本行保存的摘要不符：登记后被改动";
    static final String UNLOGGED = "审计日志中没有该记录的登记：未经系统写入";
    static final String DELETED = "审计日志登记过该记录，但它已不存在：被删除";

    private static final String LOGGED = "SELECT case_id, event_type, payload FROM audit_entry WHERE event_type IN "
            + "('TASK_COMPLETED', 'RECORD_CORRECTED', 'DRAFT_VERSION_ADDED', 'DOCUMENT_UPLOADED', 'OPINION_RECEIVED')";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    RecordBindings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Mismatch> mismatchesOfCase(long caseId) {
        return check(" AND case_id = ?", " WHERE case_id = ?", " WHERE id = ?", caseId);
    }

    @Override
    public List<Mismatch> allMismatches() {
        return check("", "", "", null);
    }

    /** What the log recorded of one table's rows: key (row id, or case and version) to digest (null when not logged). */
    record Logged(Map<String, Long> caseOf, Map<String, String> digest) {

        Logged() {
            this(new LinkedHashMap<>(), new HashMap<>());
        }

        void put(String key, Long caseId, String sha256) {
            caseOf.put(key, caseId);
            digest.put(key, sha256);
        }
    }

    private List<Mismatch> check(String entryFilter, String rowFilter, String caseFilter, Long caseId) {
        Object[] args = caseId == null ? new Object[0] : new Object[] {caseId};
        Map<String, Logged> logged = new HashMap<>();
        for (String table : List.of(STAGE_RECORD, RECORD_CORRECTION, DRAFT_VERSION, CASE_DOCUMENT, PUBLIC_OPINION)) {
            logged.put(table, new Logged());
        }
        jdbc.query(LOGGED + entryFilter, rs -> {
            register(logged, rs.getString("event_type"), rs.getObject("case_id", Long.class),
                    parse(rs.getString("payload")));
        }, args);
        // a check made inside a transaction (an archive dossier) also sees the entries that will record its own rows
        for (AuditLog.Pending p : AuditLog.pendingInCurrentTransaction()) {
            if (caseId == null || caseId.equals(p.caseId())) {
                register(logged, p.type().name(), p.caseId(), json.valueToTree(p.payload()));
            }
        }
        Map<Long, String> numbers = new HashMap<>();
        jdbc.query("SELECT id, case_number FROM decision_case" + caseFilter,
                rs -> { numbers.put(rs.getLong(1), rs.getString(2)); }, args);
        List<Mismatch> found = new ArrayList<>();
        jdbc.query("SELECT id, case_id, payload, payload_sha256 FROM stage_record" + rowFilter + " ORDER BY id", rs -> {
            long id = rs.getLong("id");
            compare(found, logged.get(STAGE_RECORD), STAGE_RECORD, id, String.valueOf(id), rs.getLong("case_id"),
                    numbers, RecordIntegrity.sha256(rs.getString("payload")), rs.getString("payload_sha256"));
        }, args);
        jdbc.query("SELECT id, case_id, payload, payload_sha256 FROM record_correction" + rowFilter + " ORDER BY id",
                rs -> {
                    long id = rs.getLong("id");
                    compare(found, logged.get(RECORD_CORRECTION), RECORD_CORRECTION, id, String.valueOf(id),
                            rs.getLong("case_id"), numbers, RecordIntegrity.sha256(rs.getString("payload")),
                            rs.getString("payload_sha256"));
                }, args);
        jdbc.query("SELECT id, case_id, version_number, draft_text, explanation, change_summary FROM draft_version"
                + rowFilter + " ORDER BY id", rs -> {
                    long rowCase = rs.getLong("case_id");
                    compare(found, logged.get(DRAFT_VERSION), DRAFT_VERSION, rs.getLong("id"),
                            rowCase + "/" + rs.getInt("version_number"), rowCase, numbers,
                            RecordIntegrity.draftDigest(rs.getString("draft_text"), rs.getString("explanation"),
                                    rs.getString("change_summary")), null);
                }, args);
        List<Object[]> documents = jdbc.query("SELECT id, case_id, sha256 FROM case_document" + rowFilter
                + " ORDER BY id", (rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)}, args);
        for (Object[] d : documents) {
            long id = (Long) d[0];
            compare(found, logged.get(CASE_DOCUMENT), CASE_DOCUMENT, id, String.valueOf(id), (Long) d[1], numbers,
                    documentDigest(id), (String) d[2]);
        }
        jdbc.query("SELECT id, case_id, receipt_number, opinion_text, text_hash FROM public_opinion" + rowFilter
                + " ORDER BY id", rs -> {
                    compare(found, logged.get(PUBLIC_OPINION), PUBLIC_OPINION, rs.getLong("id"),
                            rs.getString("receipt_number"), rs.getLong("case_id"), numbers,
                            RecordIntegrity.sha256(normalise(rs.getString("opinion_text"))), rs.getString("text_hash"));
                }, args);
        // what the log recorded and is no longer there
        logged.forEach((table, entries) -> entries.caseOf().forEach((key, entryCase) -> found.add(new Mismatch(table,
                idOf(table, key), ref(table, key), entryCase, entryCase == null ? null : numbers.get(entryCase),
                DRAFT_VERSION.equals(table) ? "第 " + key.substring(key.indexOf('/') + 1) + " 版草案：" + DELETED
                        : PUBLIC_OPINION.equals(table) ? "回执号 " + key + " 的意见：" + DELETED : DELETED))));
        return found;
    }

    /**
     * Compares one row with its entry; the entry is taken off {@code logged}, so that what remains there afterwards is
     * what the log recorded and the table no longer has.
     */
    static void compare(List<Mismatch> found, Logged logged, String table, long id, String key, long caseId,
            Map<Long, String> numbers, String recomputed, String storedHash) {
        boolean wasLogged = logged.caseOf().containsKey(key);
        logged.caseOf().remove(key);
        String recorded = logged.digest().get(key);
        String reason = verdict(wasLogged, recorded, recomputed, storedHash);
        if (reason != null) {
            found.add(new Mismatch(table, id, ref(table, key), caseId, numbers.get(caseId), reason));
        }
    }

    /**
     * Why a row does not match, or null when it does: it must have been logged, its content must digest to what the
     * log recorded (entries from before the digest was logged have none to compare), and to its own hash column.
     */
    static String verdict(boolean logged, String recorded, String recomputed, String storedHash) {
        if (!logged) {
            return UNLOGGED;
        }
        if (recorded != null && !recorded.equals(recomputed)) {
            return ALTERED;
        }
        if (storedHash != null && !storedHash.equals(recomputed)) {
            return HASH_COLUMN;
        }
        return null;
    }

    /** The SHA-256 of a document's stored bytes, read a chunk at a time. */
    private String documentDigest(long documentId) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        jdbc.query("SELECT content FROM document_chunk WHERE document_id = ? ORDER BY seq",
                rs -> { sha256.update(rs.getBytes(1)); }, documentId);
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** As the consultation module digests an opinion: alike texts (case, width, white space aside) digest alike. */
    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase().replaceAll("\\s+", "");
    }

    /** The row id of a row that is gone: the id the log names, -1 where it names the row otherwise. */
    private static long idOf(String table, String key) {
        if (DRAFT_VERSION.equals(table) || PUBLIC_OPINION.equals(table)) {
            return -1;
        }
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** How the log names the row (the key without the case of a draft). */
    private static String ref(String table, String key) {
        return DRAFT_VERSION.equals(table) ? key.substring(key.indexOf('/') + 1) : key;
    }

    /** Notes what one audit entry says of the row it recorded. */
    private static void register(Map<String, Logged> logged, String eventType, Long entryCase, JsonNode p) {
        switch (eventType) {
            case "TASK_COMPLETED" -> logged.get(STAGE_RECORD).put(p.path("recordId").asText(), entryCase,
                    text(p, "submissionSha256"));
            case "RECORD_CORRECTED" -> logged.get(RECORD_CORRECTION).put(p.path("correctionId").asText(), entryCase,
                    text(p, "payloadSha256"));
            case "DRAFT_VERSION_ADDED" -> logged.get(DRAFT_VERSION).put(entryCase + "/" + p.path("version").asText(),
                    entryCase, text(p, "draftSha256"));
            case "DOCUMENT_UPLOADED" -> logged.get(CASE_DOCUMENT).put(p.path("documentId").asText(), entryCase,
                    text(p, "sha256"));
            case "OPINION_RECEIVED" -> logged.get(PUBLIC_OPINION).put(p.path("receiptNumber").asText(), entryCase,
                    text(p, "textSha256"));
            default -> { }
        }
    }

    private JsonNode parse(String payload) {
        try {
            return payload == null ? json.createObjectNode() : json.readTree(payload);
        } catch (JsonProcessingException e) {
            return json.createObjectNode();
        }
    }

    private static String text(JsonNode payload, String field) {
        return payload.path(field).isTextual() ? payload.path(field).asText() : null;
    }
}
