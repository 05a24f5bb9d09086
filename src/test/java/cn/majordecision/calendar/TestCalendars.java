package cn.majordecision.calendar;

/** The calendar on the shipped data file, for tests in other packages. */
public final class TestCalendars {

    private TestCalendars() {
    }

    public static Deadlines deadlines() {
        return Calendars.deadlines(true);
    }
}
