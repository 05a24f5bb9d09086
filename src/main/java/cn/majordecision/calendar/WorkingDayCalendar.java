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
 * stored (which take precedence). A year whose notice is not entered yet is provisional: weekends and the statutory
 * holidays, marked as such wherever a deadline rests on it.
 */
@Service
public class WorkingDayCalendar {

    static final String ADMINS = "admins";
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    private static final int MAX_ENTRIES = 366;
    private static final int NOTICE_EXPECTED_FROM_MONTH = 11;

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

    /**
     * The year as the State Council's notice gives it: the administrator's if stored, else the data file's; regional
     * rest days laid over either. Empty while the notice is not entered.
     */
    @Transactional(readOnly = true)
    public Optional<CalendarYear> official(int year) {
        checkYear(year);
        return store.find(year).or(() -> Optional.ofNullable(files.national(year)))
                .map(found -> found.withRegionalRestDays(files.regional(year)));
    }

    /**
     * The year in force: the official one, or while its notice is not entered the provisional one (weekends and the
     * statutory holidays). Never refuses: a missing notice must not stop deadlines, reports or the build.
     */
    @Transactional(readOnly = true)
    public CalendarYear year(int year) {
        return official(year).orElseGet(() -> CalendarYear.provisional(year).withRegionalRestDays(files.regional(year)));
    }

    public boolean isWorkingDay(LocalDate day) {
        return year(day.getYear()).isWorkingDay(day);
    }

    /**
     * The years whose State Council notice the administrators should enter now: this year while it is provisional,
     * and from 1 November (Beijing time) next year while it is. The notice appears between late October and
     * December; deadlines reach into the next year long before it starts.
     */
    @Transactional(readOnly = true)
    public List<Integer> yearsAwaitingNotice() {
        LocalDate today = Deadlines.dayOf(clock.instant());
        List<Integer> years = new ArrayList<>();
        if (official(today.getYear()).isEmpty()) {
            years.add(today.getYear());
        }
        if (today.getMonthValue() >= NOTICE_EXPECTED_FROM_MONTH && today.getYear() < LAST_YEAR
                && official(today.getYear() + 1).isEmpty()) {
            years.add(today.getYear() + 1);
        }
        return years;
    }

    /** What the administrators are told about {@code year} while its notice is not entered. */
    public static String awaitingNoticeMessage(int year) {
        return ("尚未录入 %d 年国务院办公厅节假日安排通知：涉及 %d 年的办理期限暂按周末和法定节假日推算（不含调休），标为“暂定”。"
                + "请在通知发布后于“工作日历”页面录入 %d 年安排；录入后，暂定期限将自动重算，变动的期限记入审计日志并通知办理人。")
                .formatted(year, year, year);
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
            return year(day.getYear()).isWorkingDay(day);
        }

        /** Whether any year from {@code from}'s to {@code to}'s is provisional: a period over it is only assumed. */
        public boolean isProvisional(LocalDate from, LocalDate to) {
            for (int year = Math.min(from.getYear(), to.getYear()); year <= Math.max(from.getYear(), to.getYear()); year++) {
                if (isProvisional(year)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the year's notice is not entered yet, so that it counts on the provisional calendar. */
        public boolean isProvisional(int year) {
            return year(year).isProvisional();
        }

        private CalendarYear year(int year) {
            return years.computeIfAbsent(year, calendar::year);
        }
    }
}
