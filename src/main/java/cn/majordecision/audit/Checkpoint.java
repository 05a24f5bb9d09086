package cn.majordecision.audit;

import java.time.Instant;

/**
 * A signed tree head: the log had {@code treeSize} entries with this root hash at {@code issuedAt}. The signature
 * (Ed25519, base64) covers {@link #signedText()}; {@code publicKey} is the signer's X.509 key, base64.
 */
public record Checkpoint(long treeSize, String rootHash, Instant issuedAt, String signature, String publicKey) {

    static final String ORIGIN = "major-decision/audit-log";

    /** The note that is signed, one field a line, in the spirit of the C2SP checkpoint format. */
    public String signedText() {
        return ORIGIN + "\n" + treeSize + "\n" + rootHash + "\n" + issuedAt + "\n";
    }
}
