package cn.majordecision.calendar;

import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.FieldViolation;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statutory working-day calendar of the PRC: the data file, regional overlays, and the years an administrator
 * stored (which take precedence). A day in a year without data is refused, never guessed from weekdays.
 */
@Service
public class WorkingDayCalendar {

    static final String ADMINS = "admins";
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    private static final int MAX_ENTRIES = 366;

    private final CalendarFiles files;
    private final CalendarYearStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WorkingDayCalendar(CalendarFiles files, CalendarYearStore store, ApplicationEventPublisher events, Clock clock) {
        this.files = files;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** The year in force: the administrator's if stored, else the file's; regional rest days laid over either. */
    @Transactional(readOnly = true)
    public Optional<CalendarYear> find(int year) {
        checkYear(year);
        return store.find(year).or(() -> Optional.ofNullable(files.national(year)))
                .map(found -> found.withRegionalRestDays(files.regional(year)));
    }

    /** The year in force, or a refusal that tells the administrator which year's notice to enter. */
    @Transactional(readOnly = true)
    public CalendarYear year(int year) {
        return find(year).orElseThrow(() -> missing(year));
    }

    public boolean isWorkingDay(LocalDate day) {
        return year(day.getYear()).isWorkingDay(day);
    }

    /** A view that reads each year once, for counting many days in one computation. */
    public Lookup lookup() {
        return new Lookup(this);
    }

    /** Replaces a year with what an administrator entered; refuses, storing nothing, if any entry is wrong. */
    @Transactional
    public CalendarYear replace(int year, YearArrangement arrangement, Actor actor) {
        if (!actor.isIn(ADMINS)) {
            throw DomainException.forbidden("ADMIN_ONLY", "只有系统管理员可以修改工作日历。");
        }
        checkYear(year);
        List<FieldViolation> violations = new ArrayList<>();
        String notice = arrangement.notice() == null || arrangement.notice().isBlank() ? null : arrangement.notice().strip();
        if (notice != null && (notice.codePointCount(0, notice.length()) > 200 || notice.codePoints().anyMatch(Character::isISOControl))) {
            violations.add(new FieldViolation("notice", "INVALID", "通知文号最多 200 个字，且不能含有控制字符。"));
        }
        SortedSet<LocalDate> rest = entries(arrangement.off(), year, "off", violations);
        SortedSet<LocalDate> work = entries(arrangement.work(), year, "work", violations);
        for (LocalDate day : work) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                violations.add(new FieldViolation("work", "NOT_A_WEEKEND",
                        "%s 是%s，本来就是工作日；调休上班日只能是周六或周日。".formatted(day, weekday(day))));
            }
            if (rest.contains(day)) {
                violations.add(new FieldViolation("work", "BOTH_REST_AND_WORK", "%s 不能既是休息日又是调休上班日。".formatted(day)));
            }
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        store.replace(year, notice, rest, work, actor.userId(), clock.instant());
        events.publishEvent(new CalendarYearReplaced(year, actor.userId(), notice,
                rest.stream().map(LocalDate::toString).toList(), work.stream().map(LocalDate::toString).toList()));
        return year(year);
    }

    static void checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw DomainException.invalid("YEAR_OUT_OF_RANGE", "年份须在 %d 至 %d 之间。".formatted(FIRST_YEAR, LAST_YEAR));
        }
    }

    static DomainException missing(int year) {
        return new DomainException(DomainException.Kind.CONFLICT, "CALENDAR_YEAR_MISSING",
                ("尚未录入 %d 年的法定节假日安排，不能按工作日计算期限（不会按周一至周五推算）。"
                        + "请系统管理员依据国务院办公厅的通知录入 %d 年工作日历（PUT /api/admin/calendar/%d）。")
                        .formatted(year, year, year), List.of());
    }

    private static SortedSet<LocalDate> entries(List<String> entries, int year, String field, List<FieldViolation> violations) {
        if (entries == null) {
            violations.add(new FieldViolation(field, "REQUIRED", "请填写“%s”（可为空列表）。".formatted(field)));
            return new TreeSet<>();
        }
        if (entries.size() > MAX_ENTRIES) {
            violations.add(new FieldViolation(field, "TOO_MANY", "最多 %d 项。".formatted(MAX_ENTRIES)));
            return new TreeSet<>();
        }
        return DayEntries.expand(entries, year, field, violations);
    }

    private static String weekday(LocalDate day) {
        return "周" + "一二三四五六日".charAt(day.getDayOfWeek().getValue() - 1);
    }

    /** Reads each year at most once; not shared between computations, so a replaced year is seen by the next one. */
    public static final class Lookup {

        private final WorkingDayCalendar calendar;
        private final java.util.Map<Integer, CalendarYear> years = new java.util.HashMap<>();

        private Lookup(WorkingDayCalendar calendar) {
            this.calendar = calendar;
        }

        public boolean isWorkingDay(LocalDate day) {
            return years.computeIfAbsent(day.getYear(), calendar::year).isWorkingDay(day);
        }
    }
}
