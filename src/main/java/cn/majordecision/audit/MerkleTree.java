package cn.majordecision.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of RFC 6962 / RFC 9162 over SHA-256: leaf hash {@code H(0x00 || data)}, node hash
 * {@code H(0x01 || left || right)}, the empty tree hashes to {@code H("")}; proofs are built and verified as the RFC
 * describes. Indexes are 0-based, as in RFC 9162.
 */
public final class MerkleTree {

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleTree() {
    }

    public static byte[] leafHash(byte[] data) {
        MessageDigest sha = sha256();
        sha.update(LEAF_PREFIX);
        return sha.digest(data);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update(NODE_PREFIX);
        sha.update(left);
        return sha.digest(right);
    }

    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** MTH(D[n]) computed straight from the definition; the reference the incremental tree is tested against. */
    public static byte[] root(List<byte[]> leafHashes) {
        return leafHashes.isEmpty() ? emptyRoot() : subtree(leafHashes, 0, leafHashes.size());
    }

    /** PATH(m, D[n]): the audit path of leaf {@code index} in the tree over {@code leafHashes}. */
    public static List<byte[]> inclusionProof(List<byte[]> leafHashes, long index) {
        int n = leafHashes.size();
        if (index < 0 || index >= n) {
            throw new IllegalArgumentException("leaf index " + index + " outside a tree of size " + n);
        }
        List<byte[]> path = new ArrayList<>();
        path(leafHashes, (int) index, 0, n, path);
        return path;
    }

    /**
     * PATH(m, D[n]) for every listed leaf, in one pass over the tree: each subtree without a listed leaf is hashed
     * once, so k proofs cost about n + k·log n hashes instead of k·n. The proofs come back in the order asked for.
     */
    public static List<List<byte[]>> inclusionProofs(List<byte[]> leafHashes, List<Long> indexes) {
        int n = leafHashes.size();
        int[] sorted = indexes.stream().mapToInt(i -> {
            if (i < 0 || i >= n) {
                throw new IllegalArgumentException("leaf index " + i + " outside a tree of size " + n);
            }
            return (int) (long) i;
        }).sorted().distinct().toArray();
        java.util.Map<Integer, List<byte[]>> paths = new java.util.HashMap<>();
        for (int index : sorted) {
            paths.put(index, new ArrayList<>());
        }
        if (n > 0) {
            paths(leafHashes, sorted, 0, sorted.length, 0, n, paths);
        }
        return indexes.stream().map(i -> List.copyOf(paths.get((int) (long) i))).toList();
    }

    /**
     * The hash of the subtree over leaves [from, to), adding the sibling hashes on the way up to the paths of the
     * wanted leaves {@code wanted[lo..hi)} that lie in it (children before parents: each path runs leaf to root).
     */
    private static byte[] paths(List<byte[]> leaves, int[] wanted, int lo, int hi, int from, int to,
            java.util.Map<Integer, List<byte[]>> out) {
        if (lo == hi) {
            return subtree(leaves, from, to);
        }
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int k = split(n);
        int mid = lo;
        while (mid < hi && wanted[mid] < from + k) {
            mid++;
        }
        byte[] left = paths(leaves, wanted, lo, mid, from, from + k, out);
        byte[] right = paths(leaves, wanted, mid, hi, from + k, to, out);
        for (int i = lo; i < mid; i++) {
            out.get(wanted[i]).add(right);
        }
        for (int i = mid; i < hi; i++) {
            out.get(wanted[i]).add(left);
        }
        return nodeHash(left, right);
    }

    /** PROOF(m, D[n]): proves that the tree of the first {@code m} leaves is a prefix of the tree over all of them. */
    public static List<byte[]> consistencyProof(List<byte[]> leafHashes, long m) {
        int n = leafHashes.size();
        if (m < 1 || m > n) {
            throw new IllegalArgumentException("size " + m + " is not between 1 and " + n);
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(leafHashes, (int) m, 0, n, true, proof);
        return proof;
    }

    /** RFC 9162, 2.1.3.2: does {@code proof} show {@code leafHash} at {@code index} in the tree with {@code root}? */
    public static boolean verifyInclusion(long index, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= treeSize) {
            return false;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    do {
                        fn >>= 1;
                        sn >>= 1;
                    } while ((fn & 1) == 0 && fn != 0);
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162, 2.1.4.2: does {@code proof} show the tree of size {@code m} is a prefix of the tree of size {@code n}? */
    public static boolean verifyConsistency(long m, long n, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (m < 1 || m > n) {
            return false;
        }
        if (m == n) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(m) == 1) {
            path.add(0, firstRoot); // m is a power of two: the first root is itself a node of the second tree
        }
        long fn = m - 1;
        long sn = n - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    do {
                        fn >>= 1;
                        sn >>= 1;
                    } while ((fn & 1) == 0 && fn != 0);
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    /** The largest power of two smaller than {@code n} (n > 1): where RFC 6962 splits a tree. */
    static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static byte[] subtree(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int k = split(n);
        return nodeHash(subtree(leaves, from, from + k), subtree(leaves, from + k, to));
    }

    private static void path(List<byte[]> leaves, int m, int from, int to, List<byte[]> out) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = split(n);
        if (m < k) {
            path(leaves, m, from, from + k, out);
            out.add(subtree(leaves, from + k, to));
        } else {
            path(leaves, m - k, from + k, to, out);
            out.add(subtree(leaves, from, from + k));
        }
    }

    private static void subproof(List<byte[]> leaves, int m, int from, int to, boolean complete, List<byte[]> out) {
        int n = to - from;
        if (m == n) {
            if (!complete) {
                out.add(subtree(leaves, from, to));
            }
            return;
        }
        int k = split(n);
        if (m <= k) {
            subproof(leaves, m, from, from + k, complete, out);
            out.add(subtree(leaves, from + k, to));
        } else {
            subproof(leaves, m - k, from + k, to, false, out);
            out.add(subtree(leaves, from, from + k));
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /**
     * The tree built one leaf at a time, keeping only the roots of its perfect subtrees (at most log2 n hashes): how
     * the log is appended to and verified without holding every leaf.
     */
    public static final class Incremental {

        private final List<byte[]> peaks = new ArrayList<>();
        private long size;

        public void append(byte[] leafHash) {
            byte[] node = leafHash;
            // a new leaf merges with each full subtree of equal size to its left: one merge per trailing 1-bit of size
            for (long s = size; (s & 1) == 1; s >>= 1) {
                node = nodeHash(peaks.remove(peaks.size() - 1), node);
            }
            peaks.add(node);
            size++;
        }

        public long size() {
            return size;
        }

        /** An independent copy: a tree extended on trial must not change the one it started from. */
        public Incremental copy() {
            Incremental copy = new Incremental();
            copy.peaks.addAll(peaks);
            copy.size = size;
            return copy;
        }

        /** MTH of the leaves appended so far: the peaks folded from the right, as RFC 6962's split rule implies. */
        public byte[] root() {
            if (peaks.isEmpty()) {
                return emptyRoot();
            }
            byte[] root = peaks.get(peaks.size() - 1);
            for (int i = peaks.size() - 2; i >= 0; i--) {
                root = nodeHash(peaks.get(i), root);
            }
            return root;
        }
    }
}
