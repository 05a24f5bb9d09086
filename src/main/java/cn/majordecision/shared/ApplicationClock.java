package cn.majordecision.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's one clock: the system's, or, with {@value #SHIFT_TO} set to an instant, the system's moved so
 * that it reads that instant when first asked in this JVM and runs on from there. The shift lets the whole suite (and
 * a trial installation) live through a year's end or a year without holiday data on any day; it is the same offset
 * for every application context of the JVM, so that the engine, the tests and every context agree on the time.
 */
public final class ApplicationClock {

    /** The setting (and system property) naming the instant the clock starts at, e.g. 2031-06-02T01:00:00Z. */
    public static final String SHIFT_TO = "app.clock.shift-to";

    private static final Map<Instant, Duration> OFFSETS = new ConcurrentHashMap<>();

    private ApplicationClock() {
    }

    /** The system clock, shifted when {@code shiftTo} names an instant (ISO-8601, e.g. 2026-12-31T15:50:00Z). */
    public static Clock of(String shiftTo) {
        if (shiftTo == null || shiftTo.isBlank()) {
            return Clock.systemUTC();
        }
        Instant start;
        try {
            start = Instant.parse(shiftTo.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "%s 应为 ISO-8601 时刻，如 2031-06-02T01:00:00Z：“%s”".formatted(SHIFT_TO, shiftTo), e);
        }
        Duration offset = OFFSETS.computeIfAbsent(start, s -> Duration.between(Instant.now(), s));
        return Clock.offset(Clock.systemUTC(), offset);
    }

    /** The clock as the system property {@value #SHIFT_TO} sets it; for code that runs outside a Spring context. */
    public static Clock fromSystemProperties() {
        return of(System.getProperty(SHIFT_TO));
    }
}
