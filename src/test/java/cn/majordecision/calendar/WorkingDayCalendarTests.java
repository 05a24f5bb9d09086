package cn.majordecision.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTests {

    private final WorkingDayCalendar calendar = Calendars.national();

    @ParameterizedTest
    @CsvSource({"2024, 251", "2025, 248", "2026, 248"})
    void countsTheStatutoryWorkingDaysOfEachYear(int year, int workingDays) {
        // when
        int counted = calendar.year(year).workingDayCount();

        // then
        assertThat(counted).isEqualTo(workingDays);
    }

    @Test
    void aSundayMadeAWorkingDayBeforeSpringFestivalIsAWorkingDay() {
        // given
        LocalDate sunday = LocalDate.of(2025, 1, 26);

        // when / then
        assertThat(calendar.isWorkingDay(sunday)).isTrue();
    }

    @Test
    void theLastDayOfTheNationalDayHolidayIsNotAWorkingDayThoughAWednesday() {
        // given
        LocalDate wednesday = LocalDate.of(2025, 10, 8);

        // when / then
        assertThat(calendar.isWorkingDay(wednesday)).isFalse();
    }

    @Test
    void anOrdinarySaturdayIsARestDayAndAnOrdinaryMondayAWorkingDay() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 7))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 9))).isTrue();
    }

    @Test
    void aYearWithoutANoticeIsProvisionalWithWeekendsAndTheStatutoryHolidays() {
        // given: 2027 is not in the data file
        CalendarYear year2027 = calendar.year(2027);

        // then: 春节 2027 is 除夕 5 Feb to 初三 8 Feb; no adjusted working day is assumed
        assertThat(year2027.isProvisional()).isTrue();
        assertThat(calendar.official(2027)).isEmpty();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 4))).as("an ordinary Monday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 5))).as("除夕, a Friday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 8))).as("正月初三, a Monday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 9))).as("正月初四").isTrue();
        assertThat(year2027.adjustedWorkingDays()).isEmpty();
        assertThat(calendar.year(2026).isProvisional()).as("2026 has its notice").isFalse();
    }

    @Test
    void aRegionalOverlayAddsItsRestDaysToTheNationalYear() {
        // given
        WorkingDayCalendar regional = Calendars.withOverlays(List.of("classpath:calendar/example-region.yaml"));

        // when
        CalendarYear year = regional.year(2025);

        // then
        assertThat(year.isWorkingDay(LocalDate.of(2025, 3, 31))).isFalse();
        assertThat(year.workingDayCount()).isEqualTo(247);
        assertThat(year.regionalRestDays()).containsExactly(LocalDate.of(2025, 3, 31));
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 3, 31))).as("the national calendar is unchanged").isTrue();
    }

    @Test
    void fromTheFirstOfNovemberTheAdministratorsAreToldThatNextYearsNoticeIsMissing() {
        // 31 October 2026, 23:59 Beijing time: not yet
        assertThat(Calendars.at("2026-10-31T15:59:00Z").yearsAwaitingNotice()).isEmpty();
        // 1 November 2026, 00:00 Beijing time (still 31 October in UTC)
        assertThat(Calendars.at("2026-10-31T16:00:00Z").yearsAwaitingNotice()).containsExactly(2027);
        // November 2025: 2026's notice is in the data file
        assertThat(Calendars.at("2025-11-15T02:00:00Z").yearsAwaitingNotice()).isEmpty();
        // 2031 has no notice at all; in June only this year is awaited, in December next year too
        assertThat(Calendars.at("2031-06-02T01:00:00Z").yearsAwaitingNotice()).containsExactly(2031);
        assertThat(Calendars.at("2031-12-04T01:00:00Z").yearsAwaitingNotice()).containsExactly(2031, 2032);
    }

    @Test
    void theMessageTellsWhatProvisionalMeansAndWhereToEnterTheNotice() {
        assertThat(WorkingDayCalendar.awaitingNoticeMessage(2027)).contains("2027 年", "暂定", "工作日历", "重算");
    }
}
