package cn.majordecision.calendar.process;

import static cn.majordecision.support.Submissions.draft;
import static cn.majordecision.support.Submissions.launch;
import static cn.majordecision.support.Submissions.legalOpinion;
import static cn.majordecision.support.Submissions.legalityPackage;
import static cn.majordecision.support.Submissions.materialsCheck;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.support.CaseDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Due dates of user tasks, seen over real HTTP in the inbox and the case, with the clock on the National Day seam. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskDueDatesIntegrationTests {

    /** Tuesday 30 September 2025, 10:00 in Beijing: the day before the National Day holiday. */
    static final Instant NOW = Instant.parse("2025-09-30T02:00:00Z");

    @TestConfiguration
    static class FixedClock {

        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @LocalServerPort
    int port;

    CaseDriver driver;

    @BeforeEach
    void setUp() {
        driver = new CaseDriver(port);
    }

    @Test
    void theLegalityReviewerIsGivenSevenWorkingDaysAfterTheNationalDayHoliday() {
        // given: a case not published, so it goes straight from drafting to legality review
        String number = driver.file("镇区停车收费调整", Map.of("nonPublic", true));
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.complete(number, "Task_SubmitLegalityPackage", "wangfang", legalityPackage());
        driver.complete(number, "Task_CheckLegalityMaterials", "wugang", materialsCheck("accept"));

        // when
        driver.complete(number, "Task_GiveLegalOpinion", "sunli", legalOpinion());

        // then: 9, 10, 11 (Saturday, adjusted), 13, 14, 15, 16 October; due at the end of the 16th, Beijing time
        String taskId = driver.awaitTask(number, "Task_ConcludeLegality");
        JsonNode inboxEntry = null;
        for (JsonNode entry : driver.as("wugang").get("/api/tasks").json()) {
            if (taskId.equals(entry.path("id").asText())) {
                inboxEntry = entry;
            }
        }
        assertThat(inboxEntry).as("the reviewer's inbox shows the task").isNotNull();
        assertThat(inboxEntry.path("due").asText()).isEqualTo("2025-10-16T16:00:00Z");
        assertThat(driver.as("wugang").get("/api/tasks/" + taskId).json().toString()).contains("2025-10-16T16:00:00Z");
        assertThat(driver.detail(number).path("openTasks").path(0).path("due").asText()).isEqualTo("2025-10-16T16:00:00Z");
    }

    @Test
    void everyOtherTaskGetsItsConfiguredPeriod() {
        // when
        String number = driver.file("农贸市场搬迁", Map.of());

        // then: deciding the launch is given 10 working days: 9-11, 13-17, 20, 21 October 2025
        assertThat(driver.detail(number).path("openTasks").path(0).path("due").asText()).isEqualTo("2025-10-21T16:00:00Z");
    }
}
