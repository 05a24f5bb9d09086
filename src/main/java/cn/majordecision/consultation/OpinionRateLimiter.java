package cn.majordecision.consultation;

import cn.majordecision.shared.TooManyRequests;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A token bucket per address: a burst of {@code capacity} opinions, then one more every {@code refill}. In memory, per
 * instance; enough to keep one address from flooding a consultation.
 */
@Component
public class OpinionRateLimiter {

    private static final int MAX_ADDRESSES = 100_000;

    private final int capacity;
    private final long refillNanos;
    private final boolean trustForwardedFor;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    OpinionRateLimiter(@Value("${app.consultation.opinions.burst:5}") int capacity,
            @Value("${app.consultation.opinions.refill:PT1M}") Duration refill,
            @Value("${app.consultation.trust-forwarded-for:false}") boolean trustForwardedFor, Clock clock) {
        this.capacity = capacity;
        this.refillNanos = refill.toNanos();
        this.trustForwardedFor = trustForwardedFor;
        this.clock = clock;
    }

    /**
     * Lets a public submission through, or refuses it with 429 and the seconds to wait under {@code code}. Opinions
     * and feedback on decisions share one budget per address.
     */
    public void admit(HttpServletRequest request, String code) {
        Duration wait = acquire(address(request));
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new TooManyRequests(code, "提交过于频繁，请 %d 秒后再试。".formatted(seconds), Duration.ofSeconds(seconds));
        }
    }

    /** The client's address; a proxy's X-Forwarded-For only when configured, and then its last (proxy-added) entry. */
    private String address(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (trustForwardedFor && forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].strip();
        }
        return request.getRemoteAddr();
    }

    /** Takes a token for the address; empty if allowed, otherwise how long to wait. */
    synchronized Duration acquire(String address) {
        long now = clock.millis() * 1_000_000L;
        if (buckets.size() > MAX_ADDRESSES) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(address, a -> new Bucket(capacity, now));
        long earned = (now - bucket.updated) / refillNanos;
        if (earned > 0) {
            bucket.tokens = (int) Math.min(capacity, bucket.tokens + earned);
            bucket.updated += earned * refillNanos;
        }
        if (bucket.tokens > 0) {
            bucket.tokens--;
            if (bucket.tokens == capacity - 1) {
                bucket.updated = now;
            }
            return Duration.ZERO;
        }
        long waitNanos = refillNanos - (now - bucket.updated);
        return Duration.ofNanos(Math.max(waitNanos, 1_000_000_000L));
    }

    private static final class Bucket {
        int tokens;
        long updated;

        Bucket(int tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }
}
