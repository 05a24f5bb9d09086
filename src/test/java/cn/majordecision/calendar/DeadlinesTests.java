package cn.majordecision.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Each counting rule, across the 2025 and 2026 Spring Festival and National Day seams. */
class DeadlinesTests {

    private final Deadlines deadlines = Calendars.deadlines(true);

    @Test
    void legalityReviewOverSpringFestival2025CountsTheAdjustedWorkingWeekendsAndSkipsTheHoliday() {
        // given: Friday 24 January 2025; Sunday 26 January and Saturday 8 February are working days
        LocalDate start = LocalDate.of(2025, 1, 24);

        // when
        LocalDate last = deadlines.lastDay(start, TimeLimit.workingDays(7));

        // then: 26, 27 Jan; 5, 6, 7, 8, 10 Feb
        assertThat(last).isEqualTo(LocalDate.of(2025, 2, 10));
    }

    @Test
    void legalityReviewStartedBeforeNationalDay2025IsDueTheSixteenthOfOctober() {
        // given: a fixed clock on Tuesday 30 September 2025, 10:00 in Beijing
        Clock clock = Clock.fixed(Instant.parse("2025-09-30T02:00:00Z"), ZoneOffset.UTC);

        // when
        Instant due = deadlines.due(clock.instant(), TimeLimit.workingDays(7));

        // then: 9, 10, 11 (Saturday, adjusted), 13, 14, 15, 16 October; due at the end of the 16th, Beijing time
        assertThat(due).isEqualTo(Instant.parse("2025-10-16T16:00:00Z"));
    }

