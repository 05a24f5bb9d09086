package cn.majordecision.notifications;

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

/** Time moves forward (due dates are set into the past or near future) and the deadline watch runs, twice. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    CaseDriver driver;
    EngineTime time;

    @BeforeEach
    void setUp() {
        driver = new CaseDriver(port);
        time = new EngineTime(driver);
    }

    @Test
    void remindsBeforeTheDueDateAndEscalatesOverdueTasksOnce() throws Exception {
        // given one launch decision overdue since yesterday and one due tomorrow
        String overdueCase = driver.file("镇区停车管理办法", Map.of());
        String soonCase = driver.file("中心街道路改造工程", Map.of());
        String overdueTask = driver.awaitTask(overdueCase, "Task_DecideLaunch");
        String soonTask = driver.awaitTask(soonCase, "Task_DecideLaunch");
        time.setDue(overdueTask, clock.instant().minus(Duration.ofDays(1)));
        time.setDue(soonTask, clock.instant().plus(Duration.ofDays(1)));

        // when the watch runs twice
        time.runDeadlineWatch();
        List<JsonNode> first = awaitNotices("zhangwei", overdueCase, soonCase, 2);
        time.runDeadlineWatch();
        Thread.sleep(2000);

        // then the head got one escalation and one reminder, not two of each
        List<JsonNode> after = notices("zhangwei", overdueCase, soonCase);
        assertThat(after).hasSize(2);
        assertThat(after).extracting(n -> n.path("caseNumber").asText() + ":" + n.path("kind").asText())
                .containsExactlyInAnyOrder(overdueCase + ":OVERDUE", soonCase + ":REMINDER");
        assertThat(first).extracting(n -> n.path("id").asLong())
                .containsExactlyInAnyOrderElementsOf(after.stream().map(n -> n.path("id").asLong()).toList());
        assertThat(after).allSatisfy(n -> assertThat(n.path("message").asText()).contains("决定是否启动"));

        // and the inbox flags the overdue task
        JsonNode inbox = driver.as("zhangwei").get("/api/tasks?size=200").json();
        for (JsonNode task : inbox) {
            if (task.path("id").asText().equals(overdueTask)) {
                assertThat(task.path("overdue").asBoolean()).isTrue();
            }
            if (task.path("id").asText().equals(soonTask)) {
                assertThat(task.path("overdue").asBoolean()).isFalse();
            }
        }
    }

    @Test
    void noticesAreReadByTheirRecipientOnly() throws Exception {
        // given
        String number = driver.file("镇区停车管理办法", Map.of());
        time.setDue(driver.awaitTask(number, "Task_DecideLaunch"), clock.instant().minus(Duration.ofDays(3)));
        time.runDeadlineWatch();
        JsonNode notice = awaitNotices("zhangwei", number, number, 1).get(0);
        String path = "/api/notifications/" + notice.path("id").asText() + "/read";

        // when / then
        assertThat(driver.as("wangfang").post(path, "").status()).isEqualTo(404);
        Api.Response read = driver.as("zhangwei").post(path, "");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("readAt").isNull()).isFalse();
        JsonNode unread = driver.as("zhangwei").get("/api/notifications?unreadOnly=true").json();
        assertThat(unread).noneMatch(n -> n.path("id").asLong() == notice.path("id").asLong());
    }

    private List<JsonNode> awaitNotices(String user, String caseA, String caseB, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<JsonNode> found = notices(user, caseA, caseB);
        while (found.size() < expected && System.nanoTime() - deadline < 0) {
            Thread.sleep(200);
            found = notices(user, caseA, caseB);
        }
        assertThat(found).hasSize(expected);
        return found;
    }

    private List<JsonNode> notices(String user, String caseA, String caseB) {
        List<JsonNode> found = new ArrayList<>();
        driver.as(user).get("/api/notifications").json().forEach(n -> {
            String number = n.path("caseNumber").asText();
            if (number.equals(caseA) || number.equals(caseB)) {
                found.add(n);
            }
        });
        return found;
    }
}
