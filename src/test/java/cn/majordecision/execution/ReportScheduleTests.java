package cn.majordecision.execution;

import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.calendar.TestCalendars;
import cn.majordecision.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportScheduleTests {

    private final WorkingDayCalendar.Lookup days = TestCalendars.deadlines().lookup();

    @Test
    void aQuarterlyDueDateInTheNationalDayHolidayMovesToTheNextWorkingDay() {
        // given a decision published on 1 July 2025, reporting every three months
        // when the schedule is read on 1 January 2026
        var due = ReportSchedule.dueDates(days, LocalDate.of(2025, 7, 1), 3, LocalDate.of(2026, 1, 1), 10);

        // then 1 October (National Day, off until 8 October) moves to 9 October; 1 January 2026 (New Year, off until
        // the 3rd) moves to Sunday 4 January, a day worked in lieu, and is the next one due
        assertThat(due).extracting(ReportSchedule.Due::day)
                .containsExactly(LocalDate.of(2025, 10, 9), LocalDate.of(2026, 1, 4));
        assertThat(due).noneMatch(ReportSchedule.Due::provisional);
    }

    @Test
    void aDueDateOnAWorkingDayStays() {
        // given a decision published on 10 March 2026, read the same day: the next due date is a Wednesday
        var due = ReportSchedule.dueDates(days, LocalDate.of(2026, 3, 10), 3, LocalDate.of(2026, 3, 10), 10);

        assertThat(due).containsExactly(new ReportSchedule.Due(LocalDate.of(2026, 6, 10), false));
    }

    @Test
    void aDueDateInAYearWhoseHolidaysAreNotPublishedYetIsProvisional() {
        // given every six months from 1 June 2026: 1 June 2027 falls in a year whose holidays are not published yet
        var due = ReportSchedule.dueDates(days, LocalDate.of(2026, 6, 1), 6, LocalDate.of(2027, 1, 1), 10);

        assertThat(due).containsExactly(new ReportSchedule.Due(LocalDate.of(2026, 12, 1), false),
                new ReportSchedule.Due(LocalDate.of(2027, 6, 1), true));
    }
}
