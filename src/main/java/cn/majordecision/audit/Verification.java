package cn.majordecision.audit;

/**
 * The result of recomputing the whole log: {@code ok}, or the first sequence number that cannot be trusted and why
 * (in Chinese). {@code checkpointTreeSize} is the size of the newest signed checkpoint it was checked against (0 when
 * none); entries after it are checked one by one but not yet covered by a signature.
 */
public record Verification(boolean ok, long entries, long checkpointTreeSize, String checkpointRootHash,
        Long firstBadSequence, String reason) {
}
