package cn.majordecision.audit;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.springframework.stereotype.Component;

/**
 * What this node knows about the log without asking the database: the Merkle tree of the prefix it has verified
 * (only its peaks, a few dozen hashes however long the log) and the leaf hashes of the entries it appended itself
 * since then. The next checkpoint then hashes only the entries after the frontier, and an entry this node appended
 * but someone rewrote in the database together with its hash is named exactly, before any checkpoint covers it.
 */
@Component
class LogFrontier {

    /** Enough for hours of appends; the oldest are forgotten first, the signed checkpoints cover them by then. */
    private static final int REMEMBERED = 200_000;

    private MerkleTree.Incremental verified = new MerkleTree.Incremental();
    private final ConcurrentSkipListMap<Long, String> appended = new ConcurrentSkipListMap<>();

    /** A copy of the verified tree, to extend on trial. */
    synchronized MerkleTree.Incremental verified() {
        return verified.copy();
    }

    synchronized long size() {
        return verified.size();
    }

    /** The tree was verified up to its size (and signed, or checked against a signed root): it becomes the frontier. */
    synchronized void advance(MerkleTree.Incremental tree) {
        if (tree.size() > verified.size()) {
            verified = tree.copy();
        }
        appended.headMap(verified.size()).clear();
    }

    /** Forgets the verified prefix (the log no longer agrees with it); the next signing reads the log from the start. */
    synchronized void forget() {
        verified = new MerkleTree.Incremental();
    }

    void appended(long sequence, String leafHash) {
        appended.put(sequence, leafHash);
        while (appended.size() > REMEMBERED) {
            appended.pollFirstEntry();
        }
    }

    /** The leaf hash this node computed when it appended the entry, or null when another node appended it. */
    String appendedLeaf(long sequence) {
        return appended.get(sequence);
    }

    Map<Long, String> appendedSnapshot() {
        return Map.copyOf(appended);
    }
}
