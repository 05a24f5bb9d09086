package cn.majordecision.calendar;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The years an administrator stored. Read on every lookup rather than cached, so a replacement made on one
 * application node is seen at once by the others.
 */
@Repository
class CalendarYearStore {

    private static final String REST = "REST";
    private static final String WORK = "WORK";

    private final JdbcTemplate jdbc;

    CalendarYearStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CalendarYear> find(int year) {
        List<CalendarYear> found = jdbc.query(
                "SELECT notice, replaced_by, replaced_at FROM calendar_year WHERE cal_year = ?",
                (rs, row) -> {
                    SortedSet<LocalDate> rest = new TreeSet<>();
                    SortedSet<LocalDate> work = new TreeSet<>();
                    jdbc.query("SELECT cal_date, kind FROM calendar_day WHERE cal_year = ?", day -> {
                        (WORK.equals(day.getString("kind")) ? work : rest).add(day.getDate("cal_date").toLocalDate());
                    }, year);
                    Timestamp replacedAt = rs.getTimestamp("replaced_at");
                    return new CalendarYear(year, rs.getString("notice"), rest, work, new TreeSet<>(),
                            CalendarYear.Source.ADMIN, rs.getString("replaced_by"), replacedAt.toInstant());
                }, year);
        return found.stream().findFirst();
    }

    /** Replaces the year as a whole; runs in the caller's transaction so a refusal stores nothing. */
    void replace(int year, String notice, SortedSet<LocalDate> rest, SortedSet<LocalDate> work, String by, Instant at) {
        jdbc.update("DELETE FROM calendar_day WHERE cal_year = ?", year);
        jdbc.update("DELETE FROM calendar_year WHERE cal_year = ?", year);
        jdbc.update("INSERT INTO calendar_year (cal_year, notice, replaced_by, replaced_at) VALUES (?, ?, ?, ?)",
                year, notice, by, Timestamp.from(at));
        insertDays(year, rest, REST);
        insertDays(year, work, WORK);
    }

    private void insertDays(int year, SortedSet<LocalDate> days, String kind) {
        jdbc.batchUpdate("INSERT INTO calendar_day (cal_year, cal_date, kind) VALUES (?, ?, ?)",
                days.stream().map(day -> new Object[] {year, Date.valueOf(day), kind}).toList());
    }
}