    @Test
    void theWorkingDaysBetweenAPackageAndAMeetingCountNeitherEndAndFollowTheHolidayNotice() {
        WorkingDayCalendar.Lookup days = deadlines.lookup();
        // Friday 24 January 2025 to Tuesday 11 February: 26, 27 Jan; 5, 6, 7, 8, 10 Feb (the Spring Festival is off)
        assertThat(Deadlines.workingDaysBetween(days, LocalDate.of(2025, 1, 24), LocalDate.of(2025, 2, 11))).isEqualTo(7);
        assertThat(Deadlines.workingDaysBetween(days, LocalDate.of(2025, 1, 24), LocalDate.of(2025, 2, 10))).isEqualTo(6);
        // the same day, or a meeting before the package: none
        assertThat(Deadlines.workingDaysBetween(days, LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 3))).isZero();
        assertThat(Deadlines.workingDaysBetween(days, LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 1))).isZero();
    }

    @Test
    void legalityReviewOverSpringFestival2026EndsOnTheAdjustedWorkingSaturday() {
        // given: Thursday 12 February 2026; Saturdays 14 and 28 February are working days
        LocalDate start = LocalDate.of(2026, 2, 12);

        // when
        LocalDate last = deadlines.lastDay(start, TimeLimit.workingDays(7));

        // then: 13, 14, 24, 25, 26, 27, 28 February
        assertThat(last).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void publicationWithinTwentyWorkingDaysOverMidAutumnAndNationalDay2026() {
        // given: Friday 18 September 2026; Sunday 20 September and Saturday 10 October are working days
        LocalDate start = LocalDate.of(2026, 9, 18);

        // when
        LocalDate last = deadlines.lastDay(start, TimeLimit.workingDays(20));

        // then
        assertThat(last).isEqualTo(LocalDate.of(2026, 10, 22));
    }

    @Test
    void aCalendarDayPeriodDoesNotCountTheStartDay() {
        // given
        LocalDate start = LocalDate.of(2026, 3, 2);

        // when
        LocalDate last = deadlines.lastDay(start, TimeLimit.calendarDays(30));

        // then: 1 April 2026 is a Wednesday
        assertThat(last).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(Deadlines.calendarDays(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31))).isEqualTo(30);
        assertThat(Deadlines.lastsAtLeast(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 30), 30)).isFalse();
    }

    @Test
    void aCalendarDayPeriodEndingInTheNationalDayHolidayMovesToTheNextWorkingDay() {
        // given: 30 days from Monday 8 September 2025 end on Wednesday 8 October, a holiday
        LocalDate start = LocalDate.of(2025, 9, 8);

        // when
        LocalDate last = deadlines.lastDay(start, TimeLimit.calendarDays(30));

        // then
        assertThat(last).isEqualTo(LocalDate.of(2025, 10, 9));
    }

    @Test
    void aCalendarDayPeriodEndingInSpringFestival2026MovesPastTheWholeHoliday() {
        // given: 30 days from Friday 16 January 2026 end on Sunday 15 February, the first day of the holiday
        LocalDate start = LocalDate.of(2026, 1, 16);

        // when
        LocalDate last = deadlines.lastDay(start, TimeLimit.calendarDays(30));

        // then
        assertThat(last).isEqualTo(LocalDate.of(2026, 2, 24));
    }

    @Test
    void aCalendarDayPeriodEndingOnAnAdjustedWorkingSaturdayStaysThere() {
        // given: 30 days from Thursday 15 January 2026 end on Saturday 14 February, a working day
        LocalDate start = LocalDate.of(2026, 1, 15);

        // when
        LocalDate last = deadlines.lastDay(start, TimeLimit.calendarDays(30));

        // then
        assertThat(last).isEqualTo(LocalDate.of(2026, 2, 14));
    }

    @Test
    void theRestDayRuleCanBeSwitchedOff() {
        // given
        Deadlines literal = Calendars.deadlines(false);

        // when
        LocalDate last = literal.lastDay(LocalDate.of(2026, 1, 16), TimeLimit.calendarDays(30));

        // then
        assertThat(last).isEqualTo(LocalDate.of(2026, 2, 15));
    }

    @Test
    void hearingMaterialsSevenDaysBeforeDoNotCountTheDayTheyAreSent() {
        assertThat(Deadlines.isAtLeastDaysBefore(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 20), 7)).isTrue();
        assertThat(Deadlines.isAtLeastDaysBefore(LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 20), 7)).isFalse();
    }

    @Test
    void aPeriodEndsAtMidnightBeijingTimeAfterItsLastDay() {
        assertThat(Deadlines.endOf(LocalDate.of(2025, 10, 9))).isEqualTo(Instant.parse("2025-10-09T16:00:00Z"));
        assertThat(Deadlines.dayOf(Instant.parse("2025-09-30T16:30:00Z"))).isEqualTo(LocalDate.of(2025, 10, 1));
    }

    @Test
    void aDeadlineThatRunsIntoAYearWithoutCalendarDataIsCountedProvisionallyAndMarked() {
        // given: Monday 28 December 2026; 2027 has not been entered
        Instant start = Instant.parse("2026-12-28T01:00:00Z");

        // when
        Instant due = deadlines.due(start, TimeLimit.workingDays(7));

        // then: 29, 30, 31 Dec, then 4-7 Jan (1 Jan 元旦, 2-3 Jan a weekend)
        assertThat(due).isEqualTo(Instant.parse("2027-01-07T16:00:00Z"));
        assertThat(deadlines.isProvisional(start, due)).isTrue();
        Instant withinTheYear = deadlines.due(start, TimeLimit.workingDays(3));
        assertThat(withinTheYear).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
        assertThat(deadlines.isProvisional(start, withinTheYear)).as("ends in 2026, whose notice is entered").isFalse();
    }

    @Test
    void countsWorkingDaysLeftAndOverdueAcrossNationalDay2025() {
        assertThat(deadlines.workingDaysLeft(LocalDate.of(2025, 9, 30), LocalDate.of(2025, 10, 9))).isEqualTo(1);
        assertThat(deadlines.workingDaysLeft(LocalDate.of(2025, 10, 9), LocalDate.of(2025, 10, 9))).isZero();
        assertThat(deadlines.workingDaysLeft(LocalDate.of(2025, 10, 13), LocalDate.of(2025, 10, 9))).isEqualTo(-3);
    }
}
