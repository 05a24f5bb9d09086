package cn.majordecision.calendar;

/** An administrator stored a year of the calendar; deadlines not yet computable may now be. */
public record CalendarYearReplaced(int year, String replacedBy) {
}
