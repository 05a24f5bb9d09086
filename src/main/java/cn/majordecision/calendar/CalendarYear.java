package cn.majordecision.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One year of the State Council's holiday arrangement: the rest days (statutory holidays, weekend days inside a
 * holiday included) and the adjusted working days (调休上班的周末). A day is a working day if it is an adjusted working
 * day, or a Monday to Friday that is not a rest day.
 */
public record CalendarYear(int year, String notice, SortedSet<LocalDate> restDays,
        SortedSet<LocalDate> adjustedWorkingDays, SortedSet<LocalDate> regionalRestDays, Source source,
        String replacedBy, Instant replacedAt) {

    /** Where the year's national arrangement comes from. */
    public enum Source {
        /** the data file shipped with the application */
        FILE,
        /** stored by an administrator; takes precedence over the file */
        ADMIN,
        /**
         * no notice entered yet: weekends and the statutory holidays ({@link StatutoryHolidays}), without the
         * adjustments the notice will bring; deadlines counted on it are marked provisional and recomputed once the
         * notice is stored
         */
        PROVISIONAL
    }

    public CalendarYear {
        restDays = unmodifiable(restDays);
        adjustedWorkingDays = unmodifiable(adjustedWorkingDays);
        regionalRestDays = unmodifiable(regionalRestDays);
    }

    /** The provisional year: weekends and the statutory holidays only, until the State Council's notice is entered. */
    public static CalendarYear provisional(int year) {
        return new CalendarYear(year, null, new TreeSet<>(StatutoryHolidays.of(year).keySet()), new TreeSet<>(),
                new TreeSet<>(), Source.PROVISIONAL, null, null);
    }

    /** Whether the year is only assumed, for want of the State Council's notice. */
    public boolean isProvisional() {
        return source == Source.PROVISIONAL;
    }

    public boolean isWorkingDay(LocalDate day) {
        if (day.getYear() != year) {
            throw new IllegalArgumentException(day + " is not in " + year);
        }
        if (adjustedWorkingDays.contains(day)) {
            return true;
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return !weekend && !restDays.contains(day) && !regionalRestDays.contains(day);
    }

    /** How many working days the year has (2024: 251, 2025: 248, 2026: 248 nationally). */
    public int workingDayCount() {
        int count = 0;
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** The same year with a region's extra rest days laid over it. */
    CalendarYear withRegionalRestDays(SortedSet<LocalDate> regional) {
        return new CalendarYear(year, notice, restDays, adjustedWorkingDays, regional, source, replacedBy, replacedAt);
    }

    private static SortedSet<LocalDate> unmodifiable(SortedSet<LocalDate> days) {
        return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(days == null ? new TreeSet<>() : days));
    }
}
