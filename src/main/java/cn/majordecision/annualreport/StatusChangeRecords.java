package cn.majordecision.annualreport;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every change of a published decision's status, oldest first, read from the records the execution module keeps
 * ({@code decision_status_change}, Art. 37). Read here rather than through that module's counts so the report can
 * count suspensions, resumptions, adjustments and terminations apart from the same records.
 */
@Component
class StatusChangeRecords {

    private final JdbcTemplate jdbc;

    StatusChangeRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<ReportFacts.StatusChange> all() {
        return jdbc.query("""
                SELECT c.case_number, s.status, s.changed_at
                FROM decision_status_change s JOIN decision_case c ON c.id = s.case_id
                ORDER BY s.id""", StatusChangeRecords::row);
    }

    private static ReportFacts.StatusChange row(ResultSet rs, int n) throws SQLException {
        // instants are stored as UTC wall-clock values (hibernate.jdbc.time_zone)
        return new ReportFacts.StatusChange(rs.getString("case_number"), rs.getString("status"),
                rs.getObject("changed_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
    }
}
