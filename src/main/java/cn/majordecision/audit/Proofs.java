package cn.majordecision.audit;

import java.util.List;

/** The proofs the log serves, all hashes in lower-case hex. */
public final class Proofs {

    private Proofs() {
    }

    /** Entry {@code leafIndex} (its sequence number) is in the tree of size {@code treeSize} with {@code rootHash}. */
    public record Inclusion(long leafIndex, long treeSize, String leafHash, String rootHash, List<String> auditPath) {
    }

    /** The tree of size {@code fromSize} is a prefix of the tree of size {@code toSize}. */
    public record Consistency(long fromSize, long toSize, String fromRoot, String toRoot, List<String> proof) {
    }
}
