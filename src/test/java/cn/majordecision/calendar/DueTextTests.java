package cn.majordecision.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DueTextTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @Test
    void aPeriodEndingAtMidnightReadsAsTheLastDayUntil24() {
        // given: due at 00:00 Beijing time on Saturday 12 December, i.e. the end of Friday 11 December
        Instant due = Instant.parse("2026-12-11T16:00:00Z");

        // then
        assertThat(DueText.of(due, TODAY, Locale.CHINA)).isEqualTo("12月11日（周五）24:00前");
        assertThat(DueText.of(due, TODAY, Locale.ENGLISH)).isEqualTo("by 24:00 on Fri 11 Dec");
    }

    @Test
    void aDeadlineInAnotherYearNamesTheYear() {
        assertThat(DueText.of(Instant.parse("2027-01-07T16:00:00Z"), TODAY, Locale.CHINA))
                .isEqualTo("2027年1月7日（周四）24:00前");
    }

    @Test
    void aDeadlineAtAnotherTimeKeepsItsTime() {
        assertThat(DueText.of(Instant.parse("2026-12-11T09:30:00Z"), TODAY, Locale.CHINA))
                .isEqualTo("12月11日（周五）17:30前");
    }
}
