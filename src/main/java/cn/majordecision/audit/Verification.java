package cn.majordecision.audit;

import cn.majordecision.shared.RecordIntegrity;
import java.util.List;

/**
 * The result of recomputing the whole log: {@code ok}, or the first sequence number that cannot be trusted and why
 * (in Chinese). {@code checkpointTreeSize} is the size of the newest signed checkpoint it was checked against (0 when
 * none); entries after it are checked one by one but not yet covered by a signature. {@code tamperedRecords} names each
 * business record (table, id, case) whose content no longer matches the digest its audit entry recorded (ADR 0021);
 * any of them makes the verification fail as well.
 */
public record Verification(boolean ok, long entries, long checkpointTreeSize, String checkpointRootHash,
        Long firstBadSequence, String reason, List<RecordIntegrity.Mismatch> tamperedRecords) {

    /** Shown reasons name at most this many records; {@code tamperedRecords} has all of them. */
    private static final int NAMED = 5;

    Verification(boolean ok, long entries, long checkpointTreeSize, String checkpointRootHash, Long firstBadSequence,
            String reason) {
        this(ok, entries, checkpointTreeSize, checkpointRootHash, firstBadSequence, reason, List.of());
    }

    /** This verification of the log together with the check of the business records against it. */
    Verification withRecords(List<RecordIntegrity.Mismatch> tampered) {
        if (tampered.isEmpty()) {
            return this;
        }
        String records = "有 " + tampered.size() + " 条业务记录与审计日志不符，可能被篡改："
                + String.join("；", tampered.stream().limit(NAMED).map(RecordIntegrity.Mismatch::describe).toList())
                + (tampered.size() > NAMED ? "；等" : "") + "。";
        return new Verification(false, entries, checkpointTreeSize, checkpointRootHash, firstBadSequence,
                reason == null ? records : reason + " " + records, tampered);
    }
}
