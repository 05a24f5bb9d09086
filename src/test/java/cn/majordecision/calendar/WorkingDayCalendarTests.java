package cn.majordecision.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.majordecision.shared.DomainException;
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
    void refusesAYearWithoutDataInsteadOfCountingWeekdays() {
        // given
        LocalDate monday = LocalDate.of(2027, 1, 4);

        // when / then
        assertThatThrownBy(() -> calendar.isWorkingDay(monday))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("CALENDAR_YEAR_MISSING");
                    assertThat(e.getMessage()).contains("2027 年", "系统管理员", "/api/admin/calendar/2027");
                });
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
}
