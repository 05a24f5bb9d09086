package cn.majordecision;

import static cn.majordecision.support.Submissions.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import cn.majordecision.support.EngineTime;
import com.fasterxml.jackson.databind.JsonNode;
import cn.majordecision.calendar.Deadlines;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Whole cases over real HTTP as the right users, on H2 or (with the mysql profile) on MariaDB/MySQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PipelineIntegrationTests {

    @Autowired
    TaskService engineTasks;

    @LocalServerPort
    int port;

    CaseDriver driver;

    @BeforeEach
    void setUp() {
        driver = new CaseDriver(port);
    }

    @Test
    void carriesACaseThroughEveryOptionalStageAndLoopToTheArchive() {
        // given
        String number = driver.file("中心街道路改造工程", Map.of("technical", true, "stabilityRisk", true,
                "hearing", true, "marketActivity", true, "congressApproval", true));

        // when
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.consultAndClose(number);
        driver.complete(number, "Task_PublishHearingNotice", "wangfang", hearingNotice());
        driver.complete(number, "Task_RecordHearing", "wangfang", hearingRecord());
        driver.complete(number, "Task_HandlePublicOpinions", "wangfang", opinionHandling());
        // not the demo expert 𠮷祥: the archive font has no glyph for U+20BB7, so his case would wait at the archive
        // (DossierIntegrationTests shows that refusal)
        driver.complete(number, "Task_SelectExperts", "wangfang", expertSelection(List.of("chenming", "liuyang", "zhaomin")));
        for (String expert : List.of("chenming", "liuyang", "zhaomin")) {
            String opinionTask = driver.awaitTask(number, "Task_WriteExpertOpinion", expert);
            assertThat(driver.as(expert).post("/api/tasks/" + opinionTask + "/conflict-declaration",
                    Map.of("noConflict", true)).status()).isEqualTo(201);
            JsonNode ownTask = driver.as(expert).get("/api/tasks/" + opinionTask).json();
            assertThat(ownTask.path("earlierRecords")).as("experts write without seeing each other's opinions")
                    .noneMatch(r -> r.path("taskKey").asText().equals("Task_WriteExpertOpinion"));
            driver.complete(number, "Task_WriteExpertOpinion", expert, expertOpinion(expert));
        }
        driver.complete(number, "Task_RecordExpertAdoption", "wangfang", expertAdoption(List.of("陈明", "刘洋", "赵敏")));
        driver.complete(number, "Task_AssessRisk", "zhoujing", riskAssessment("notControllable"));
        driver.complete(number, "Task_AdjustDraftForRisk", "wangfang", withAction("riskAction", "adjust", revision("第二稿")));
        driver.complete(number, "Task_AssessRisk", "zhoujing", riskAssessment("controllable"));
        String packageTask = driver.awaitTask(number, "Task_SubmitLegalityPackage");
        driver.as("wangfang").post("/api/tasks/" + packageTask + "/claim", "");
        Api.Response withoutReview = driver.as("wangfang").post("/api/tasks/" + packageTask + "/complete", legalityPackage());
        assertThat(withoutReview.json().at("/errors/0/code").asText()).isEqualTo("FAIR_COMPETITION_REVIEW_REQUIRED");
        driver.complete(number, "Task_SubmitLegalityPackage", "wangfang", legalityPackageWithFairCompetitionReview());
        driver.complete(number, "Task_CheckLegalityMaterials", "wugang", materialsCheck("return"));
        driver.complete(number, "Task_SubmitLegalityPackage", "wangfang", legalityPackageWithFairCompetitionReview());
        driver.complete(number, "Task_CheckLegalityMaterials", "wugang", materialsCheck("accept"));
        driver.complete(number, "Task_GiveLegalOpinion", "sunli", legalOpinion());
        driver.complete(number, "Task_ConcludeLegality", "wugang", legalityConclusion("revise"));
        driver.complete(number, "Task_ReviseDraftForLegality", "wangfang", revision("第三稿"));
        driver.complete(number, "Task_SubmitLegalityPackage", "wangfang", legalityPackageWithFairCompetitionReview());
        driver.complete(number, "Task_CheckLegalityMaterials", "wugang", materialsCheck("accept"));
        driver.complete(number, "Task_GiveLegalOpinion", "sunli", legalOpinion());
        driver.complete(number, "Task_ConcludeLegality", "wugang", legalityConclusion("lawful"));
        JsonNode pack = driver.as("zhenghong").get("/api/cases/" + number + "/meeting-pack").json();
        driver.complete(number, "Task_RecordMeeting", "zhenghong", meeting("minorRevision"));
        driver.complete(number, "Task_ReviseDraftAfterMeeting", "wangfang", revision("第四稿"));
        driver.complete(number, "Task_ConfirmMinorRevision", "zhangwei", map("revisionConfirmed", true));
        driver.complete(number, "Task_ConfirmLegalityAfterRevision", "wugang",
                map("legalityAfterRevision", "intact", "reason", "仅调整文字表述，未涉及权限、程序和实体内容"));
        driver.complete(number, "Task_PreparePartyReport", "wangfang", partyReport());
        driver.complete(number, "Task_RecordPartyAnswer", "fenglei", partyAnswer("revise"));
        driver.complete(number, "Task_PreparePartyReport", "wangfang", partyReport());
        driver.complete(number, "Task_RecordPartyAnswer", "fenglei", partyAnswer("agree"));
        driver.complete(number, "Task_RecordCongressDecision", "wangfang", congressDecision("approved"));
        driver.complete(number, "Task_PublishDecision", "wangfang", publication());
        driver.complete(number, "Task_ConfirmArchive", "hefang", archive());

        // then
        assertThat(pack.path("items")).extracting(i -> i.path("key").asText() + ":" + i.path("status").asText())
                .containsExactly("draft:INCLUDED", "publicOpinions:INCLUDED", "expertOpinions:INCLUDED",
                        "riskReport:INCLUDED", "legalOpinion:INCLUDED", "legalityOpinion:INCLUDED", "fairCompetition:INCLUDED");
        assertThat(pack.path("draftVersion").asInt()).isEqualTo(3);
        assertThat(pack.at("/items/2/data/adoptions/0/expert").asText()).isEqualTo("陈明");
        JsonNode detail = driver.detail(number);
        assertThat(detail.at("/summary/status/code").asText()).isEqualTo("ARCHIVED");
        assertThat(detail.path("skippedStages")).isEmpty();
        assertThat(detail.path("openTasks")).isEmpty();
        assertThat(detail.path("drafts")).extracting(d -> d.path("version").asInt()).containsExactly(1, 2, 3, 4);
        List<String> stages = new ArrayList<>();
        detail.path("records").forEach(r -> stages.add(r.at("/stage/code").asText()));
        assertThat(stages).containsSubsequence("LAUNCH", "DRAFTING", "PUBLIC_PARTICIPATION", "EXPERT_REVIEW",
                "RISK_ASSESSMENT", "LEGALITY_REVIEW", "COLLECTIVE_DISCUSSION", "PARTY_COMMITTEE", "CONGRESS",
                "PUBLICATION", "ARCHIVING");
        assertThat(recordsOf(detail, "Task_WriteExpertOpinion")).extracting(r -> r.path("actor").asText())
                .containsExactlyInAnyOrder("chenming", "liuyang", "zhaomin");
        JsonNode meetingRecord = recordOf(detail, "Task_RecordMeeting");
        JsonNode lastConclusion = lastRecordOf(detail, "Task_ConcludeLegality");
        assertThat(lastConclusion.path("draftVersion").asInt()).isEqualTo(3);
        assertThat(meetingRecord.path("draftVersion").asInt()).isEqualTo(3);
        assertThat(meetingRecord.path("actor").asText()).isEqualTo("zhenghong");
        assertThat(meetingRecord.at("/data/meetingDecision").asText()).isEqualTo("minorRevision");
    }

    @Test
    void skipsEveryOptionalStageVisiblyWhenNoFlagCallsForIt() {
        // given
        String number = driver.file("镇机关内部管理制度调整", Map.of("nonPublic", true));

        // when
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        String packageTask = driver.awaitTask(number, "Task_SubmitLegalityPackage");
        JsonNode statement = driver.as("wangfang").get("/api/tasks/" + packageTask).json().path("procedureStatement");
        driver.reviewLegality(number, "lawful");
        JsonNode pack = driver.as("zhenghong").get("/api/cases/" + number + "/meeting-pack").json();
        driver.complete(number, "Task_RecordMeeting", "zhenghong", meeting("approve"));
        driver.complete(number, "Task_PreparePartyReport", "wangfang", partyReport());
        driver.complete(number, "Task_RecordPartyAnswer", "fenglei", partyAnswer("agree"));
        driver.complete(number, "Task_ConfirmArchive", "hefang", archive());

        // then the meeting pack showed the skipped stages with their reasons instead of gaps
        assertThat(pack.path("items")).extracting(i -> i.path("key").asText() + ":" + i.path("status").asText())
                .containsExactly("draft:INCLUDED", "publicOpinions:SKIPPED", "expertOpinions:SKIPPED",
                        "riskReport:SKIPPED", "legalOpinion:INCLUDED", "legalityOpinion:INCLUDED",
                        "fairCompetition:NOT_APPLICABLE");
        // and the legality package carried a generated statement of the steps performed and skipped (Art. 26)
        assertThat(statement).extracting(s -> s.path("stage").asText() + ":" + s.path("status").asText())
                .containsExactly("LAUNCH:PERFORMED", "DRAFTING:PERFORMED", "PUBLIC_PARTICIPATION:SKIPPED",
                        "EXPERT_REVIEW:SKIPPED", "RISK_ASSESSMENT:SKIPPED");
        assertThat(statement.path(2).path("statement").asText()).contains("依法不予公开");
        JsonNode detail = driver.detail(number);
        assertThat(detail.at("/summary/status/code").asText()).isEqualTo("ARCHIVED");
        List<String> skipped = new ArrayList<>();
        detail.path("skippedStages").forEach(s -> skipped.add(s.at("/stage/code").asText() + ":" + s.path("flag").asText()));
        assertThat(skipped).containsExactly("PUBLIC_PARTICIPATION:nonPublic", "EXPERT_REVIEW:technical",
                "RISK_ASSESSMENT:stabilityRisk", "CONGRESS:congressApproval", "PUBLICATION:nonPublic");
        detail.path("skippedStages").forEach(s -> {
            assertThat(s.path("flagSetBy").asText()).isEqualTo("wangfang");
            assertThat(s.path("reason").asText()).isNotBlank();
        });
    }

    @Test
    void meetingCannotBeReachedWithoutLawfulConclusionOnTheCurrentDraft() {
        // given a case whose legality review found it unlawful
        String number = driver.file("拟收取道路占用费", Map.of("nonPublic", true));
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.complete(number, "Task_SubmitLegalityPackage", "wangfang", legalityPackage());
        driver.complete(number, "Task_CheckLegalityMaterials", "wugang", materialsCheck("accept"));
        driver.complete(number, "Task_GiveLegalOpinion", "sunli", legalOpinion());
        driver.complete(number, "Task_ConcludeLegality", "wugang", legalityConclusion("unlawful"));

        // when an engine operator forces the process onto the meeting: through the engine REST API, then as a repair
        String processInstanceId = processInstanceOf(number);
        Api ops = driver.as("ops");
        Api.Response forced = ops.post("/engine-rest/process-instance/" + processInstanceId + "/modification",
                Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_RecordMeeting"))));
        String current = driver.detail(number).path("openTasks").path(0).path("taskKey").asText();
        Api.Response repaired = ops.post("/api/cases/" + number + "/repairs", Map.of("action", "MOVE_TOKEN_BACK",
                "fromActivityId", current, "toActivityId", "Task_RecordMeeting", "reason", "合法性审查已完成，直接上会讨论"));

        // then both are refused, no meeting task exists and nothing is recorded
        assertThat(forced.status()).as(forced.toString()).isEqualTo(403);
        assertThat(forced.json().path("code").asText()).isEqualTo("ENGINE_WRITE_THROUGH_OUR_API");
        assertThat(repaired.status()).as(repaired.toString()).isBetween(400, 499);
        assertThat(driver.detail(number).path("openTasks").findValuesAsText("taskKey")).doesNotContain("Task_RecordMeeting");
        assertThat(recordsOf(driver.detail(number), "Task_RecordMeeting")).isEmpty();
    }

    @Test
    void aMeetingIsRecordedOnlyOnceHeldAndFewerThanSevenWorkingDaysAfterThePackageOnlyWithTheReason() {
        // given a case cleared by legality review today, its package submitted today
        String number = driver.file("镇区夜市管理办法", Map.of("nonPublic", true));
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.reviewLegality(number, "lawful");
        String meetingTask = driver.awaitTask(number, "Task_RecordMeeting");
        Api secretary = driver.as("zhenghong");
        secretary.post("/api/tasks/" + meetingTask + "/claim", "");

        // when the secretary records a meeting held today without saying why the review had so little time
        Map<String, Object> hurried = meeting("approve");
        hurried.remove("shortReviewReason");
        Api.Response noReason = secretary.post("/api/tasks/" + meetingTask + "/complete", hurried);
        // or dates it tomorrow, or before the case was filed
        LocalDate filed = Deadlines.dayOf(Instant.parse(driver.detail(number).at("/summary/filedAt").asText()));
        Api.Response tomorrow = secretary.post("/api/tasks/" + meetingTask + "/complete",
                withAction("meetingDate", today().plusDays(1).toString(), meeting("approve")));
        Api.Response beforeFiling = secretary.post("/api/tasks/" + meetingTask + "/complete",
                withAction("meetingDate", filed.minusDays(1).toString(), meeting("approve")));

        // then each is refused on its field with the article, and nothing is recorded
        assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
        assertThat(noReason.json().at("/errors/0/field").asText()).isEqualTo("shortReviewReason");
        assertThat(noReason.json().at("/errors/0/code").asText()).isEqualTo("SHORT_REVIEW_REASON_REQUIRED");
        assertThat(noReason.json().at("/errors/0/message").asText()).contains("仅 0 个工作日").contains("第二十六条");
        assertThat(tomorrow.status()).isEqualTo(400);
        assertThat(tomorrow.json().path("errors").findValuesAsText("code")).containsExactly("MEETING_DATE_IN_FUTURE");
        assertThat(beforeFiling.status()).isEqualTo(400);
        assertThat(beforeFiling.json().path("errors").findValuesAsText("code")).containsExactly("MEETING_BEFORE_FILING");
        assertThat(recordsOf(driver.detail(number), "Task_RecordMeeting")).isEmpty();

        // when the reason is stated, the meeting is recorded with it
        Api.Response recorded = secretary.post("/api/tasks/" + meetingTask + "/complete", meeting("approve"));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        assertThat(recordsOf(driver.detail(number), "Task_RecordMeeting").toString()).contains(SHORT_REVIEW_REASON);
    }

    @Test
    void substantialRevisionSendsTheNewDraftBackToLegalityReviewBeforeTheMeeting() {
        // given a case discussed at the meeting
        String number = driver.file("镇区停车管理办法", Map.of("nonPublic", true));
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.reviewLegality(number, "lawful");

        // when the meeting asks for a substantial revision
        driver.complete(number, "Task_RecordMeeting", "zhenghong", meeting("substantialRevision"));
        driver.complete(number, "Task_ReviseDraftSubstantially", "wangfang", revision("重大修改稿"));

        // then the next step is a new legality review, not the meeting
        driver.awaitTask(number, "Task_SubmitLegalityPackage");
        JsonNode detail = driver.detail(number);
        assertThat(detail.at("/summary/stage/code").asText()).isEqualTo("LEGALITY_REVIEW");
        assertThat(detail.path("openTasks")).extracting(t -> t.path("taskKey").asText())
                .containsExactly("Task_SubmitLegalityPackage");

        // and the case, back before the meeting, still cannot be withdrawn: the meeting was held (Art. 30)
        Api.Response refused = driver.as("wangfang").post("/api/cases/" + number + "/withdrawal", map("reason", "撤回"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().path("code").asText()).isEqualTo("CASE_NOT_WITHDRAWABLE");
        assertThat(Api.signedIn(port, "wangfang", CaseDriver.PASSWORD).get("/app/cases/" + number).body())
                .doesNotContain("id=\"withdraw\"");

        // nor through the task that offers withdrawal after an unlawful conclusion
        driver.reviewLegality(number, "unlawful");
        String decideTask = driver.awaitTask(number, "Task_DecideAfterUnlawful", "wangfang");
        driver.as("wangfang").post("/api/tasks/" + decideTask + "/claim", "");
        Api.Response byTask = driver.as("wangfang").post("/api/tasks/" + decideTask + "/complete",
                map("unlawfulAction", "withdraw"));
        assertThat(byTask.status()).as(byTask.toString()).isEqualTo(400);
        assertThat(byTask.json().at("/errors/0/code").asText()).isEqualTo("CASE_NOT_WITHDRAWABLE");
        assertThat(driver.detail(number).at("/summary/status/code").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void theMeetingCountsTheLeadershipRosterAndItsCorrectionKeepsTheDissent() {
        // given a case cleared for the meeting
        String number = driver.file("镇区停车管理办法", Map.of("nonPublic", true));
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.reviewLegality(number, "lawful");
        String meetingTask = driver.awaitTask(number, "Task_RecordMeeting", "zhenghong");
        Api secretary = driver.as("zhenghong");
        secretary.post("/api/tasks/" + meetingTask + "/claim", "");

        // when the secretary lists only the members who came, and one who is not on the roster
        Map<String, Object> listedByHand = meeting("approve");
        listedByHand.put("membersPresent", List.of(member("张伟", "approve"), member("李明", "approve"),
                member("钱多", "approve")));
        listedByHand.put("membersAbsent", List.of());
        Api.Response refused = secretary.post("/api/tasks/" + meetingTask + "/complete", listedByHand);

        // then the record is refused: the roster has four members, two of whom are not listed
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("errors")).extracting(v -> v.path("code").asText())
                .containsExactlyInAnyOrder("MEMBER_NOT_ON_ROSTER", "MEMBER_NOT_LISTED", "QUORUM_NOT_MET");
        assertThat(recordsOf(driver.detail(number), "Task_RecordMeeting")).isEmpty();

        // given the meeting recorded with one member's dissent
        Map<String, Object> recorded = meeting("approve");
        recorded.put("membersPresent", List.of(member("张伟", "approve"), member("李明", "approve"),
                member("王红", "reject")));
        recorded.put("dissent", "王红认为停车收费标准偏高");
        driver.complete(number, "Task_RecordMeeting", "zhenghong", recorded);
        JsonNode record = recordsOf(driver.detail(number), "Task_RecordMeeting").get(0);
        String path = "/api/cases/" + number + "/records/" + record.path("id").asText() + "/corrections";

        // when the secretary "corrects" the dissent away, or turns the rejection into approval
        Map<String, Object> noDissent = new java.util.HashMap<>(recorded);
        noDissent.remove("dissent");
        Api.Response dropped = secretary.post(path, map("reason", "更正", "data", noDissent));
        Map<String, Object> turned = new java.util.HashMap<>(recorded);
        turned.put("membersPresent", List.of(member("张伟", "approve"), member("李明", "approve"),
                member("王红", "approve")));
        Api.Response turnedView = secretary.post(path, map("reason", "更正", "data", turned));
        Map<String, Object> typo = new java.util.HashMap<>(recorded);
        typo.put("minutes", "会议纪要（更正错字）");
        Api.Response fixed = secretary.post(path, map("reason", "纪要错字", "data", typo));

        // then both are refused and only the typo is corrected
        assertThat(dropped.status()).as(dropped.toString()).isEqualTo(400);
        assertThat(dropped.json().at("/errors/0/code").asText()).isIn("DISSENT_REQUIRED", "DISSENT_NOT_REMOVABLE");
        assertThat(turnedView.status()).as(turnedView.toString()).isEqualTo(400);
        assertThat(turnedView.json().path("errors")).extracting(v -> v.path("code").asText())
                .contains("VIEWS_NOT_CORRECTABLE");
        assertThat(fixed.status()).as(fixed.toString()).isEqualTo(201);
        JsonNode detail = driver.detail(number);
        assertThat(detail.path("corrections")).hasSize(1);
        assertThat(detail.at("/corrections/0/data/dissent").asText()).isEqualTo("王红认为停车收费标准偏高");
    }

    @Test
    void aDraftRevisedAfterTheMeetingIsPublishedOnlyWithTheReviewersConfirmationOrANewReview() {
        // given a minor revision after the meeting, confirmed by the head
        String number = driver.file("镇区停车管理办法", Map.of());
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.consultAndClose(number);
        driver.complete(number, "Task_HandlePublicOpinions", "wangfang", opinionHandling());
        driver.reviewLegality(number, "lawful");
        driver.complete(number, "Task_RecordMeeting", "zhenghong", meeting("minorRevision"));
        driver.complete(number, "Task_ReviseDraftAfterMeeting", "wangfang", revision("会后修改稿"));
        driver.complete(number, "Task_ConfirmMinorRevision", "zhangwei", map("revisionConfirmed", true));

        // when an engine operator tries to force the publication before the reviewer has looked at the revised draft
        Api.Response forced = driver.as("ops").post("/engine-rest/process-instance/" + processInstanceOf(number)
                + "/modification", Map.of("instructions",
                List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_PublishDecision"))));

        // then he is refused, and the revised draft waits for the legality reviewer
        assertThat(forced.status()).as(forced.toString()).isEqualTo(403);
        driver.awaitTask(number, "Task_ConfirmLegalityAfterRevision");
        assertThat(driver.detail(number).path("openTasks").findValuesAsText("taskKey"))
                .doesNotContain("Task_PublishDecision");

        // when the reviewer finds the revision needs a new review
        driver.complete(number, "Task_ConfirmLegalityAfterRevision", "wugang",
                map("legalityAfterRevision", "newReview", "reason", "修改了收费标准，涉及内容合法性"));

        // then the case goes back to the legality review, and once the revised draft is reviewed lawful, to the meeting
        driver.awaitTask(number, "Task_SubmitLegalityPackage");
        driver.reviewLegality(number, "lawful");
        driver.awaitTask(number, "Task_RecordMeeting");
        assertThat(recordsOf(driver.detail(number), "Task_PublishDecision")).isEmpty();
    }

    @Test
    void deferredCaseWaitsUntilItsDateThenTheHeadLetsItLapse() {
        // given a case deferred by the meeting for thirty days
        String number = driver.file("镇区停车管理办法", Map.of("nonPublic", true));
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.reviewLegality(number, "lawful");
        driver.complete(number, "Task_RecordMeeting", "zhenghong", meeting("defer"));
        assertThat(driver.detail(number).path("openTasks")).isEmpty();

        // when the deferral ends (its timer is run now, as the job executor would on the day)
        Instant due = new EngineTime(driver).fireTimerOf(processInstanceOf(number));
        assertThat(due).isEqualTo(today().plusDays(30).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
        driver.complete(number, "Task_DecideAfterDeferral", "zhangwei", map("deferralOutcome", "lapse", "reason", "情况已变化"));

        // then
        assertThat(driver.detail(number).at("/summary/status/code").asText()).isEqualTo("LAPSED");
    }

    @Test
    void refusesConsultationShorterThanThirtyDaysWithoutUrgencyReason() {
        // given
        String number = driver.file("紧急防汛设施建设", Map.of());
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        String taskId = driver.awaitTask(number, "Task_PublishConsultationNotice");
        Api officer = driver.as("wangfang");
        officer.post("/api/tasks/" + taskId + "/claim", "");
        Map<String, Object> notice = map("channels", List.of("website"), "howToSubmit", "网站留言",
                "periodStart", today().toString(), "periodEnd", today().plusDays(10).toString());

        // when
        Api.Response refused = officer.post("/api/tasks/" + taskId + "/complete", notice);

        // then
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("urgencyReason");
        assertThat(refused.json().at("/errors/0/message").asText()).contains("30");
        assertThat(driver.awaitTask(number, "Task_PublishConsultationNotice")).isEqualTo(taskId);

        // and with the reason stated the same period is accepted
        notice.put("urgencyReason", "汛期临近，须在主汛期前完工");
        assertThat(officer.post("/api/tasks/" + taskId + "/complete", notice).status()).isEqualTo(200);
    }

    @Test
    void invalidFormDataGetsFieldErrorsAndChangesNothing() {
        // given
        String number = driver.file("中心街道路改造工程", Map.of());
        String taskId = driver.awaitTask(number, "Task_DecideLaunch");
        Api head = driver.as("zhangwei");
        head.post("/api/tasks/" + taskId + "/claim", "");
        JsonNode before = driver.detail(number);

        // when
        Api.Response refused = head.post("/api/tasks/" + taskId + "/complete", map(
                "launchDecision", "perhaps", "leadUnit", "单".repeat(201), "sneaky", "<script>alert(1)</script>"));

        // then
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("code").asText()).isEqualTo("VALIDATION_FAILED");
        List<String> fields = new ArrayList<>();
        refused.json().path("errors").forEach(e -> fields.add(e.path("field").asText() + ":" + e.path("code").asText()));
        assertThat(fields).contains("launchDecision:OPTION", "leadUnit:MAX_LENGTH", "sneaky:UNKNOWN_FIELD");
        JsonNode after = driver.detail(number);
        assertThat(after.path("records")).isEqualTo(before.path("records"));
        assertThat(after.path("summary")).isEqualTo(before.path("summary"));
        assertThat(driver.awaitTask(number, "Task_DecideLaunch")).isEqualTo(taskId);
    }

    @Test
    void engineHistoryNamesWhoCompletedEachTask() {
        // given
        String number = driver.file("中心街道路改造工程", Map.of());
        String taskId = driver.awaitTask(number, "Task_DecideLaunch");

        // when
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());

        // then Camunda's own history, read by an administrator through the engine REST API, names the head
        Api.Response history = driver.as("admin").get("/engine-rest/history/task?taskId=" + taskId);
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        assertThat(history.json().path(0).path("assignee").asText()).isEqualTo("zhangwei");
        assertThat(history.json().path(0).path("deleteReason").asText()).isEqualTo("completed");
    }

    @Test
    void tasksCannotBeCompletedAroundTheValidatedForm() {
        // given
        String number = driver.file("中心街道路改造工程", Map.of());
        String taskId = driver.awaitTask(number, "Task_DecideLaunch");

        // when the head completes the task directly through the engine REST API (as Camunda Tasklist would)
        Api.Response direct = driver.as("zhangwei").post("/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", Map.of("launchDecision", Map.of("value", "launch"))));

        // then it is refused with a clear message, as is Camunda Tasklist's form submission, and the engine itself
        // refuses a completion through its Java API; the task stays open and nothing is recorded
        assertThatThrownBy(() -> engineTasks.complete(taskId)).hasMessageContaining("只能通过本系统的办理表单提交");
        assertThat(direct.status()).as(direct.toString()).isEqualTo(403);
        assertThat(direct.json().path("code").asText()).isEqualTo("COMPLETE_THROUGH_TASK_API");
        assertThat(driver.as("zhangwei").post("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
                Map.of("variables", Map.of())).status()).isEqualTo(403);
        assertThat(driver.awaitTask(number, "Task_DecideLaunch")).isEqualTo(taskId);
        assertThat(driver.detail(number).path("records")).isEmpty();
    }

    @Test
    void refusesSomeoneElsesTask() {
        // given
        String number = driver.file("中心街道路改造工程", Map.of());
        String taskId = driver.awaitTask(number, "Task_DecideLaunch");

        // when / then: an expert is not a head, and is told no more than about a task that does not exist
        Api.Response byExpert = driver.as("chenming").post("/api/tasks/" + taskId + "/complete", launch());
        Api.Response unknown = driver.as("chenming").post("/api/tasks/00000000-0000-0000-0000-000000000000/complete", launch());
        assertThat(byExpert.status()).isEqualTo(404);
        assertThat(byExpert.json().path("code").asText()).isEqualTo("TASK_NOT_FOUND");
        assertThat(byExpert.json().path("detail")).isEqualTo(unknown.json().path("detail"));

        // and a head must claim before completing
        Api.Response unclaimed = driver.as("zhangwei").post("/api/tasks/" + taskId + "/complete", launch());
        assertThat(unclaimed.status()).isEqualTo(409);
        assertThat(unclaimed.json().path("code").asText()).isEqualTo("TASK_NOT_CLAIMED");
    }

    @Test
    void completingTheSameTaskTwiceIsAConflict() {
        // given
        String number = driver.file("中心街道路改造工程", Map.of());
        String taskId = driver.awaitTask(number, "Task_DecideLaunch");
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());

        // when
        Api.Response again = driver.as("zhangwei").post("/api/tasks/" + taskId + "/complete", launch());

        // then
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asText()).isEqualTo("TASK_ALREADY_COMPLETED");
        assertThat(recordsOf(driver.detail(number), "Task_DecideLaunch")).hasSize(1);
    }

    @Test
    void withdrawnCaseEndsItsTasksAndCannotBeWithdrawnAfterTheMeeting() {
        // given
        String number = driver.file("中心街道路改造工程", Map.of("nonPublic", true));
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        String draftTask = driver.awaitTask(number, "Task_DraftDecision");

        // when
        Api.Response withdrawn = driver.as("wangfang").post("/api/cases/" + number + "/withdrawal", map("reason", "上级政策调整"));

        // then
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.json().at("/status/code").asText()).isEqualTo("WITHDRAWN");
        assertThat(driver.detail(number).path("openTasks")).isEmpty();
        Api.Response late = driver.as("wangfang").post("/api/tasks/" + draftTask + "/complete", draft());
        assertThat(late.status()).isEqualTo(409);
        Api.Response twice = driver.as("wangfang").post("/api/cases/" + number + "/withdrawal", map("reason", "再次撤回"));
        assertThat(twice.status()).isEqualTo(409);
    }

    @Test
    void caseAtTheMeetingCannotBeWithdrawn() {
        // given
        String number = driver.file("镇区停车管理办法", Map.of("nonPublic", true));
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.reviewLegality(number, "lawful");
        driver.awaitTask(number, "Task_RecordMeeting");

        // when
        Api.Response refused = driver.as("wangfang").post("/api/cases/" + number + "/withdrawal", map("reason", "撤回"));

        // then
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("code").asText()).isEqualTo("CASE_NOT_WITHDRAWABLE");
        assertThat(driver.detail(number).at("/summary/status/code").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void aFlagThatLeavesOutAStageIsFiledOnlyWithItsBasisWhichTheHeadConfirmsAndTheSkipRecordStates() {
        // given filings that leave out public participation and expert review on bases that do not hold
        String token = "T" + System.nanoTime();
        String title = "镇武装部营房修缮方案" + token;
        Api officer = driver.as("wangfang");
        Map<String, Object> noBasis = fileCase(title, Map.of("nonPublic", true));
        noBasis.remove("skipBases");
        Map<String, Object> badBases = fileCase(title, Map.of("nonPublic", true, "priorRiskAssessment", true));
        badBases.put("skipBases", map(
                "nonPublic", basis("NOT_TECHNICAL", "营房资料不宜公开，依法不予公开。"),
                "technical", basis("NOT_TECHNICAL", "不涉及"),
                "stabilityRisk", basis("NO_STABILITY_IMPACT", "仅涉及营房内部修缮，不影响周边群众生活。"),
                "priorRiskAssessment", basis("PRIOR_CASE", "此前已经评估过，结论为风险可控。"),
                "hearing", basis("STATE_SECRET", "依据《中华人民共和国保守国家秘密法》第十三条。")));
        Map<String, Object> unknownGround = fileCase(title, Map.of("nonPublic", true));
        unknownGround.put("skipBases", map("nonPublic", basis("BECAUSE", "领导要求不公开此事项。")));

        // when they are filed
        Api.Response refused = officer.post("/api/cases", noBasis);
        Api.Response inconsistent = officer.post("/api/cases", badBases);
        Api.Response unknown = officer.post("/api/cases", unknownGround);

        // then each is refused, naming the flag, and nothing is filed
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(errors(refused)).containsExactlyInAnyOrder("skipBases.nonPublic:SKIP_BASIS_REQUIRED",
                "skipBases.technical:SKIP_BASIS_REQUIRED", "skipBases.stabilityRisk:SKIP_BASIS_REQUIRED");
        assertThat(refused.json().at("/errors/0/message").asText()).contains("第十四条");
        assertThat(errors(inconsistent)).containsExactlyInAnyOrder("skipBases.nonPublic.code:SKIP_BASIS_WRONG_FLAG",
                "skipBases.technical.text:SKIP_BASIS_TEXT_TOO_SHORT",
                "skipBases.priorRiskAssessment.text:SKIP_BASIS_CASE_UNKNOWN", "skipBases.hearing:SKIP_BASIS_NOT_NEEDED");
        assertThat(errors(unknown)).containsExactly("skipBases.nonPublic.code:SKIP_BASIS_UNKNOWN");
        assertThat(officer.get("/api/cases?title=" + token).json().path("totalItems").asInt()).isZero();

        // and a filing that leaves the flags out runs expert review and risk assessment, needing no basis
        Api.Response defaults = officer.post("/api/cases", withoutFlags(fileCase(title + "（默认）", Map.of())));
        assertThat(defaults.status()).as(defaults.toString()).isEqualTo(201);
        assertThat(defaults.json().at("/flags/technical").asBoolean()).isTrue();
        assertThat(defaults.json().at("/flags/stabilityRisk").asBoolean()).isTrue();
        assertThat(defaults.json().path("skipBases").isEmpty()).isTrue();

        // when the case is filed with its bases, and the head launches it without confirming the flags, then with
        Api.Response filed = officer.post("/api/cases", fileCase(title, Map.of("nonPublic", true)));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String number = filed.json().path("number").asText();
        String launchTask = driver.awaitTask(number, "Task_DecideLaunch");
        JsonNode launchView = driver.as("zhangwei").get("/api/tasks/" + launchTask).json();
        Map<String, Object> unconfirmed = launch();
        unconfirmed.put("flagsConfirmed", false);
        Api head = driver.as("zhangwei");
        head.post("/api/tasks/" + launchTask + "/claim", "");
        Api.Response notConfirmed = head.post("/api/tasks/" + launchTask + "/complete", unconfirmed);
        Api.Response confirmed = head.post("/api/tasks/" + launchTask + "/complete", launch());
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        String packageTask = driver.awaitTask(number, "Task_SubmitLegalityPackage");

        // then the filing answered with the flags and their bases
        assertThat(filed.json().at("/flags/nonPublic").asBoolean()).isTrue();
        assertThat(filed.json().at("/skipBases/nonPublic/code").asText()).isEqualTo("STATE_SECRET");
        assertThat(filed.json().at("/skipBases/technical/label").asText()).isEqualTo("不涉及专业性、技术性较强的问题");
        // and the head saw the planned skips with their bases, and could not launch without confirming them
        assertThat(launchView.at("/procedureStatement/2/statement").asText()).contains("将不进行")
                .contains("选址资料属秘密级国家秘密");
        assertThat(notConfirmed.status()).as(notConfirmed.toString()).isEqualTo(400);
        assertThat(errors(notConfirmed)).containsExactly("flagsConfirmed:FLAGS_NOT_CONFIRMED");
        JsonNode detail = driver.detail(number);
        assertThat(detail.path("flagsConfirmedBy").asText()).isEqualTo("zhangwei");
        assertThat(detail.path("flagsConfirmedAt").isNull()).isFalse();
        // and each skip states the officer's basis, in the record and in the legality package's statement (Art. 26)
        assertThat(detail.at("/skippedStages/0/reason").asText())
                .isEqualTo("涉及国家秘密：依据《中华人民共和国保守国家秘密法》第十三条，本事项的选址资料属秘密级国家秘密。");
        assertThat(detail.at("/skippedStages/1/basis/code").asText()).isEqualTo("NOT_TECHNICAL");
        JsonNode statement = driver.as("wangfang").get("/api/tasks/" + packageTask).json().path("procedureStatement");
        assertThat(statement.path(2).path("statement").asText()).contains("依法不予公开").contains("涉及国家秘密")
                .contains("选址资料属秘密级国家秘密");
        assertThat(statement.path(4).path("statement").asText()).contains("不会影响社会稳定");

        // and a later case may rely on an earlier case's assessment when it names that case
        Map<String, Object> relying = fileCase(title + "（二期）", Map.of("stabilityRisk", true,
                "priorRiskAssessment", true));
        relying.put("skipBases", map("technical", basis("NOT_TECHNICAL", "营房修缮属常规工程，不涉及专业技术问题。"),
                "priorRiskAssessment", basis("PRIOR_CASE", "已在 " + number + " 中评估，结论为风险可控。")));
        Api.Response relied = officer.post("/api/cases", relying);
        assertThat(relied.status()).as(relied.toString()).isEqualTo(201);
        assertThat(relied.json().at("/skipBases/priorRiskAssessment/text").asText()).contains(number);
    }

    private static Map<String, Object> withoutFlags(Map<String, Object> filing) {
        filing.remove("flags");
        filing.remove("skipBases");
        return filing;
    }

    private static List<String> errors(Api.Response response) {
        List<String> errors = new ArrayList<>();
        response.json().path("errors").forEach(e -> errors.add(e.path("field").asText() + ":" + e.path("code").asText()));
        return errors;
    }

    @Test
    void revisedFlagDecidesTheSkipAndNamesWhoRevisedIt() {
        // given a public case, launched
        String number = driver.file("镇区停车管理办法", Map.of());
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());

        // when another officer marks it non-public while it is still being drafted, first without a basis
        Api.Response unfounded = driver.as("zhaolei").put("/api/cases/" + number + "/flags",
                map("flags", map("nonPublic", true), "reason", "涉及国家秘密，依法不予公开"));
        Api.Response revised = driver.as("zhaolei").put("/api/cases/" + number + "/flags",
                map("flags", map("nonPublic", true), "reason", "涉及国家秘密，依法不予公开",
                        "skipBases", map("nonPublic", basis("STATE_SECRET", "依据《中华人民共和国保守国家秘密法》第十三条，管网资料属秘密级。"))));
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());

        // then the revision without a basis was refused, naming the flag's basis to give
        assertThat(unfounded.status()).as(unfounded.toString()).isEqualTo(400);
        assertThat(unfounded.json().at("/errors/0/field").asText()).isEqualTo("skipBases.nonPublic");
        assertThat(unfounded.json().at("/errors/0/code").asText()).isEqualTo("SKIP_BASIS_REQUIRED");
        assertThat(revised.json().at("/skipBases/nonPublic/label").asText()).isEqualTo("涉及国家秘密");

        // and public participation is skipped, naming who set the flag, why it was revised and on which basis
        driver.awaitTask(number, "Task_SubmitLegalityPackage");
        JsonNode detail = driver.detail(number);
        assertThat(detail.at("/skippedStages/0/stage/code").asText()).isEqualTo("PUBLIC_PARTICIPATION");
        assertThat(detail.at("/skippedStages/0/flagSetBy").asText()).isEqualTo("zhaolei");
        assertThat(detail.at("/skippedStages/0/reason").asText()).isEqualTo(
                "涉及国家秘密：依据《中华人民共和国保守国家秘密法》第十三条，管网资料属秘密级。");
        assertThat(detail.at("/skippedStages/0/basis/code").asText()).isEqualTo("STATE_SECRET");
        assertThat(detail.at("/flagRevisions/0/reason").asText()).isEqualTo("涉及国家秘密，依法不予公开");
        assertThat(detail.at("/flagRevisions/0/basis/text").asText()).contains("管网资料属秘密级");
        assertThat(detail.at("/skipBases/nonPublic/code").asText()).isEqualTo("STATE_SECRET");

        // and a flag whose stage is already behind the case can no longer change
        Api.Response late = driver.as("wangfang").put("/api/cases/" + number + "/flags",
                map("flags", map("nonPublic", true, "technical", true), "reason", "补充专家论证"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("code").asText()).isEqualTo("FLAG_STAGE_STARTED");
        assertThat(driver.detail(number).at("/flags/technical").asBoolean()).isFalse();
    }

    @Test
    void correctionsAreNewRecordsThatPointAtWhatTheyCorrect() {
        // given a launch decision recorded with a wrong lead unit
        String number = driver.file("中心街道路改造工程", Map.of());
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        JsonNode original = driver.detail(number).path("records").path(0);
        String path = "/api/cases/" + number + "/records/" + original.path("id").asText() + "/corrections";
        Map<String, Object> corrected = launch();
        corrected.put("leadUnit", "镇交通管理所");

        // when
        Api.Response byOther = driver.as("wangfang").post(path, map("reason", "牵头单位填错", "data", corrected));
        Map<String, Object> changedDecision = launch();
        changedDecision.put("launchDecision", "notLaunch");
        changedDecision.put("reason", "不启动");
        Api.Response outcome = driver.as("zhangwei").post(path, map("reason", "改变决定", "data", changedDecision));
        Api.Response done = driver.as("zhangwei").post(path, map("reason", "牵头单位填错", "data", corrected));

        // then
        assertThat(byOther.status()).isEqualTo(403);
        assertThat(outcome.status()).isEqualTo(409);
        assertThat(outcome.json().path("code").asText()).isEqualTo("OUTCOME_NOT_CORRECTABLE");
        assertThat(done.status()).as(done.toString()).isEqualTo(201);
        JsonNode detail = driver.detail(number);
        assertThat(detail.path("records").path(0)).isEqualTo(original);
        assertThat(detail.at("/corrections/0/correctsRecord").asLong()).isEqualTo(original.path("id").asLong());
        assertThat(detail.at("/corrections/0/data/leadUnit").asText()).isEqualTo("镇交通管理所");
        assertThat(detail.at("/corrections/0/actor").asText()).isEqualTo("zhangwei");
        assertThat(detail.at("/summary/leadUnit").asText()).isEqualTo("镇交通管理所");
    }

    @Test
    void aCorrectionPassesTheSameStatutoryRulesAsTheSubmission() {
        // given a lawful legality conclusion and a consultation notice the engine's timer was set from
        String number = driver.file("镇区停车管理办法", Map.of());
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.consultAndClose(number);
        JsonNode notice = recordsOf(driver.detail(number), "Task_PublishConsultationNotice").get(0);
        driver.complete(number, "Task_HandlePublicOpinions", "wangfang", opinionHandling());
        driver.reviewLegality(number, "lawful");
        JsonNode conclusion = recordsOf(driver.detail(number), "Task_ConcludeLegality").get(0);

        // when the reviewer corrects a finding so that it contradicts the lawful conclusion
        Map<String, Object> contradicting = legalityConclusion("lawful");
        contradicting.put("contentFinding", "problem");
        contradicting.put("contentNote", "部分条款缺乏上位法依据");
        Api.Response refused = driver.as("wugang").post("/api/cases/" + number + "/records/"
                + conclusion.path("id").asText() + "/corrections", map("reason", "更正审查意见", "data", contradicting));
        // or the officer shortens the consultation the process already timed
        Map<String, Object> shortened = consultationNotice();
        shortened.put("periodEnd", LocalDate.parse((String) shortened.get("periodStart")).plusDays(10).toString());
        Api.Response retimed = driver.as("wangfang").post("/api/cases/" + number + "/records/"
                + notice.path("id").asText() + "/corrections", map("reason", "期限填错", "data", shortened));

        // then the correction is refused as the submission would have been, and nothing is stored
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/code").asText()).isEqualTo("FINDING_CONTRADICTS_CONCLUSION");
        assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("contentFinding");
        assertThat(retimed.status()).as(retimed.toString()).isEqualTo(409);
        assertThat(retimed.json().path("code").asText()).isEqualTo("OUTCOME_NOT_CORRECTABLE");
        assertThat(driver.detail(number).path("corrections")).isEmpty();
    }

    @Test
    void requiresLoginForTheApiAndLeavesTheEngineRestApiToItsOperators() {
        assertThat(Api.anonymous(port).get("/api/cases").status()).isEqualTo(401);
        assertThat(Api.anonymous(port).get("/engine-rest/task").status()).isEqualTo(401);
        assertThat(Api.as(port, "wangfang", "wrong").get("/api/cases").status()).isEqualTo(401);
        assertThat(Api.as(port, "wangfang", CaseDriver.PASSWORD).get("/engine-rest/task").status()).isEqualTo(403);
        assertThat(Api.as(port, "ops", CaseDriver.PASSWORD).get("/engine-rest/task").status()).isEqualTo(200);
    }

    private String processInstanceOf(String number) {
        Api.Response instances = driver.as("ops")
                .get("/engine-rest/process-instance?processDefinitionKey=decision-case&businessKey=" + number);
        assertThat(instances.json()).as(instances.toString()).hasSize(1);
        return instances.json().path(0).path("id").asText();
    }

    private static List<JsonNode> recordsOf(JsonNode detail, String taskKey) {
        List<JsonNode> records = new ArrayList<>();
        detail.path("records").forEach(r -> {
            if (taskKey.equals(r.path("taskKey").asText())) {
                records.add(r);
            }
        });
        return records;
    }

    private static JsonNode recordOf(JsonNode detail, String taskKey) {
        return recordsOf(detail, taskKey).get(0);
    }

    private static JsonNode lastRecordOf(JsonNode detail, String taskKey) {
        List<JsonNode> records = recordsOf(detail, taskKey);
        return records.get(records.size() - 1);
    }
}
