package cn.majordecision.annualreport;

import static cn.majordecision.support.Submissions.draft;
import static cn.majordecision.support.Submissions.launch;
import static cn.majordecision.support.Submissions.map;
import static cn.majordecision.support.Submissions.revision;
import static cn.majordecision.support.Submissions.riskAssessment;
import static cn.majordecision.support.Submissions.today;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import cn.majordecision.support.Submissions;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Real cases driven through the pipeline and counted in this year's report. Other tests share the database, so each
 * test compares the numbers before and after, and looks for its own case numbers in the metrics' lists.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnnualReportIntegrationTests {

    @LocalServerPort
    int port;

    CaseDriver driver;
    Api head;
    int year;

    @BeforeEach
    void setUp() {
        driver = new CaseDriver(port);
        head = driver.as("zhangwei");
        year = today().getYear();
    }

    @Test
    void countsADecidedCaseInEveryStepItWentThrough() {
        // given a non-public case revised after its legality review, decided and reported to the party committee
        JsonNode before = report(head);
        String number = driver.file("镇区农贸市场管理办法", Map.of("nonPublic", true));
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.reviewLegality(number, "revise");
        driver.complete(number, "Task_ReviseDraftForLegality", "wangfang", revision("第二稿"));
        driver.reviewLegality(number, "lawful");
        driver.approve(number);

        // when
        JsonNode after = report(head);

        // then
        for (String key : List.of("cases.filed", "cases.decided", "decided.total", "decided.LEGALITY_REVIEW.performed",
                "decided.PUBLIC_PARTICIPATION.skipped", "decided.PUBLIC_PARTICIPATION.skipped.basis.STATE_SECRET",
                "decided.EXPERT_REVIEW.skipped.basis.NOT_TECHNICAL",
                "decided.RISK_ASSESSMENT.skipped.basis.NO_STABILITY_IMPACT", "steps.PUBLIC_PARTICIPATION.skipped",
                "steps.EXPERT_REVIEW.skipped", "steps.RISK_ASSESSMENT.skipped", "steps.LEGALITY_REVIEW.performed",
                "steps.COLLECTIVE_DISCUSSION.performed", "steps.PARTY_COMMITTEE.performed", "legality.reviewed",
                "legality.revised", "meetings", "party.reports")) {
            assertThat(numbers(after, key)).as(key).contains(number);
            assertThat(value(after, key) - value(before, key)).as(key).isEqualTo(1);
        }
        for (String key : List.of("cases.rejected", "cases.withdrawn", "cases.pending", "consultation.held",
                "steps.EXPERT_REVIEW.performed", "publication.published")) {
            assertThat(numbers(after, key)).as(key).doesNotContain(number);
        }
        assertThat(after.path("government").asText()).isEqualTo("银湖镇人民政府");
        assertThat(after.path("year").asInt()).isEqualTo(year);
        assertThat(metric(after, "cases.filed").path("label").asText()).isEqualTo("提出决策事项（件）");
        assertThat(metric(after, "decided.PUBLIC_PARTICIPATION.skipped.basis.STATE_SECRET").path("label").asText())
                .isEqualTo("公众参与不适用的依据：涉及国家秘密（件）");

        // and the text says that not every decided case went through public participation, and on which basis
        String text = head.get("/api/reports/annual/" + year + "/text").body();
        assertThat(text).contains("公众参与：").contains("标记为依法不适用").contains("“涉及国家秘密”")
                .doesNotContain("始终坚持").doesNotContain("依法不适用的程序均记录了依据和理由");
    }

    @Test
    void countsASuspensionApartFromTerminationsAndAdjustments() {
        // given a published decision
        String number = driver.file("镇区渣土运输管理规定", Map.of());
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.consultAndClose(number);
        driver.complete(number, "Task_HandlePublicOpinions", "wangfang", Submissions.opinionHandling());
        driver.reviewLegality(number, "lawful");
        driver.approve(number);
        driver.complete(number, "Task_PublishDecision", "wangfang", Submissions.publication());
        JsonNode before = report(head);

        // when the head suspends it
        Api.Response suspended = head.post("/api/cases/" + number + "/suspension", map("ground", "PROBLEM_FOUND", "reason", "运输车辆发生安全事故，暂停执行待查"));
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        JsonNode after = report(head);

        // then it is a suspension, not a termination nor an adjustment, and the publication counts as on time
        assertThat(numbers(after, "after.suspensions")).contains(number);
        assertThat(value(after, "after.suspensions") - value(before, "after.suspensions")).isEqualTo(1);
        for (String key : List.of("after.terminations", "after.adjustments", "after.resumptions")) {
            assertThat(numbers(after, key)).as(key).doesNotContain(number);
            assertThat(value(after, key)).as(key).isEqualTo(value(before, key));
        }
        assertThat(numbers(after, "publication.onTime")).contains(number);
        assertThat(metric(after, "publication.onTime").path("label").asText()).isEqualTo("决策作出后20个工作日内公布（件）");
        assertThat(metric(after, "after.suspensions").path("label").asText()).isEqualTo("暂停执行决策（次）");
        assertThat(after.path("publicationWorkingDays").asInt()).isEqualTo(20);
        assertThat(head.get("/api/reports/annual/" + year + "/text").body()).contains("暂停执行决策");
    }

    @Test
    void countsARiskAssessmentByItsLevel() {
        // given a case with a stability risk, assessed as medium risk and controllable
        JsonNode before = report(driver.as("fenglei"));
        String number = driver.file("镇区老旧小区加装电梯补助办法", Map.of("nonPublic", true, "stabilityRisk", true));
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.complete(number, "Task_AssessRisk", "zhoujing", riskAssessment("controllable"));

        // when
        JsonNode after = report(driver.as("fenglei"));

        // then
        for (String key : List.of("risk.assessments", "risk.medium", "steps.RISK_ASSESSMENT.performed", "cases.pending")) {
            assertThat(numbers(after, key)).as(key).contains(number);
            assertThat(value(after, key) - value(before, key)).as(key).isEqualTo(1);
        }
        assertThat(value(after, "risk.high")).isEqualTo(value(before, "risk.high"));
        assertThat(numbers(after, "steps.RISK_ASSESSMENT.skipped")).doesNotContain(number);
        assertThat(numbers(after, "steps.EXPERT_REVIEW.skipped")).contains(number);
    }

    @Test
    void countsAWithdrawnCaseAsWithdrawnAndNoLongerPending() {
        // given a case filed this year
        String number = driver.file("镇村公交线路调整方案", Map.of());
        JsonNode filed = report(driver.as("xunuo"));
        assertThat(numbers(filed, "cases.pending")).contains(number);

        // when it is withdrawn
        Api.Response withdrawn = driver.as("wangfang").post("/api/cases/" + number + "/withdrawal",
                map("reason", "上级已统一部署，本镇不再单独决策"));
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        JsonNode after = report(driver.as("xunuo"));

        // then
        assertThat(numbers(after, "cases.withdrawn")).contains(number);
        assertThat(value(after, "cases.withdrawn") - value(filed, "cases.withdrawn")).isEqualTo(1);
        assertThat(numbers(after, "cases.pending")).doesNotContain(number);
        assertThat(numbers(after, "cases.filed")).contains(number);
    }

    @Test
    void givesTheReportAsChineseTextAndAsCsvToEveryRoleThatAnswersForDecisions() {
        String number = driver.file("镇区停车收费管理办法", Map.of());
        for (String user : List.of("wangfang", "zhangwei", "xunuo", "fenglei", "zhenghong")) {
            Api.Response text = driver.as(user).get("/api/reports/annual/" + year + "/text");
            assertThat(text.status()).as(user).isEqualTo(200);
            assertThat(text.contentType()).startsWith("text/plain");
            assertThat(text.body()).contains(year + "年，银湖镇人民政府共提出重大行政决策事项")
                    .contains("二、决策程序履行情况。").doesNotContain("始终坚持");
        }
        Api.Download csv = driver.as("zhangwei").download("/api/reports/annual/" + year + "/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String body = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(body).startsWith("\uFEFF指标代码,指标,数值,事项编号,目录事项,说明\r\n");
        assertThat(body.lines().filter(l -> l.startsWith("cases.filed,")).findFirst().orElseThrow()).contains(number);
    }

    @Test
    void refusesOtherRolesAndYearsOutOfRange() {
        assertThat(driver.as("chenming").get("/api/reports/annual/" + year).status()).isEqualTo(403);
        assertThat(driver.as("hefang").get("/api/reports/annual/" + year + "/text").status()).isEqualTo(403);
        assertThat(Api.anonymous(port).get("/api/reports/annual/" + year).status()).isEqualTo(401);
        Api.Response tooEarly = head.get("/api/reports/annual/1999");
        assertThat(tooEarly.status()).isEqualTo(400);
        assertThat(tooEarly.json().at("/errors/0/code").asText()).as(tooEarly.toString()).isEqualTo("YEAR_OUT_OF_RANGE");
        assertThat(head.get("/api/reports/annual/" + (year + 2) + "/csv").status()).isEqualTo(400);
        assertThat(head.get("/api/reports/annual/" + (year + 1)).status()).isEqualTo(200);
    }

    private JsonNode report(Api reader) {
        Api.Response response = reader.get("/api/reports/annual/" + year);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode metric(JsonNode report, String key) {
        for (JsonNode m : report.path("metrics")) {
            if (m.path("key").asText().equals(key)) {
                return m;
            }
        }
        throw new AssertionError("no metric " + key + " in " + report);
    }

    /** A metric's value; a count by basis that has no case yet is not in the report and counts as zero. */
    private static long value(JsonNode report, String key) {
        for (JsonNode m : report.path("metrics")) {
            if (m.path("key").asText().equals(key)) {
                return m.path("value").asLong();
            }
        }
        return 0;
    }

    private static List<String> numbers(JsonNode report, String key) {
        List<String> numbers = new ArrayList<>();
        metric(report, key).path("caseNumbers").forEach(n -> numbers.add(n.asText()));
        return numbers;
    }
}
