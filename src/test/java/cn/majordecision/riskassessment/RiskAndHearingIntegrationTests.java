package cn.majordecision.riskassessment;

import static cn.majordecision.support.Submissions.draft;
import static cn.majordecision.support.Submissions.consultationNotice;
import static cn.majordecision.support.Submissions.hearingNotice;
import static cn.majordecision.support.Submissions.hearingRecord;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The hearing is announced before it is held and recorded once held, its record confirmed by each published
 * participant (Arts. 16-17), and a risk judged not controllable is reassessed only on an adjusted draft (Art. 24).
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
        driver.complete(number, "Task_PublishConsultationNotice", "wangfang", consultationNotice());
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
    void aHearingIsAnnouncedBeforeItIsHeldAndRecordedOnlyOnceHeld() {
        // given a case with a hearing, its consultation published
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("镇区农贸市场改造方案", Map.of("hearing", true));
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.complete(number, "Task_PublishConsultationNotice", "wangfang", consultationNotice());
        String noticeTask = driver.awaitTask(number, "Task_PublishHearingNotice");
        Api officer = driver.as("wangfang");
        officer.post("/api/tasks/" + noticeTask + "/claim", "");

        // when the notice announces a hearing held yesterday, or says the materials will be sent tomorrow
        LocalDate yesterday = Submissions.today().minusDays(1);
        Map<String, Object> past = hearingNotice();
        past.putAll(map("hearingDate", yesterday.toString(), "publishedOn", yesterday.minusDays(8).toString(),
                "materialsSentOn", yesterday.minusDays(7).toString()));
        Api.Response announcedLate = officer.post("/api/tasks/" + noticeTask + "/complete", past);
        Api.Response materialsAhead = officer.post("/api/tasks/" + noticeTask + "/complete",
                withAction("materialsSentOn", Submissions.today().plusDays(1).toString(), hearingNotice()));

        // then both are refused on the date concerned
        assertThat(announcedLate.status()).as(announcedLate.toString()).isEqualTo(400);
        assertThat(announcedLate.json().path("errors").findValuesAsText("code")).containsExactly("HEARING_BEFORE_NOTICE");
        assertThat(announcedLate.json().path("errors").findValuesAsText("field")).containsExactly("hearingDate");
        assertThat(materialsAhead.status()).isEqualTo(400);
        assertThat(materialsAhead.json().path("errors").findValuesAsText("code")).contains("DATE_IN_FUTURE");
        assertThat(materialsAhead.json().path("errors").findValuesAsText("field")).contains("materialsSentOn");

        // when the hearing is announced for today, and its record is dated tomorrow, then yesterday
        Map<String, Object> notice = hearingNotice();
        assertThat(officer.post("/api/tasks/" + noticeTask + "/complete", notice).status()).isEqualTo(200);
        LocalDate announced = LocalDate.parse((String) notice.get("hearingDate"));
        String recordTask = driver.awaitTask(number, "Task_RecordHearing");
        officer.post("/api/tasks/" + recordTask + "/claim", "");
        Api.Response future = officer.post("/api/tasks/" + recordTask + "/complete",
                withAction("heldOn", Submissions.today().plusDays(1).toString(), hearingRecord()));
        Api.Response early = officer.post("/api/tasks/" + recordTask + "/complete",
                withAction("heldOn", announced.minusDays(1).toString(), hearingRecord()));

        // then both are refused, and the record of the hearing held today is accepted
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().path("errors").findValuesAsText("code")).containsExactly("HEARING_RECORD_IN_FUTURE");
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.json().path("errors").findValuesAsText("code")).containsExactly("HEARING_BEFORE_NOTICE");
        assertThat(early.json().at("/errors/0/message").asText()).contains("早于听证会公告的登记日期 " + announced);
        Api.Response held = officer.post("/api/tasks/" + recordTask + "/complete", hearingRecord());
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
    }

    @Test
    void thePublicSeesTheHearingParticipantsBeforeTheHearing() {
        // given a consultation that is still open, and a hearing announced
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("老旧小区加装电梯补助办法", Map.of("hearing", true));
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.complete(number, "Task_PublishConsultationNotice", "wangfang", consultationNotice());
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
        driver.consultAndClose(number);
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
