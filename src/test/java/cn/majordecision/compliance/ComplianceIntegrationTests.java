package cn.majordecision.compliance;

import static cn.majordecision.support.Submissions.draft;
import static cn.majordecision.support.Submissions.launch;
import static cn.majordecision.support.Submissions.legalOpinion;
import static cn.majordecision.support.Submissions.legalityConclusion;
import static cn.majordecision.support.Submissions.legalityPackage;
import static cn.majordecision.support.Submissions.map;
import static cn.majordecision.support.Submissions.materialsCheck;
import static cn.majordecision.support.Submissions.SHORT_REVIEW_REASON;
import static cn.majordecision.support.Submissions.meeting;
import static cn.majordecision.support.Submissions.today;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Real cases driven through the pipeline, checked article by article as an auditor reads them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComplianceIntegrationTests {

    @LocalServerPort
    int port;

    CaseDriver driver;
    Api auditor;

    @BeforeEach
    void setUp() {
        driver = new CaseDriver(port);
        auditor = driver.as("xunuo");
    }

    @Test
    void showsTheReasonOfAMeetingHeldTheDayTheLegalityPackageWasSubmittedAndDoesNotListTheCase() {
        // given a non-public case taken from legality review to the meeting on one day, the reason recorded
        String number = driver.file("镇区临时占道经营管理办法", Map.of("nonPublic", true));
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.complete(number, "Task_SubmitLegalityPackage", "wangfang", legalityPackage());
        driver.complete(number, "Task_CheckLegalityMaterials", "wugang", materialsCheck("accept"));
        driver.complete(number, "Task_GiveLegalOpinion", "sunli", legalOpinion());
        driver.complete(number, "Task_ConcludeLegality", "wugang", legalityConclusion("lawful"));
        driver.complete(number, "Task_RecordMeeting", "zhenghong", meeting("approve"));

        // when
        Api.Response response = auditor.get("/api/compliance/cases/" + number);

        // then
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.path("anyViolation").asBoolean()).as(report.toString()).isFalse();
        assertThat(report.path("articles")).extracting(a -> a.path("articles").asText())
                .containsExactly("14-15", "16-17", "19-20", "22-24", "25-28", "29-30", "31", "32", "33");
        JsonNode consultation = article(report, "14-15");
        assertThat(consultation.path("status").asText()).isEqualTo("SKIPPED_LAWFULLY");
        assertThat(consultation.at("/evidence/0/flag").asText()).isEqualTo("nonPublic");
        assertThat(consultation.at("/evidence/0/actor").asText()).isEqualTo("wangfang");
        assertThat(consultation.path("finding").asText()).contains("依据：涉及国家秘密")
                .contains("选址资料属秘密级国家秘密");
        assertThat(article(report, "19-20").path("status").asText()).isEqualTo("SKIPPED_LAWFULLY");
        assertThat(article(report, "19-20").path("finding").asText()).contains("不涉及专业性、技术性较强的问题");
        JsonNode legality = article(report, "25-28");
        assertThat(legality.path("status").asText()).isEqualTo("DONE");
        assertThat(legality.path("finding").asText()).contains("审查时间 0 个工作日").contains("少于7个工作日")
                .contains("已说明理由").contains(SHORT_REVIEW_REASON);
        assertThat(legality.path("evidence")).extracting(e -> e.path("formKey").asText())
                .contains("submit-legality-package", "give-legal-opinion", "conclude-legality", "record-meeting");
        JsonNode discussion = article(report, "29-30");
        assertThat(discussion.path("status").asText()).isEqualTo("DONE");
        assertThat(discussion.at("/evidence/0/actor").asText()).isEqualTo("zhenghong");
        assertThat(discussion.at("/evidence/0/actorName").asText()).isEqualTo("郑红");
        assertThat(article(report, "33").path("status").asText()).isEqualTo("NOT_YET_DUE");

        JsonNode violations = auditor.get("/api/compliance/violations").json();
        List<String> numbers = new ArrayList<>();
        violations.forEach(v -> numbers.add(v.path("caseNumber").asText()));
        assertThat(numbers).doesNotContain(number);
    }

    @Test
    void acceptsAShortConsultationThatStatesItsReasonAndDoesNotListTheCase() {
        // given a consultation of 15 days from today, with the urgency reason stated
        String number = driver.file("防汛应急物资储备点建设", Map.of());
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.complete(number, "Task_PublishConsultationNotice", "wangfang", map("channels", List.of("website"),
                "howToSubmit", "网站留言", "periodStart", today().toString(),
                "periodEnd", today().plusDays(15).toString(), "urgencyReason", "汛期临近，须在汛前完成储备点建设"));

        // when
        JsonNode report = auditor.get("/api/compliance/cases/" + number).json();

        // then
        JsonNode consultation = article(report, "14-15");
        assertThat(consultation.path("status").asText()).as(report.toString()).isEqualTo("DONE");
        assertThat(consultation.path("finding").asText()).contains("15 日").contains("已说明理由").contains("汛期临近");
        assertThat(consultation.at("/evidence/0/formKey").asText()).isEqualTo("publish-consultation-notice");
        assertThat(article(report, "25-28").path("status").asText()).isEqualTo("NOT_YET_DUE");
        assertThat(report.path("anyViolation").asBoolean()).isFalse();
        JsonNode violations = auditor.get("/api/compliance/violations").json();
        assertThat(violations).noneMatch(v -> v.path("caseNumber").asText().equals(number));
    }

    @Test
    void refusesOthersThanAuditors() {
        String number = driver.file("镇区公厕改造计划", Map.of());
        assertThat(driver.as("wangfang").get("/api/compliance/cases/" + number).status()).isEqualTo(403);
        assertThat(driver.as("zhangwei").get("/api/compliance/violations").status()).isEqualTo(403);
        assertThat(auditor.get("/api/compliance/cases/YHZ-1999-999").status()).isEqualTo(404);
    }

    private static JsonNode article(JsonNode report, String articles) {
        for (JsonNode a : report.path("articles")) {
            if (a.path("articles").asText().equals(articles)) {
                return a;
            }
        }
        throw new AssertionError("no articles " + articles + ": " + report);
    }
}
