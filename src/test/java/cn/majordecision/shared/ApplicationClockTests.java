package cn.majordecision.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApplicationClockTests {

    @Test
    void withoutAShiftItIsTheSystemClock() {
        assertThat(ApplicationClock.of(null)).isEqualTo(Clock.systemUTC());
        assertThat(ApplicationClock.of(" ", "2026-12-04T20:00:00Z")).isEqualTo(Clock.systemUTC());
    }

    @Test
    void aShiftedClockReadsItsInstantWhenFirstAskedAndEveryLaterAskAgrees() {
        // given a shift no other test uses
        Instant start = Instant.parse("2031-06-02T01:00:00.321Z");

        // when the clock is asked for twice
        Clock first = ApplicationClock.of(start.toString());
        Clock second = ApplicationClock.of(" " + start + " ");

        // then it started at that instant and both clocks are one
        assertThat(first.instant()).isBetween(start, start.plus(Duration.ofMinutes(1)));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void clocksOfSeveralJvmsGivenTheSameAnchorAgree() {
        // given the instant on the system clock at which the shifted clock reads its start
        Instant start = Instant.parse("2027-12-04T02:00:00Z");
        Instant anchor = Instant.parse("2026-12-04T20:00:00Z");

        // when
        Clock clock = ApplicationClock.of(start.toString(), anchor.toString());

        // then it is the system clock moved by exactly the difference, whenever it is made
        assertThat(clock).isEqualTo(Clock.offset(Clock.systemUTC(), Duration.between(anchor, start)));
    }

    @Test
    void refusesAnInstantItCannotReadNamingTheSetting() {
        assertThatThrownBy(() -> ApplicationClock.of("2031-06-02"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(ApplicationClock.SHIFT_TO);
        assertThatThrownBy(() -> ApplicationClock.of("2031-06-02T01:00:00Z", "yesterday"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(ApplicationClock.SHIFT_AT);
    }
}
