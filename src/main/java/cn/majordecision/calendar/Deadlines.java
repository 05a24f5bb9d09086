package cn.majordecision.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The counting rules for statutory periods, in one place.
 * <ul>
 * <li>The day a period starts is not counted (期间开始之日不计算在期间内).</li>
 * <li>Calendar-day periods count every day; working-day periods count only working days of the calendar.</li>
 * <li>A deadline whose last day is a rest day moves to the next working day ({@code app.calendar.roll-to-working-day},
 *     on by default). Minimum periods ("at least 30 days") are not moved: they are met or not by the dates given.</li>
 * <li>A period ends at the end of its last day in Asia/Shanghai, i.e. at midnight that starts the next day.</li>
 * <li>A year whose State Council notice is not entered yet counts on the provisional calendar (weekends and the
 *     statutory holidays); a deadline that rests on it is marked provisional and recomputed once the notice is stored.</li>
 * <li>A deadline is shown as people count it: the last day "24:00前", never the midnight that starts the next day.</li>
 * </ul>
 */
@Service
public class Deadlines {

    /** Statutory days are days in China, whatever the server's zone. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final WorkingDayCalendar calendar;
    private final boolean rollToWorkingDay;

    Deadlines(WorkingDayCalendar calendar, @Value("${app.calendar.roll-to-working-day:true}") boolean rollToWorkingDay) {
        this.calendar = calendar;
        this.rollToWorkingDay = rollToWorkingDay;
    }

    /** Calendar days from {@code start} to {@code end}, the start day not counted (12-01 to 12-31 is 30 days). */
    public static long calendarDays(LocalDate start, LocalDate end) {
        return ChronoUnit.DAYS.between(start, end);
    }

    /** Whether a period from {@code start} to {@code end} lasts at least {@code days} calendar days (consultation). */
    public static boolean lastsAtLeast(LocalDate start, LocalDate end, int days) {
        return calendarDays(start, end) >= days;
    }

    /** Whether {@code earlier} is at least {@code days} calendar days before {@code event} (hearing materials). */
    public static boolean isAtLeastDaysBefore(LocalDate earlier, LocalDate event, int days) {
        return calendarDays(earlier, event) >= days;
    }

    /** The instant a period ends: the end of its last day in Asia/Shanghai. */
    public static Instant endOf(LocalDate lastDay) {
        return lastDay.plusDays(1).atStartOfDay(CHINA).toInstant();
    }

    /** The day in Asia/Shanghai an instant falls on. */
    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, CHINA);
    }

    /** The last day of a period starting on {@code start} (not counted), after the rest-day rule. */
    public LocalDate lastDay(LocalDate start, TimeLimit limit) {
        WorkingDayCalendar.Lookup days = calendar.lookup();
        if (limit.unit() == TimeLimit.Unit.WORKING_DAYS) {
            LocalDate day = start;
            for (int counted = 0; counted < limit.amount(); ) {
                day = day.plusDays(1);
                if (days.isWorkingDay(day)) {
                    counted++;
                }
            }
            return day;
        }
        LocalDate last = start.plusDays(limit.amount());
        while (rollToWorkingDay && !days.isWorkingDay(last)) {
            last = last.plusDays(1);
        }
        return last;
    }

    /** A calendar view for many computations in one go (a report): each year is read once. */
    public WorkingDayCalendar.Lookup lookup() {
        return calendar.lookup();
    }

    /** When a period that starts at {@code start} is due: the end of its last day in Asia/Shanghai. */
    public Instant due(Instant start, TimeLimit limit) {
        return endOf(lastDay(dayOf(start), limit));
    }

    /** The last day of a period that is due at {@code due} (the midnight after its last day in Asia/Shanghai). */
    public static LocalDate lastDayOf(Instant due) {
        return dayOf(due.minusNanos(1));
    }

    /**
     * Whether a period from {@code start} to {@code due} rests on a provisional year, i.e. may move once the State
     * Council's notice for that year is entered.
     */
    public boolean isProvisional(WorkingDayCalendar.Lookup days, Instant start, Instant due) {
        return start != null && due != null && days.isProvisional(dayOf(start), lastDayOf(due));
    }

    /** As {@link #isProvisional(WorkingDayCalendar.Lookup, Instant, Instant)}, for a single period. */
    public boolean isProvisional(Instant start, Instant due) {
        return isProvisional(calendar.lookup(), start, due);
    }

    /**
     * Working days strictly between two days, neither counted: the days a reviewer had in full between receiving the
     * package and the meeting (Art. 26). Zero when {@code to} is not after {@code from}.
     */
    public static int workingDaysBetween(WorkingDayCalendar.Lookup days, LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); day.isBefore(to); day = day.plusDays(1)) {
            if (days.isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Working days left from {@code today} (not counted) to {@code lastDay} (counted); zero when due today,
     * negative when overdue (the working days since the last day).
     */
    public int workingDaysLeft(LocalDate today, LocalDate lastDay) {
        return workingDaysLeft(calendar.lookup(), today, lastDay);
    }

    /** As {@link #workingDaysLeft(LocalDate, LocalDate)}, reading the calendar through {@code days}. */
    public int workingDaysLeft(WorkingDayCalendar.Lookup days, LocalDate today, LocalDate lastDay) {
        int sign = today.isAfter(lastDay) ? -1 : 1;
        LocalDate from = sign > 0 ? today : lastDay;
        LocalDate to = sign > 0 ? lastDay : today;
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (days.isWorkingDay(day)) {
                count++;
            }
        }
        return sign * count;
    }
}
