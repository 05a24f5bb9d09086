package cn.majordecision.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing. Failures are counted per account and per client address within a window; past a
 * threshold every further attempt for that account or from that address is refused without checking the password
 * until a back-off (doubling with each further failure, capped) has passed. A success clears the account's count.
 * Held in memory: a restart forgets it, which costs an attacker at most one more round of attempts.
 */
class LoginThrottle {

    private static final int MAX_TRACKED = 50_000;

    private final Clock clock;
    private final int accountThreshold;
    private final int addressThreshold;
    private final Duration window;
    private final Duration maxBackoff;
    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

    private record Failures(int count, Instant first, Instant last) {
    }

    LoginThrottle(Clock clock, int accountThreshold, int addressThreshold, Duration window, Duration maxBackoff) {
        this.clock = clock;
        this.accountThreshold = accountThreshold;
        this.addressThreshold = addressThreshold;
        this.window = window;
        this.maxBackoff = maxBackoff;
    }

    /** How long this attempt must wait; zero when it may go ahead. */
    Duration waitFor(String account, String address) {
        Instant now = clock.instant();
        Duration byAccount = wait(accounts.get(key(account)), accountThreshold, now);
        Duration byAddress = address == null ? Duration.ZERO : wait(addresses.get(address), addressThreshold, now);
        return byAccount.compareTo(byAddress) >= 0 ? byAccount : byAddress;
    }

    void failed(String account, String address) {
        Instant now = clock.instant();
        count(accounts, key(account), now);
        if (address != null) {
            count(addresses, address, now);
        }
    }

    void succeeded(String account) {
        accounts.remove(key(account));
    }

    private Duration wait(Failures failures, int threshold, Instant now) {
        if (failures == null || failures.count() < threshold || failures.first().plus(window).isBefore(now)) {
            return Duration.ZERO;
        }
        int over = Math.min(failures.count() - threshold, 20);
        Duration backoff = Duration.ofSeconds(1L << over);
        if (backoff.compareTo(maxBackoff) > 0) {
            backoff = maxBackoff;
        }
        Instant until = failures.last().plus(backoff);
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    private void count(Map<String, Failures> map, String key, Instant now) {
        if (map.size() >= MAX_TRACKED) {
            map.values().removeIf(f -> f.first().plus(window).isBefore(now));
            if (map.size() >= MAX_TRACKED) {
                map.clear(); // a flood of distinct names: forget rather than grow without bound
            }
        }
        map.merge(key, new Failures(1, now, now), (old, one) -> old.first().plus(window).isBefore(now)
                ? one : new Failures(old.count() + 1, old.first(), now));
    }

    private static String key(String account) {
        String name = account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
