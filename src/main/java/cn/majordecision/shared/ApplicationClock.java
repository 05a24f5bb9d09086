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
 * Several JVMs on one database (nodes, or a test and the nodes it starts) agree too when they are also given
 * {@value #SHIFT_AT}, the system-clock instant at which the shifted clock reads {@value #SHIFT_TO}.
 */
public final class ApplicationClock {

    /** The setting (and system property) naming the instant the clock starts at, e.g. 2031-06-02T01:00:00Z. */
    public static final String SHIFT_TO = "app.clock.shift-to";

    /** The setting (and system property) naming when, on the system clock, the clock reads {@value #SHIFT_TO}. */
    public static final String SHIFT_AT = "app.clock.shift-at";

    private static final Map<Instant, Duration> OFFSETS = new ConcurrentHashMap<>();

    private ApplicationClock() {
    }

    /** The system clock, shifted when {@code shiftTo} names an instant (ISO-8601, e.g. 2026-12-31T15:50:00Z). */
    public static Clock of(String shiftTo) {
        return of(shiftTo, null);
    }

    /**
     * As {@link #of(String)}; with {@code shiftAt} (ISO-8601) the clock reads {@code shiftTo} at that instant of the
     * system clock instead of when first asked in this JVM.
     */
    public static Clock of(String shiftTo, String shiftAt) {
        if (blank(shiftTo)) {
            return Clock.systemUTC();
        }
        Instant start = parse(SHIFT_TO, shiftTo);
        Duration offset = blank(shiftAt)
                ? OFFSETS.computeIfAbsent(start, s -> Duration.between(Instant.now(), s))
                : Duration.between(parse(SHIFT_AT, shiftAt), start);
        return Clock.offset(Clock.systemUTC(), offset);
    }

    /** The clock as the system properties {@value #SHIFT_TO} and {@value #SHIFT_AT} set it; for code outside Spring. */
    public static Clock fromSystemProperties() {
        return of(System.getProperty(SHIFT_TO), System.getProperty(SHIFT_AT));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Instant parse(String setting, String value) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "%s 应为 ISO-8601 时刻，如 2031-06-02T01:00:00Z：“%s”".formatted(setting, value), e);
        }
    }
}
