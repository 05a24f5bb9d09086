package cn.majordecision.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Hands out case numbers such as YHZ-2026-003: one gap-free counter per year, serialised by a row lock. */
@Component
class CaseNumbers {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String prefix;

    CaseNumbers(JdbcTemplate jdbc, Clock clock, @Value("${app.case-number-prefix:YHZ}") String prefix) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.prefix = prefix;
    }

    /** Must run inside the filing transaction, so a rolled-back filing gives its number back. */
    String next() {
        int year = LocalDate.now(clock.withZone(CHINA)).getYear();
        if (increment(year) == 0) {
            try {
                jdbc.update("INSERT INTO case_number_sequence (seq_year, last_value) VALUES (?, 0)", year);
            } catch (DuplicateKeyException concurrentFirstFiling) {
                // another filing created this year's row first; its row lock now orders us after it
            }
            increment(year);
        }
        Integer value = jdbc.queryForObject(
                "SELECT last_value FROM case_number_sequence WHERE seq_year = ?", Integer.class, year);
        return "%s-%d-%03d".formatted(prefix, year, value);
    }

    private int increment(int year) {
        return jdbc.update("UPDATE case_number_sequence SET last_value = last_value + 1 WHERE seq_year = ?", year);
    }
}
