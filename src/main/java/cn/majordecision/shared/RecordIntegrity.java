package cn.majordecision.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Whether the business records of a case still say what the audit log recorded when they were written: each record's
 * digest, recomputed from its stored content, is compared with the digest in its audit entry. Implemented by the audit
 * module; read by whoever shows or judges a record, so that a record rewritten beneath the application is shown as
 * tampered and never counted as evidence.
 */
public interface RecordIntegrity {

    /** How a tampered record is shown to people. */
    String TAMPERED = "记录与审计日志不符，可能被篡改";

    String STAGE_RECORD = "stage_record";
    String DRAFT_VERSION = "draft_version";
    String CASE_DOCUMENT = "case_document";
    String PUBLIC_OPINION = "public_opinion";
    String RECORD_CORRECTION = "record_correction";

    /**
     * A business row that does not match the log: its table, id, case (id and number) and why, in Chinese.
     * {@code id} is the row id (-1 for a row that is gone and that the log names otherwise); {@code ref} is how the
     * audit entry names the row: the record, correction or document id, the draft version number, the opinion's
     * receipt number.
     */
    record Mismatch(String table, long id, String ref, Long caseId, String caseNumber, String reason) {

        /** In words, e.g. "办理记录（stage_record #12，事项 YHZ-2026-001）：内容与审计日志登记的摘要不符：登记后被改动". */
        public String describe() {
            return label(table) + "（" + table + (id < 0 ? " " + ref : " #" + id)
                    + (caseNumber == null ? "" : "，事项 " + caseNumber) + "）：" + reason;
        }
    }

    /** What a clerk calls the records of a table. */
    static String label(String table) {
        return switch (table) {
            case STAGE_RECORD -> "办理记录";
            case DRAFT_VERSION -> "决策草案版本";
            case CASE_DOCUMENT -> "材料";
            case PUBLIC_OPINION -> "公众意见";
            case RECORD_CORRECTION -> "更正记录";
            default -> table;
        };
    }

    /** The mismatches of one case's records, by table and id. */
    List<Mismatch> mismatchesOfCase(long caseId);

    /** The mismatches of every case's records. */
    List<Mismatch> allMismatches();

    /** The mismatch of the row the log names {@code ref} in {@code table}, if any. */
    static java.util.Optional<Mismatch> of(List<Mismatch> mismatches, String table, String ref) {
        return mismatches.stream().filter(m -> m.table().equals(table) && m.ref().equals(ref)).findFirst();
    }

    /** Whether the row of {@code table} with {@code id} is among {@code mismatches}. */
    static boolean tampered(List<Mismatch> mismatches, String table, Long id) {
        return id != null && mismatches.stream().anyMatch(m -> m.table().equals(table) && m.id() == id);
    }

    /** SHA-256 of the text's UTF-8 bytes, hex: the digest of a stage record's or a correction's JSON. */
    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /**
     * The digest of a draft version's content: its text, explanation and change summary, each as "-" when absent or
     * its UTF-8 length, ":" and the text, so that no two different drafts share the input.
     */
    static String draftDigest(String text, String explanation, String changeSummary) {
        StringBuilder input = new StringBuilder();
        for (String part : new String[] {text, explanation, changeSummary}) {
            if (part == null) {
                input.append('-');
            } else {
                input.append(part.getBytes(StandardCharsets.UTF_8).length).append(':').append(part);
            }
        }
        return sha256(input.toString());
    }
}
