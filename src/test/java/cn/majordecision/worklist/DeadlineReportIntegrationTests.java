package cn.majordecision.worklist;

import static org.assertj.core.api.Assertions.assertThat;

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

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeadlineReportIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    CaseDriver driver;

    @BeforeEach
    void setUp() {
        driver = new CaseDriver(port);
    }

    @Test
    void listsOpenTasksOverdueFirstWithWorkingDaysLeft() {
        // given two new cases, one of whose launch decisions is long overdue
        String onTime = driver.file("镇区停车管理办法", Map.of());
        String late = driver.file("中心街道路改造工程", Map.of());
        String lateTask = driver.awaitTask(late, "Task_DecideLaunch");
        new EngineTime(driver).setDue(lateTask, clock.instant().minus(Duration.ofDays(30)));

        // when
        JsonNode report = driver.as("xunuo").get("/api/deadlines?stage=LAUNCH").json();

        // then
        List<String> cases = new ArrayList<>();
        report.forEach(item -> cases.add(item.path("caseNumber").asText()));
        assertThat(cases.indexOf(late)).isLessThan(cases.indexOf(onTime));
        JsonNode lateItem = item(report, late);
        assertThat(lateItem.path("overdue").asBoolean()).isTrue();
        assertThat(lateItem.path("workingDaysLeft").asInt()).as(lateItem.toString()).isNegative();
        JsonNode onTimeItem = item(report, onTime);
        assertThat(onTimeItem.path("overdue").asBoolean()).isFalse();
        assertThat(onTimeItem.path("due").isNull()
                || onTimeItem.path("workingDaysLeft").asInt() == 10).as(onTimeItem.toString()).isTrue();
        assertThat(onTimeItem.path("stageLabel").asText()).isEqualTo("决策启动");
    }

    @Test
    void filtersByStageAndUnitAndIsOnlyForOfficersAndAuditors() {
        String number = driver.file("镇区停车管理办法", Map.of());
        driver.awaitTask(number, "Task_DecideLaunch");

        assertThat(numbers(driver.as("wangfang").get("/api/deadlines?stage=DRAFTING").json())).doesNotContain(number);
        assertThat(numbers(driver.as("wangfang").get("/api/deadlines?unit=镇规划建设办").json())).contains(number);
        assertThat(numbers(driver.as("wangfang").get("/api/deadlines?unit=其他单位").json())).doesNotContain(number);
        assertThat(driver.as("chenming").get("/api/deadlines").status()).isEqualTo(403);
        assertThat(driver.as("wangfang").get("/api/deadlines?stage=NOPE").status()).isEqualTo(400);
    }

    private static List<String> numbers(JsonNode report) {
        List<String> numbers = new ArrayList<>();
        report.forEach(item -> numbers.add(item.path("caseNumber").asText()));
        return numbers;
    }

    private static JsonNode item(JsonNode report, String number) {
        for (JsonNode item : report) {
            if (number.equals(item.path("caseNumber").asText())) {
                return item;
            }
        }
        throw new AssertionError("No task of " + number + " in " + report);
    }
}
