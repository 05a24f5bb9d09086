package cn.majordecision.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lets time pass for one stored record: as if it had been made some days ago, with every date typed in it as far back.
 * The application refuses a record whose typed dates lie before the day it is recorded (a consultation cannot have
 * started before its notice), and its clock cannot be moved inside a test run; a test that needs a period that has
 * already ended (the portal after the close) makes it lawfully today and then moves it into the past here.
 */
public final class TimePasses {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private TimePasses() {
    }

    /**
     * Moves the case's record of {@code formKey} (its time, its typed dates and its digest) {@code days} days back,
     * until the returned handle is closed. Beneath the application this is a rewrite the audit log's record binding
     * rightly reports (ADR 0021), and on MySQL every integration test shares the database and later ones verify the
     * whole log: close it (try-with-resources) when the test is done.
     */
    public static Restore recordMadeDaysAgo(JdbcTemplate jdbc, String caseNumber, String formKey, int days) {
        String record = " FROM stage_record r JOIN decision_case c ON c.id = r.case_id WHERE c.case_number = ?"
                + " AND r.form_key = ?";
        var row = jdbc.queryForMap("SELECT r.id, r.payload, r.payload_sha256" + record, caseNumber, formKey);
        // read as a Timestamp whatever the driver maps the column to, and written back the same way
        Timestamp completed = jdbc.queryForObject("SELECT r.completed_at" + record, Timestamp.class, caseNumber, formKey);
        Matcher dates = DATE.matcher((String) row.get("payload"));
        String payload = dates.replaceAll(m -> LocalDate.parse(m.group()).minusDays(days).toString());
        int moved = jdbc.update("UPDATE stage_record SET completed_at = ?, payload = ?, payload_sha256 = ? WHERE id = ?",
                Timestamp.from(completed.toInstant().minusSeconds(days * 86_400L)), payload, sha256(payload),
                ((Number) row.get("id")).longValue());
        assertThat(moved).isEqualTo(1);
        return () -> jdbc.update("UPDATE stage_record SET completed_at = ?, payload = ?, payload_sha256 = ? WHERE id = ?",
                completed, row.get("payload"), row.get("payload_sha256"), ((Number) row.get("id")).longValue());
    }

    /** Puts the record back as it was. */
    @FunctionalInterface
    public interface Restore extends AutoCloseable {

        @Override
        void close();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
