package cn.majordecision.audit;

import static cn.majordecision.support.Submissions.draft;
import static cn.majordecision.support.Submissions.launch;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import com.fasterxml.jackson.databind.JsonNode;
import cn.majordecision.calendar.Deadlines;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What an auditor reads: a case's events in order with names and what was submitted, and a search across cases. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TimelineIntegrationTests {

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
    void showsEveryEventOfACaseInOrderWithWhoTheStageAndWhatWasSubmitted() {
        // given
        String number = driver.file("镇区路灯节能改造方案", Map.of("nonPublic", true));
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.awaitTask(number, "Task_SubmitLegalityPackage");

        // when
        Api.Response response = auditor.get("/api/audit/cases/" + number + "/timeline");

        // then
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode timeline = response.json();
        List<Long> sequences = new ArrayList<>();
        timeline.forEach(e -> sequences.add(e.path("sequence").asLong()));
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
        assertThat(timeline).allSatisfy(e -> assertThat(e.path("caseNumber").asText()).isEqualTo(number));

        JsonNode launched = completed(timeline, "LAUNCH");
        assertThat(launched.path("actor").asText()).isEqualTo("zhangwei");
        assertThat(launched.path("actorName").asText()).isEqualTo("张伟");
        assertThat(launched.path("role").asText()).isEqualTo("heads");
        assertThat(launched.path("stageLabel").asText()).isEqualTo("决策启动");
        assertThat(launched.path("recordedAt").asText()).endsWith("Z");
        assertThat(field(launched, "launchDecision").path("label").asText()).isEqualTo("是否启动决策程序");
        assertThat(field(launched, "launchDecision").path("value").asText()).isEqualTo("launch");

        JsonNode drafted = completed(timeline, "DRAFTING");
        assertThat(drafted.path("actorName").asText()).isEqualTo("王芳");
        assertThat(drafted.path("stageLabel").asText()).isEqualTo("决策草案拟订");
        assertThat(drafted.path("draftVersion").asInt()).isEqualTo(1);
        assertThat(field(drafted, "draftText").path("label").asText()).isEqualTo("决策草案");
        assertThat(field(drafted, "draftText").path("value").asText()).isEqualTo("实施方案（草案）第一稿");

        JsonNode skipped = first(timeline, "STAGE_SKIPPED");
        assertThat(skipped.path("stageLabel").asText()).isEqualTo("公众参与");
        assertThat(skipped.at("/payload/flagSetBy").asText()).isEqualTo("wangfang");
        assertThat(first(timeline, "DRAFT_VERSION_ADDED").path("draftVersion").asInt()).isEqualTo(1);
    }

    @Test
    void findsEverythingOnePersonDidInADateRangeAcrossCasesPageByPage() {
        // given two cases launched by the head today (the day may turn while they are)
        LocalDate before = today();
        String first = driver.file("镇区垃圾分类实施办法", Map.of());
        String second = driver.file("镇区公共停车场建设方案", Map.of());
        driver.complete(first, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(second, "Task_DecideLaunch", "zhangwei", launch());
        LocalDate today = today();

        // when
        String range = "from=" + before.minusDays(1) + "&to=" + today;
        JsonNode found = auditor.get("/api/audit/timeline?actor=zhangwei&stage=LAUNCH&eventType=TASK_COMPLETED&"
                + range + "&size=200").json();
        JsonNode firstPage = auditor.get("/api/audit/timeline?actor=zhangwei&" + range + "&size=1").json();
        JsonNode lastYear = auditor.get("/api/audit/timeline?actor=zhangwei&from=" + before.minusYears(1).withDayOfYear(1)
                + "&to=" + before.minusYears(1).withDayOfYear(1).plusMonths(1)).json();

        // then
        List<String> numbers = new ArrayList<>();
        found.path("events").forEach(e -> numbers.add(e.path("caseNumber").asText()));
        assertThat(numbers).contains(first, second);
        assertThat(found.path("events")).allSatisfy(e -> {
            assertThat(e.path("actor").asText()).isEqualTo("zhangwei");
            assertThat(e.path("stage").asText()).isEqualTo("LAUNCH");
            assertThat(e.path("eventType").asText()).isEqualTo("TASK_COMPLETED");
        });
        assertThat(found.path("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(firstPage.path("events")).hasSize(1);
        assertThat(firstPage.path("total").asLong()).isGreaterThanOrEqualTo(found.path("total").asLong());
        assertThat(lastYear.path("events")).isEmpty();
        assertThat(lastYear.path("total").asLong()).isZero();
    }

    @Test
    void refusesOthersThanAuditorsAndAnswersBadFiltersWithAReason() {
        // given
        String number = driver.file("镇区集贸市场搬迁", Map.of());

        // when / then
        assertThat(driver.as("wangfang").get("/api/audit/cases/" + number + "/timeline").status()).isEqualTo(403);
        assertThat(driver.as("zhangwei").get("/api/audit/timeline?actor=zhangwei").status()).isEqualTo(403);
        assertThat(auditor.get("/api/audit/cases/YHZ-1999-999/timeline").status()).isEqualTo(404);
        for (String query : List.of("stage=NOPE", "eventType=NOPE", "from=2025-13-01", "from=2025-02-01&to=2025-01-01",
                "page=-1", "size=0", "size=100000", "actor=" + "x".repeat(101))) {
            Api.Response bad = auditor.get("/api/audit/timeline?" + query);
            assertThat(bad.status()).as(query + " " + bad).isEqualTo(400);
            assertThat(bad.json().path("detail").asText()).as(query).containsPattern("\\p{IsHan}");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Deadlines.CHINA));
    }

    private static JsonNode completed(JsonNode timeline, String stage) {
        for (JsonNode e : timeline) {
            if (e.path("eventType").asText().equals("TASK_COMPLETED") && e.path("stage").asText().equals(stage)) {
                return e;
            }
        }
        throw new AssertionError("no completion in stage " + stage + ": " + timeline);
    }

    private static JsonNode first(JsonNode timeline, String type) {
        for (JsonNode e : timeline) {
            if (e.path("eventType").asText().equals(type)) {
                return e;
            }
        }
        throw new AssertionError("no " + type + ": " + timeline);
    }

    private static JsonNode field(JsonNode event, String key) {
        for (JsonNode f : event.path("submission")) {
            if (f.path("key").asText().equals(key)) {
                return f;
            }
        }
        throw new AssertionError("no field " + key + ": " + event);
    }
}
