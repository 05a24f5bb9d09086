package cn.majordecision.execution;

import static cn.majordecision.support.Submissions.draft;
import static cn.majordecision.support.Submissions.launch;
import static cn.majordecision.support.Submissions.map;
import static cn.majordecision.support.Submissions.opinionHandling;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import cn.majordecision.support.Submissions;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Art. 37 as written: a decision is not stopped or changed outside the procedure. The head may suspend in an
 * emergency, and the decision organ then keeps or lifts the suspension at a meeting; an adjustment or termination is a
 * new linked case, and the original changes only when that case's meeting approves. Every step is on the public page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChangingADecisionIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void theHeadSuspendsInAnEmergencyAndTheOrganDecidesAtAMeeting() {
        // given a published decision being executed
        CaseDriver driver = new CaseDriver(port);
        String number = driver.publishedDecision("渣土运输管理规定");
        driver.as("wangfang").put("/api/cases/" + number + "/execution", map("executionUnit", "镇规划建设办"));
        Api citizen = Api.anonymous(port);
        String path = "/api/cases/" + number + "/suspension";

        // when an officer suspends it, and the head does without naming the situation of Art. 35
        Api.Response byOfficer = driver.as("wangfang").post(path, map("ground", "FORCE_MAJEURE", "reason", "紧急"));
        Api.Response withoutGround = driver.as("zhangwei").post(path, map("reason", "紧急"));

        // then both are refused
        assertThat(byOfficer.status()).isEqualTo(403);
        assertThat(withoutGround.status()).isEqualTo(400);
        assertThat(withoutGround.json().at("/errors/0/field").asText()).isEqualTo("ground");

        // given an evaluation that recommends suspending it
        long evaluation = driver.as("zhangwei").post("/api/cases/" + number + "/evaluations",
                map("trigger", "ORGAN_SEES_NEED", "evaluatorUnit", "镇财政所")).json().path("id").asLong();
        long proposal = driver.as("wangfang").post("/api/cases/" + number + "/evaluations/" + evaluation + "/report",
                map("implementation", "运输中", "effects", "事故频发", "publicViews", "沿线居民要求暂停",
                        "participants", java.util.List.of(map("capacity", "CPPCC_MEMBER", "name", "陈委员",
                                "view", "建议暂停整改")), "recommendation", "SUSPEND"))
                .json().path("proposalId").asLong();

        // when the head suspends it with the situation and the emergency reason, taking up the proposal
        Api.Response suspended = driver.as("zhangwei").post(path,
                map("ground", "PROBLEM_FOUND", "reason", "运输车辆发生安全事故，须立即暂停", "proposalId", proposal));

        // then it is suspended at once, publicly, pending the organ's decision, and the proposal is taken up
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        assertThat(suspended.json().at("/amendments/0/kind").asText()).isEqualTo("SUSPEND");
        assertThat(suspended.json().at("/amendments/0/state").asText()).isEqualTo("TAKEN_UP");
        JsonNode page = citizen.get("/api/public/decisions/" + number).json();
        assertThat(page.path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(page.path("statusLabel").asText()).isEqualTo("暂停执行（待决策机关决定）");
        assertThat(page.path("awaitingOrgan").asBoolean()).isTrue();
        assertThat(page.path("statusReason").asText()).isEqualTo("运输车辆发生安全事故，须立即暂停");
        assertThat(page.at("/statusHistory/0/event").asText()).isEqualTo("SUSPENDED");
        assertThat(page.at("/statusHistory/0/decidedBy").asText()).isEqualTo("行政首长");
        assertThat(page.at("/statusHistory/0/groundLabel").asText()).isEqualTo("决策存在问题");
        assertThat(citizen.get("/portal/decisions/" + number).body()).contains("待决策机关决定", "status-history");

        // and the case page offers the head no lifting, the meeting secretary the organ's decision, the officer a change
        String head = Api.signedIn(port, "zhangwei", CaseDriver.PASSWORD).get("/app/cases/" + number).body();
        assertThat(head).contains("id=\"head-suspension\"", "暂停执行（待决策机关决定）")
                .doesNotContain("suspension/lifting", "/termination", "id=\"organ-decision\"");
        String secretary = Api.signedIn(port, "zhenghong", CaseDriver.PASSWORD).get("/app/cases/" + number).body();
        assertThat(secretary).contains("id=\"organ-decision\"", "value=\"CONFIRM\"");
        String officer = Api.signedIn(port, "wangfang", CaseDriver.PASSWORD).get("/app/cases/" + number).body();
        assertThat(officer).contains("id=\"amendment\"").doesNotContain("id=\"head-suspension\"");

        // when the head tries to lift it alone
        Api.Response lifting = driver.as("zhangwei").post(path + "/lifting", map("reason", "已处理"));

        // then that is refused: the organ decides
        assertThat(lifting.status()).isEqualTo(409);
        assertThat(lifting.json().path("code").asText()).isEqualTo("LIFTING_BY_THE_ORGAN");
        assertThat(lifting.json().path("detail").asText()).contains("决策机关", "organ-decision");

        // when the meeting secretary records the organ's decision to keep it, first with a meeting still to come
        String organ = path + "/organ-decision";
        String today = Submissions.today().toString();
        Api.Response future = driver.as("zhenghong").post(organ, map("decision", "CONFIRM", "meetingDate",
                Submissions.today().plusDays(1).toString(), "meetingType", "executive", "decidingRecord", "纪要",
                "reason", "维持"));
        Api.Response byHead = driver.as("zhangwei").post(organ, map("decision", "LIFT"));
        Api.Response confirmed = driver.as("zhenghong").post(organ, map("decision", "CONFIRM", "meetingDate", today,
                "meetingType", "executive", "decidingRecord", "镇政府常务会议纪要〔2026〕12号", "reason", "事故原因尚在调查"));

        // then a future meeting and the head are refused; the confirmation is public with its meeting and record
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().at("/errors/0/code").asText()).isEqualTo("MEETING_DATE_IN_FUTURE");
        assertThat(byHead.status()).isEqualTo(403);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        page = citizen.get("/api/public/decisions/" + number).json();
        assertThat(page.path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(page.path("statusLabel").asText()).isEqualTo("暂停执行");
        assertThat(page.path("awaitingOrgan").asBoolean()).isFalse();
        assertThat(page.at("/statusHistory/1/event").asText()).isEqualTo("SUSPENSION_CONFIRMED");
        assertThat(page.at("/statusHistory/1/decidedBy").asText()).isEqualTo("决策机关集体讨论决定");
        assertThat(page.at("/statusHistory/1/meetingDate").asText()).isEqualTo(today);
        assertThat(page.at("/statusHistory/1/decidingRecord").asText()).isEqualTo("镇政府常务会议纪要〔2026〕12号");
        Api.Response confirmedAgain = driver.as("zhenghong").post(organ, map("decision", "CONFIRM", "meetingDate",
                today, "meetingType", "executive", "decidingRecord", "纪要", "reason", "维持"));
        assertThat(confirmedAgain.status()).isEqualTo(409);
        assertThat(confirmedAgain.json().path("code").asText()).isEqualTo("NOTHING_AWAITS_THE_ORGAN");

        // when a later meeting lifts it
        Api.Response lifted = driver.as("zhenghong").post(organ, map("decision", "LIFT", "meetingDate", today,
                "meetingType", "plenary", "decidingRecord", "镇政府全体会议纪要〔2026〕3号", "reason", "整改完成"));

        // then it is in force again, the history shows all three decisions, and the annual report counts one suspension
        assertThat(lifted.status()).as(lifted.toString()).isEqualTo(200);
        page = citizen.get("/api/public/decisions/" + number).json();
        assertThat(page.path("status").asText()).isEqualTo("IN_FORCE");
        assertThat(page.path("statusHistory")).extracting(h -> h.path("event").asText())
                .containsExactly("SUSPENDED", "SUSPENSION_CONFIRMED", "SUSPENSION_LIFTED");
        assertThat(page.at("/statusHistory/2/meetingType").asText()).isEqualTo("全体会议");
        JsonNode annual = driver.as("zhangwei").get("/api/reports/annual/" + Submissions.today().getYear()).json();
        JsonNode suspensions = null;
        for (JsonNode metric : annual.path("metrics")) {
            if (metric.path("key").asText().equals("after.suspensions")) {
                suspensions = metric;
            }
        }
        assertThat(suspensions).as("the annual report counts suspensions").isNotNull();
        assertThat(suspensions.path("caseNumbers").toString().split(number, -1))
                .as("counted once: the organ's confirmation is not another suspension").hasSize(2);
        JsonNode log = driver.as("xunuo").get("/api/audit/cases/" + number + "/timeline").json();
        assertThat(log.toString()).contains("EXECUTION_SUSPENDED", "SUSPENSION_CONFIRMED", "EXECUTION_RESUMED",
                "镇政府全体会议纪要〔2026〕3号");
        Api engine = driver.as("ops");
        assertThat(engine.get("/engine-rest/process-instance?processDefinitionKey=decision-execution&businessKey="
                + number).json()).as("stage 12 goes on after the lifting").hasSize(1);
    }

    @Test
    void aTerminationTakesEffectOnlyWhenTheLinkedCasesMeetingApprovesIt() {
        // given a published decision being executed
        CaseDriver driver = new CaseDriver(port);
        String number = driver.publishedDecision("夜间施工许可办法");
        driver.as("wangfang").put("/api/cases/" + number + "/execution", map("executionUnit", "镇规划建设办"));
        Api citizen = Api.anonymous(port);

        // when the head terminates it directly and an officer adjusts it directly
        Api.Response terminated = driver.as("zhangwei").post("/api/cases/" + number + "/termination",
                map("reason", "上位法已废止"));
        Api.Response adjusted = driver.as("wangfang").post("/api/cases/" + number + "/adjustment",
                map("reason", "须调整"));

        // then both are refused, pointing to the procedure, and nothing changed
        for (Api.Response response : java.util.List.of(terminated, adjusted)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(409);
            assertThat(response.json().path("code").asText()).isEqualTo("CHANGE_BY_PROCEDURE");
            assertThat(response.json().path("detail").asText()).contains("第三十七条", "amendments");
        }
        assertThat(citizen.get("/api/public/decisions/" + number).json().path("status").asText()).isEqualTo("IN_FORCE");

        // when the officer starts the termination through the procedure
        Api.Response amendment = driver.as("wangfang").post("/api/cases/" + number + "/amendments",
                map("kind", "TERMINATE", "reason", "上位法已废止"));

        // then a linked case is filed and the original stays in force
        assertThat(amendment.status()).as(amendment.toString()).isEqualTo(201);
        String linked = amendment.json().at("/amendments/0/newCase").asText();
        assertThat(linked).isNotBlank().isNotEqualTo(number);
        assertThat(amendment.json().at("/amendments/0/state").asText()).isEqualTo("UNDER_PROCEDURE");
        assertThat(amendment.json().path("status").asText()).isEqualTo("IN_FORCE");
        assertThat(driver.detail(linked).toString()).contains(number, "停止执行");
        assertThat(driver.as("wangfang").get("/api/cases/" + linked + "/execution").json().path("adjustsCase").asText())
                .isEqualTo(number);
        Api.Response second = driver.as("wangfang").post("/api/cases/" + number + "/amendments",
                map("kind", "ADJUST", "reason", "另作调整"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().path("code").asText()).isEqualTo("AMENDMENT_UNDER_PROCEDURE");

        // when the linked case runs the procedure up to the legality conclusion
        driver.toTheMeeting(linked);

        // then the original is still in force
        assertThat(citizen.get("/api/public/decisions/" + number).json().path("status").asText()).isEqualTo("IN_FORCE");

        // when the linked case's meeting approves
        driver.complete(linked, "Task_RecordMeeting", "zhenghong", Submissions.meeting("approve"));

        // then the original is terminated, publicly, with the meeting and the linked case as its deciding record
        JsonNode page = citizen.get("/api/public/decisions/" + number).json();
        assertThat(page.path("status").asText()).isEqualTo("TERMINATED");
        assertThat(page.path("statusReason").asText()).isEqualTo("上位法已废止");
        JsonNode last = page.path("statusHistory").path(page.path("statusHistory").size() - 1);
        assertThat(last.path("event").asText()).isEqualTo("TERMINATED");
        assertThat(last.path("linkedCase").asText()).isEqualTo(linked);
        assertThat(last.path("meetingDate").asText()).isEqualTo(Submissions.today().toString());
        assertThat(last.path("decidingRecord").asText()).contains(linked, "集体讨论决定记录");
        JsonNode view = driver.as("wangfang").get("/api/cases/" + number + "/execution").json();
        assertThat(view.at("/amendments/0/state").asText()).isEqualTo("DECIDED");
        Api.Response report = driver.as("wangfang").post("/api/cases/" + number + "/execution/reports",
                map("kind", "PROGRESS", "text", "继续执行"));
        assertThat(report.status()).isEqualTo(409);
        assertThat(report.json().path("code").asText()).isEqualTo("DECISION_CLOSED");
        assertThat(driver.as("ops").get("/engine-rest/process-instance?processDefinitionKey=decision-execution"
                + "&businessKey=" + number).json()).as("termination ends stage 12").isEmpty();
        assertThat(driver.as("xunuo").get("/api/audit/cases/" + number + "/timeline").body())
                .contains("AMENDMENT_FILED", "DECISION_TERMINATED", linked);
    }

    @Test
    void anAdjustmentTheMeetingRejectsLeavesTheDecisionAsItWas() {
        // given a published decision whose evaluation proposed an adjustment
        CaseDriver driver = new CaseDriver(port);
        String number = driver.publishedDecision("集镇摊点管理办法");
        Api officer = driver.as("wangfang");
        long evaluation = driver.as("zhangwei").post("/api/cases/" + number + "/evaluations",
                map("trigger", "ORGAN_SEES_NEED", "evaluatorUnit", "镇财政所")).json().path("id").asLong();
        long proposal = officer.post("/api/cases/" + number + "/evaluations/" + evaluation + "/report",
                map("implementation", "已执行", "effects", "效果一般", "publicViews", "意见不一",
                        "noParticipationReason", "评估期间未能邀请到代表委员", "recommendation", "ADJUST"))
                .json().path("proposalId").asLong();

        // when the officer takes up the proposal, citing it as a termination, then as the adjustment it is
        Api.Response wrongKind = officer.post("/api/cases/" + number + "/amendments",
                map("kind", "TERMINATE", "reason", "按评估建议", "proposalId", proposal));
        Api.Response taken = officer.post("/api/cases/" + number + "/amendments",
                map("kind", "ADJUST", "reason", "按评估建议调整收费", "proposalId", proposal));

        // then the proposal is answered by the linked case
        assertThat(wrongKind.status()).isEqualTo(400);
        assertThat(wrongKind.json().at("/errors/0/field").asText()).isEqualTo("proposalId");
        assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
        assertThat(taken.json().path("amendments")).hasSize(1);
        assertThat(taken.json().at("/amendments/0/evaluationId").asLong()).isEqualTo(evaluation);
        String linked = taken.json().at("/amendments/0/newCase").asText();

        // when the linked case's meeting rejects the adjustment
        driver.toTheMeeting(linked);
        driver.complete(linked, "Task_RecordMeeting", "zhenghong", Submissions.meeting("reject"));

        // then the original decision stays in force and the change is recorded as not adopted
        assertThat(Api.anonymous(port).get("/api/public/decisions/" + number).json().path("status").asText())
                .isEqualTo("IN_FORCE");
        assertThat(officer.get("/api/cases/" + number + "/execution").json().at("/amendments/0/state").asText())
                .isEqualTo("NOT_ADOPTED");
    }

}
