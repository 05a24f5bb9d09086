package cn.majordecision.riskassessment;

import static cn.majordecision.support.Submissions.draft;
import static cn.majordecision.support.Submissions.endedConsultationNotice;
import static cn.majordecision.support.Submissions.hearingNotice;
import static cn.majordecision.support.Submissions.launch;
import static cn.majordecision.support.Submissions.map;
import static cn.majordecision.support.Submissions.opinionHandling;
import static cn.majordecision.support.Submissions.revision;
import static cn.majordecision.support.Submissions.riskAssessment;
import static cn.majordecision.support.Submissions.withAction;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import cn.majordecision.support.Submissions;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The hearing record is confirmed by each published participant (Art. 17), and a risk judged not controllable is
 * reassessed only on an adjusted draft (Art. 24).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RiskAndHearingIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void theHearingRecordNeedsEachPublishedParticipantsConfirmationOrTheReasonWhyNot() {
        // given a hearing whose participant list was published
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("中心街沿街商铺改造方案", Map.of("hearing", true));
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.complete(number, "Task_PublishConsultationNotice", "wangfang", endedConsultationNotice());
        Map<String, Object> notice = hearingNotice();
        notice.put("participants", List.of(map("name", "沿街商户代表", "affiliation", "中心街"),
                map("name", "居民代表李华", "affiliation", "中心街社区")));
        driver.complete(number, "Task_PublishHearingNotice", "wangfang", notice);
        String taskId = driver.awaitTask(number, "Task_RecordHearing");
        Api officer = driver.as("wangfang");
        officer.post("/api/tasks/" + taskId + "/claim", "");
        Map<String, Object> record = map("heldOn", notice.get("hearingDate"), "recordSummary", "听证笔录摘要");

        // when one participant is left out, a stranger is added, and a refusal has no reason
        record.put("confirmations", List.of(map("name", "沿街商户代表", "confirmed", false),
                map("name", "路人甲", "confirmed", true)));
        Api.Response refused = officer.post("/api/tasks/" + taskId + "/complete", record);

        // then each is named in its own field error, and the task stays open
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsText("code")).containsExactlyInAnyOrder(
                "CONFIRMATION_REASON_REQUIRED", "PARTICIPANT_NOT_ON_LIST", "PARTICIPANT_NOT_RECORDED");
        assertThat(refused.body()).contains("居民代表李华").contains("路人甲");
        assertThat(driver.awaitTask(number, "Task_RecordHearing")).isEqualTo(taskId);

        // when every participant is recorded, one with the reason for not signing
        record.put("confirmations", List.of(map("name", "沿街商户代表", "confirmed", false, "note", "拒绝签字"),
                map("name", "居民代表李华", "confirmed", true)));
        Api.Response done = officer.post("/api/tasks/" + taskId + "/complete", record);

        // then the record is kept with each confirmation
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        JsonNode stored = driver.detail(number).path("records").findParents("taskKey").stream()
                .filter(r -> r.path("taskKey").asText().equals("Task_RecordHearing")).findFirst().orElseThrow();
        assertThat(stored.toString()).contains("拒绝签字").contains("居民代表李华");
    }

    @Test
    void thePublicSeesTheHearingParticipantsBeforeTheHearing() {
        // given a consultation that is still open, and a hearing announced
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("老旧小区加装电梯补助办法", Map.of("hearing", true));
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        Map<String, Object> consultation = endedConsultationNotice();
        consultation.put("periodEnd", Submissions.today().plusDays(30).toString());
        driver.complete(number, "Task_PublishConsultationNotice", "wangfang", consultation);
        driver.complete(number, "Task_PublishHearingNotice", "wangfang", hearingNotice());

        // when anyone opens the consultation page
        JsonNode page = Api.anonymous(port).get("/api/public/consultations/" + number).json();

        // then it shows how participants were chosen and who they are
        assertThat(page.at("/hearing/selectionMethod").asText()).isEqualTo("自愿报名、随机抽取");
        assertThat(page.at("/hearing/participants/0/name").asText()).isEqualTo("沿街商户代表");
    }

    @Test
    void aRiskJudgedNotControllableIsReassessedOnlyOnAnAdjustedDraft() {
        // given a risk assessment that found the risk not controllable
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("垃圾中转站选址方案", Map.of("stabilityRisk", true, "nonPublic", false));
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.complete(number, "Task_PublishConsultationNotice", "wangfang", endedConsultationNotice());
        driver.complete(number, "Task_HandlePublicOpinions", "wangfang", opinionHandling());
        driver.complete(number, "Task_AssessRisk", "zhoujing", riskAssessment("notControllable"));
        String taskId = driver.awaitTask(number, "Task_AdjustDraftForRisk");
        Api officer = driver.as("wangfang");
        officer.post("/api/tasks/" + taskId + "/claim", "");
        String currentText = driver.detail(number).at("/drafts/0/text").asText();

        // when the officer asks for reassessment without a new draft, or with the same text
        Api.Response noDraft = officer.post("/api/tasks/" + taskId + "/complete", map("riskAction", "adjust"));
        Api.Response sameDraft = officer.post("/api/tasks/" + taskId + "/complete",
                withAction("riskAction", "adjust", revision(currentText)));

        // then both are refused and no draft version is added
        assertThat(noDraft.json().path("errors").findValuesAsText("field")).contains("draftText");
        assertThat(sameDraft.json().path("errors").findValuesAsText("code")).containsExactly("DRAFT_UNCHANGED");
        assertThat(driver.detail(number).path("drafts")).hasSize(1);

        // when the draft is adjusted, the risk is assessed again on the new version
        driver.complete(number, "Task_AdjustDraftForRisk", "wangfang", withAction("riskAction", "adjust", revision("调整选址后的第二稿")));
        Api.Response reassessment = driver.as("zhoujing").get("/api/tasks/" + driver.awaitTask(number, "Task_AssessRisk"));
        assertThat(reassessment.json().toString()).contains("调整选址后的第二稿");
    }
}
