package cn.majordecision.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.security.AccessMatrix.Row;
import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every write endpoint of the access-control table, called by a role that may use it, with hostile bodies: malformed
 * JSON, the wrong types, huge and deeply nested bodies, SQL and script fragments, path traversal, control characters
 * and unicode edge cases. The answer is never a server error, and a refusal leaves every table as it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileWritesIntegrationTests {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE", "PATCH");
    private static final String NASTY = "'; DROP TABLE decision_case; -- <script>alert(1)</script> ../../etc/passwd "
            + "\\u0000 \\u202e \\ud800 𠮷";

    private static final Map<String, String> BODIES = bodies();

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void hostileBodiesGetA4xxAndChangeNothing() throws SQLException {
        AccessMatrixIntegrationTests.Fixtures fixtures = new AccessMatrixIntegrationTests.Fixtures(new CaseDriver(port));
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        Map<String, Long> before = rowCounts();
        for (Row row : AccessMatrix.load()) {
            if (!WRITES.contains(row.method()) || !row.path().startsWith("/api/")) {
                continue;
            }
            String user = row.expected().entrySet().stream().filter(e -> "ok".equals(e.getValue()))
                    .map(e -> AccessMatrix.ROLES.get(e.getKey())).filter(u -> u != null).findFirst().orElse(null);
            if (user == null) {
                continue;
            }
            Api api = Api.as(port, user, CaseDriver.PASSWORD);
            for (Map.Entry<String, String> body : BODIES.entrySet()) {
                Api.Response response = switch (row.method()) {
                    case "POST" -> api.post(fixtures.resolve(row.path()), body.getValue());
                    case "PUT" -> api.put(fixtures.resolve(row.path()), body.getValue());
                    default -> api.delete(fixtures.resolve(row.path()));
                };
                calls++;
                if (response.status() >= 500) {
                    wrong.add(row.key() + " with " + body.getKey() + ": " + response);
                } else if (response.status() >= 400) {
                    if (!response.contentType().startsWith("application/problem+json")) {
                        wrong.add(row.key() + " with " + body.getKey() + " is not a problem response: " + response);
                    }
                }
                Map<String, Long> after = rowCounts();
                if (response.status() >= 400 && !after.equals(before)) {
                    wrong.add(row.key() + " with " + body.getKey() + " refused but changed data: " + diff(before, after));
                }
                before = after;
            }
        }
        assertThat(calls).as("hostile calls made").isGreaterThan(50);
        assertThat(wrong).isEmpty();
    }

    private static Map<String, String> bodies() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("malformed JSON", "{\"reason\": \"x\",");
        bodies.put("an array", "[1, 2, 3]");
        bodies.put("a bare string", "\"text\"");
        bodies.put("wrong field types", "{\"reason\": {\"$gt\": \"\"}, \"unit\": 42, \"label\": [], \"data\": \"x\","
                + " \"flags\": 7, \"title\": true, \"validHours\": \"eight\", \"notice\": {}}");
        bodies.put("deep nesting", "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
        bodies.put("a 2 MB body", "{\"reason\": \"" + "长".repeat(700_000) + "\"}");
        bodies.put("SQL, script, traversal and unicode edge cases", "{\"reason\": \"" + NASTY + "\", \"unit\": \"" + NASTY
                + "\", \"label\": \"" + NASTY + "\", \"data\": {\"x\": \"" + NASTY + "\"}}");
        return bodies;
    }

    /** Row counts of every table, ours and the engine's runtime tables. */
    private Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet tables = meta.getTables(connection.getCatalog(), null, "%", new String[] {"TABLE"})) {
                while (tables.next()) {
                    String schema = tables.getString("TABLE_SCHEM");
                    String name = tables.getString("TABLE_NAME");
                    String lower = name.toLowerCase(Locale.ROOT);
                    if ("INFORMATION_SCHEMA".equalsIgnoreCase(schema) || lower.startsWith("act_hi_")
                            || lower.startsWith("act_ge_") || lower.equals("act_ru_meter_log")
                            || lower.startsWith("flyway")) {
                        continue;
                    }
                    counts.put(name, jdbc.queryForObject("SELECT COUNT(*) FROM " + name, Long.class));
                }
            }
        }
        return counts;
    }

    private static String diff(Map<String, Long> before, Map<String, Long> after) {
        StringBuilder out = new StringBuilder();
        after.forEach((table, count) -> {
            if (!count.equals(before.get(table))) {
                out.append(table).append(' ').append(before.get(table)).append("->").append(count).append(' ');
            }
        });
        return out.toString();
    }
}
