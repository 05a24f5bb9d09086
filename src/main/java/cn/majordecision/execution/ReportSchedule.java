package cn.majordecision.execution;

import cn.majordecision.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The due dates of progress reports: every {@code months} months from the publication day; a due date on a rest day
 * moves to the next working day of the statutory calendar.
 */
final class ReportSchedule {

    private ReportSchedule() {
    }

    /**
     * A due date; provisional when its year's holidays are not entered yet, so it may still move once they are: it
     * is then counted on the provisional calendar (weekends and the statutory holidays).
     */
    record Due(LocalDate day, boolean provisional) {
    }

    /** The due dates up to and including the first one after {@code today}, at most {@code max}. */
    static List<Due> dueDates(WorkingDayCalendar.Lookup days, LocalDate publishedOn, int months, LocalDate today,
            int max) {
        List<Due> due = new ArrayList<>();
        for (int i = 1; i <= max; i++) {
            LocalDate nominal = publishedOn.plusMonths((long) months * i);
            LocalDate day = rollToWorkingDay(days, nominal);
            Due next = new Due(day, days.isProvisional(nominal, day));
            due.add(next);
            if (next.day().isAfter(today)) {
                break;
            }
        }
        return due;
    }

    static LocalDate rollToWorkingDay(WorkingDayCalendar.Lookup days, LocalDate day) {
        LocalDate result = day;
        for (int guard = 0; guard < 60 && !days.isWorkingDay(result); guard++) {
            result = result.plusDays(1);
        }
        return result;
    }
}
