package cn.majordecision.calendar;

import java.util.List;

/**
 * An administrator stored a year of the calendar; deadlines not yet computable may now be. Carries what was stored
 * (the notice, the rest days and the adjusted working days, as ISO dates) so that the change can be audited.
 */
public record CalendarYearReplaced(int year, String replacedBy, String notice, List<String> restDays,
        List<String> workDays) {
}
