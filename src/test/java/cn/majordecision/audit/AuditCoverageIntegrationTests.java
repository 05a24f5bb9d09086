package cn.majordecision.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import cn.majordecision.support.EngineTime;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Events that happen outside a task completion still reach the log: a missed deadline and a changed calendar. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditCoverageIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    CaseDriver driver;
    Api auditor;

    @BeforeEach
    void setUp() {
        driver = new CaseDriver(port);
        auditor = driver.as("xunuo");
    }

    @Test
    void logsAMissedDeadlineOnceWhenTheWatchFindsTheTaskOverdue() throws Exception {
        // given a launch decision overdue since two days
        String number = driver.file("镇区农贸市场改造方案", Map.of());
        String task = driver.awaitTask(number, "Task_DecideLaunch");
        EngineTime time = new EngineTime(driver);
        time.setDue(task, clock.instant().minus(Duration.ofDays(2)));

        // when the watch runs twice
        time.runDeadlineWatch();
        List<JsonNode> missed = awaitEntries(number, "DEADLINE_MISSED", 1);
        time.runDeadlineWatch();
        Thread.sleep(2000);

        // then the log holds exactly one missed deadline for the task, written by the system
        assertThat(entries(number, "DEADLINE_MISSED")).hasSize(1);
        JsonNode entry = missed.get(0);
        assertThat(entry.path("stage").asText()).isEqualTo("LAUNCH");
        assertThat(entry.path("actor").asText()).isEqualTo("system");
        assertThat(entry.at("/payload/taskId").asText()).isEqualTo(task);
        assertThat(entry.at("/payload/taskName").asText()).contains("启动");
        assertThat(auditor.get("/api/audit/verification").json().path("ok").asBoolean()).isTrue();
    }

    @Test
    void logsACalendarChangeWithTheAdministratorAndWhatWasStoredButNotARefusedOne() {
        // given
        Api admin = driver.as("admin");
        Map<String, Object> year = Map.of("notice", "国务院办公厅关于2091年部分节假日安排的通知",
                "off", List.of("2091-01-01", "2091-10-01..2091-10-05"), "work", List.of("2091-10-13"));
        long before = count();

        // when
        Api.Response refused = admin.put("/api/admin/calendar/2091", Map.of("off", List.of("2092-01-01"), "work", List.of()));
        long afterRefusal = count();
        Api.Response stored = admin.put("/api/admin/calendar/2091", year);

        // then
        assertThat(refused.status()).isEqualTo(400);
        assertThat(afterRefusal).as("no entry without its change").isEqualTo(before);
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        JsonNode last = auditor.get("/api/audit/entries?from=" + before + "&limit=50").json();
        List<JsonNode> changes = new ArrayList<>();
        last.forEach(e -> {
            if (e.path("eventType").asText().equals("SETTINGS_CHANGED") && e.at("/payload/year").asInt() == 2091) {
                changes.add(e);
            }
        });
        assertThat(changes).hasSize(1);
        JsonNode change = changes.get(0);
        assertThat(change.path("actor").asText()).isEqualTo("admin");
        assertThat(change.path("role").asText()).contains("admins");
        assertThat(change.at("/payload/setting").asText()).isEqualTo("calendar");
        assertThat(change.at("/payload/restDays").toString()).contains("2091-10-03").contains("2091-01-01");
        assertThat(change.at("/payload/workDays").toString()).contains("2091-10-13");
    }

    private long count() {
        JsonNode verification = auditor.get("/api/audit/verification").json();
        return verification.path("entries").asLong();
    }

    private List<JsonNode> awaitEntries(String number, String type, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<JsonNode> found = entries(number, type);
        while (found.size() < expected && System.nanoTime() - deadline < 0) {
            Thread.sleep(200);
            found = entries(number, type);
        }
        assertThat(found).hasSize(expected);
        return found;
    }

    private List<JsonNode> entries(String number, String type) {
        List<JsonNode> found = new ArrayList<>();
        auditor.get("/api/audit/entries?caseNumber=" + number).json().forEach(e -> {
            if (e.path("eventType").asText().equals(type)) {
                found.add(e);
            }
        });
        return found;
    }
}
