package cn.majordecision.calendar;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.DefaultResourceLoader;

/** The calendar on the shipped data file, without a database: nothing stored by an administrator. */
final class Calendars {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-09-30T02:00:00Z"), Deadlines.CHINA);

    private Calendars() {
    }

    static WorkingDayCalendar national() {
        return withOverlays(List.of());
    }

    static WorkingDayCalendar withOverlays(List<String> overlays) {
        return on(CLOCK, overlays);
    }

    /** The national calendar as read at the instant {@code clock} gives. */
    static WorkingDayCalendar at(String instant) {
        return on(Clock.fixed(Instant.parse(instant), Deadlines.CHINA), List.of());
    }

    private static WorkingDayCalendar on(Clock clock, List<String> overlays) {
        CalendarYearStore store = mock(CalendarYearStore.class);
        when(store.find(anyInt())).thenReturn(Optional.empty());
        CalendarFiles files = new CalendarFiles(new DefaultResourceLoader(), "classpath:calendar/cn-statutory.yaml", overlays);
        return new WorkingDayCalendar(files, store, mock(ApplicationEventPublisher.class), clock);
    }

    static Deadlines deadlines(boolean rollToWorkingDay) {
        return new Deadlines(national(), rollToWorkingDay);
    }
}
