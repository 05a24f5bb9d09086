package cn.majordecision.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * One entry of the audit log, a leaf of its Merkle tree. {@code payload} is the JSON text exactly as stored;
 * {@code leafHash} is the hash stored at append time, which verification recomputes rather than trusts.
 */
public record AuditEntry(long sequence, Long caseId, String stage, String eventType, String actor, String role,
        Instant recordedAt, @JsonRawValue String payload, String leafHash) {

    /** Version tag of {@link #canonicalBytes()}; a new layout gets a new tag, old entries keep theirs. */
    static final byte LAYOUT = 1;

    /**
     * The leaf data: a version byte, the sequence number and time (epoch microseconds, UTC) as 8-byte big-endian
     * integers, then every other field as a 4-byte length and its UTF-8 bytes (length -1 for null). Unambiguous, so
     * no two different entries share leaf data, and the sequence number inside it makes a swap visible at once.
     */
    @JsonIgnore
    public byte[] canonicalBytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 + (payload == null ? 0 : payload.length() * 3));
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(LAYOUT);
            out.writeLong(sequence);
            out.writeLong(ChronoUnit.MICROS.between(Instant.EPOCH, recordedAt));
            writeText(out, caseId == null ? null : caseId.toString());
            writeText(out, stage);
            writeText(out, eventType);
            writeText(out, actor);
            writeText(out, role);
            writeText(out, payload);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256(0x00 || canonical bytes), hex: what the leaf hash must be for these contents. */
    public String computeLeafHash() {
        return HexFormat.of().formatHex(MerkleTree.leafHash(canonicalBytes()));
    }

    AuditEntry withLeafHash() {
        return new AuditEntry(sequence, caseId, stage, eventType, actor, role, recordedAt, payload, computeLeafHash());
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
