package cn.majordecision.calendar.web;

import cn.majordecision.calendar.CalendarYear;
import cn.majordecision.calendar.WorkingDayCalendar;
import cn.majordecision.calendar.YearArrangement;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators read a year of the working-day calendar and replace it from the next State Council notice. */
@RestController
@RequestMapping(path = "/api/admin/calendar", produces = "application/json")
class CalendarAdminController {

    private static final String ADMINS = "admins";

    private final WorkingDayCalendar calendar;

    CalendarAdminController(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    /** A year as the calendar uses it, with where it comes from (PROVISIONAL while its notice is not entered). */
    record YearView(int year, String notice, String source, boolean provisional, int workingDays,
            List<LocalDate> restDays, List<LocalDate> adjustedWorkingDays, List<LocalDate> regionalRestDays,
            String replacedBy, Instant replacedAt) {

        static YearView of(CalendarYear year) {
            return new YearView(year.year(), year.notice(), year.source().name(), year.isProvisional(),
                    year.workingDayCount(),
                    List.copyOf(year.restDays()), List.copyOf(year.adjustedWorkingDays()),
                    List.copyOf(year.regionalRestDays()), year.replacedBy(), year.replacedAt());
        }
    }

    /** The notice's days in the data file's shape; ranges such as "2027-10-01..2027-10-07" are allowed. */
    record YearRequest(String notice, List<String> off, List<String> work) {
    }

    @GetMapping("/{year}")
    YearView show(@PathVariable int year, Actor actor) {
        requireAdmin(actor);
        return YearView.of(calendar.year(year));
    }

    @PutMapping(path = "/{year}", consumes = "application/json")
    YearView replace(@PathVariable int year, @RequestBody YearRequest request, Actor actor) {
        requireAdmin(actor);
        return YearView.of(calendar.replace(year, new YearArrangement(request.notice(), request.off(), request.work()), actor));
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isIn(ADMINS)) {
            throw DomainException.forbidden("ADMIN_ONLY", "只有系统管理员可以查看和修改工作日历。");
        }
    }
}
