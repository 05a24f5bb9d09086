package cn.majordecision.expertreview;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The reproducible draw, exactly as the guide states it: candidates in ascending pool id order; for draw i = 0, 1, ...
 * take the first 8 bytes of SHA-256 over the UTF-8 bytes of {@code seed + ":" + i} as an unsigned big-endian number,
 * its remainder by the number of candidates left is the position (0-based, order kept) of the one drawn, who leaves
 * the list. No {@code java.util.Random}: anyone with the list and the seed gets the same result in any language.
 */
public final class DrawAlgorithm {

    private DrawAlgorithm() {
    }

    /** Draws {@code count} of the ordered candidates with the seed; the result is in drawing order. */
    public static <T> List<T> draw(List<T> orderedCandidates, int count, String seed) {
        if (count < 0 || count > orderedCandidates.size()) {
            throw new IllegalArgumentException("Cannot draw " + count + " of " + orderedCandidates.size());
        }
        List<T> left = new ArrayList<>(orderedCandidates);
        List<T> drawn = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long value = first8Bytes(sha256(seed + ":" + i));
            int position = (int) Long.remainderUnsigned(value, left.size());
            drawn.add(left.remove(position));
        }
        return drawn;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static long first8Bytes(byte[] hash) {
        long value = 0;
        for (int b = 0; b < 8; b++) {
            value = (value << 8) | (hash[b] & 0xFF);
        }
        return value;
    }
}
