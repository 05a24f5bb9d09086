package cn.majordecision.execution;

import static cn.majordecision.support.Submissions.draft;
import static cn.majordecision.support.Submissions.launch;
import static cn.majordecision.support.Submissions.map;
import static cn.majordecision.support.Submissions.opinionHandling;
import static cn.majordecision.support.Submissions.publication;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.calendar.Deadlines;
import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import cn.majordecision.support.EngineTime;
import cn.majordecision.support.Submissions;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * After the decision (Arts. 34-36): execution reports on a schedule, problem reports answered by the organ, public
 * feedback, post-decision evaluation on a recorded trigger by an independent unit with deputies' views on record.
 * Suspension and changes of the decision (Art. 37) are in {@link ChangingADecisionIntegrationTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "app.consultation.opinions.burst=3", "app.consultation.opinions.refill=PT10M",
        "app.consultation.trust-forwarded-for=true"})
class AfterTheDecisionIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void nothingAfterTheDecisionHappensBeforePublication() {
        // given a case that is only filed
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("镇区停车收费办法", Map.of());

        // when the officer names an execution unit and the head suspends it
        Api.Response plan = driver.as("wangfang").put("/api/cases/" + number + "/execution",
                map("executionUnit", "镇农业农村办"));
        Api.Response suspension = driver.as("zhangwei").post("/api/cases/" + number + "/suspension",
                map("ground", "FORCE_MAJEURE", "reason", "紧急情况"));
        Api.Response evaluation = driver.as("zhangwei").post("/api/cases/" + number + "/evaluations",
                map("trigger", "ORGAN_SEES_NEED", "evaluatorUnit", "镇财政所"));

        // then each is refused, naming where the case stands
        for (Api.Response response : List.of(plan, suspension, evaluation)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(409);
            assertThat(response.json().path("code").asText()).isEqualTo("DECISION_NOT_PUBLISHED");
            assertThat(response.json().path("detail").asText()).contains("尚未公布", "决策启动", "办理中");
        }
    }

    @Test
    void theExecutionUnitReportsOnAQuarterlyScheduleAndAnIndependentUnitEvaluates() {
        // given a published decision
        CaseDriver driver = new CaseDriver(port);
        String number = driver.publishedDecision("集贸市场摊位管理办法");
        Api officer = driver.as("wangfang");

        // when the officer names the execution unit without an interval
        JsonNode plan = officer.put("/api/cases/" + number + "/execution", map("executionUnit", "镇农业农村办")).json();

        // then it reports quarterly, the first report due about three months after publication
        assertThat(plan.path("reportIntervalMonths").asInt()).isEqualTo(3);
        assertThat(plan.path("status").asText()).isEqualTo("IN_FORCE");
        assertThat(plan.path("schedule")).hasSize(1);
        assertThat(plan.at("/schedule/0/dueOn").asText()).isGreaterThanOrEqualTo(plan.path("publishedOn").asText());
        assertThat(plan.at("/schedule/0/overdue").asBoolean()).isFalse();

        // when an officer of the execution unit (not the undertaking unit) reports progress and a problem
        Api executor = driver.as("liqiang");
        Api.Response progress = executor.post("/api/cases/" + number + "/execution/reports",
                map("kind", "PROGRESS", "text", "已完成摊位重新编号。"));
        Api.Response problem = executor.post("/api/cases/" + number + "/execution/reports",
                map("kind", "PROBLEM", "text", "部分摊主拒绝搬迁。"));
        Api.Response withoutKind = executor.post("/api/cases/" + number + "/execution/reports", map("text", "x"));

        // then both are on record, the first period is reported, and a report without a kind is refused
        assertThat(progress.status()).as(progress.toString()).isEqualTo(200);
        JsonNode after = problem.json();
        assertThat(after.path("reports")).extracting(r -> r.path("kind").asText()).containsExactly("PROGRESS", "PROBLEM");
        assertThat(after.at("/reports/1/sha256").asText()).hasSize(64);
        assertThat(after.at("/schedule/0/reported").asBoolean()).isTrue();
        assertThat(withoutKind.status()).isEqualTo(400);
        assertThat(withoutKind.json().at("/errors/0/field").asText()).isEqualTo("kind");

        // when the officer opens an evaluation on a trigger the system has no record of, or on the organ's own trigger
        Api.Response unrecorded = officer.post("/api/cases/" + number + "/evaluations",
                map("trigger", "MANY_PUBLIC_OBJECTIONS", "evaluatorUnit", "镇财政所"));
        Api.Response organsOwn = officer.post("/api/cases/" + number + "/evaluations",
                map("trigger", "ORGAN_SEES_NEED", "evaluatorUnit", "镇财政所"));
        Api.Response withoutReport = officer.post("/api/cases/" + number + "/evaluations",
                map("trigger", "RESULTS_SHORT_OF_EXPECTATIONS", "evaluatorUnit", "镇财政所"));

        // then each is refused, saying what is missing
        assertThat(unrecorded.status()).as(unrecorded.toString()).isEqualTo(409);
        assertThat(unrecorded.json().path("code").asText()).isEqualTo("TRIGGER_NOT_RECORDED");
        assertThat(unrecorded.json().path("detail").asText()).contains("0 条");
        assertThat(organsOwn.status()).isEqualTo(403);
        assertThat(organsOwn.json().path("code").asText()).isEqualTo("TRIGGER_FOR_THE_ORGAN");
        assertThat(withoutReport.status()).isEqualTo(400);
        assertThat(withoutReport.json().at("/errors/0/field").asText()).isEqualTo("basisReportId");

        // when the officer cites the problem report that records results short of expectations
        long problemId = after.at("/reports/1/id").asLong();
        Api.Response onRecord = officer.post("/api/cases/" + number + "/evaluations",
                map("trigger", "RESULTS_SHORT_OF_EXPECTATIONS", "evaluatorUnit", "镇财政所", "basisReportId", problemId));

        // then it is opened, naming the record it rests on
        assertThat(onRecord.status()).as(onRecord.toString()).isEqualTo(201);
        assertThat(onRecord.json().path("triggerBasis").asText()).contains(String.valueOf(problemId));

        // when the undertaking unit is named as the evaluator
        Api.Response ownUnit = driver.as("zhangwei").post("/api/cases/" + number + "/evaluations",
                map("trigger", "MANY_PUBLIC_OBJECTIONS", "evaluatorUnit", "镇规划建设办"));

        // then it is refused: it did the main assessment before the decision
        assertThat(ownUnit.status()).isEqualTo(400);
        assertThat(ownUnit.json().at("/errors/0/field").asText()).isEqualTo("evaluatorUnit");
        assertThat(ownUnit.json().at("/errors/0/code").asText()).isEqualTo("EVALUATOR_DID_MAIN_ASSESSMENT");

        // when another unit evaluates and reports
        Api.Response opened = driver.as("zhangwei").post("/api/cases/" + number + "/evaluations",
                map("trigger", "MANY_PUBLIC_OBJECTIONS", "evaluatorUnit", "镇财政所", "reason", "摊主意见较多"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(annualMetric(driver, "after.evaluations").path("caseNumbers").toString())
                .as("the annual report counts the evaluation").contains(number);
        String id = opened.json().path("id").asText();
        Api.Response withoutDeputies = officer.post("/api/cases/" + number + "/evaluations/" + id + "/report",
                map("implementation", "已执行六个月", "effects", "市场秩序好转", "publicViews", "摊主希望降低摊位费",
                        "recommendation", "ADJUST"));
        assertThat(withoutDeputies.status()).as("deputies and members take part, or the report says why not")
                .isEqualTo(400);
        assertThat(withoutDeputies.json().at("/errors/0/field").asText()).isEqualTo("participants");
        Map<String, Object> report = map("implementation", "已执行六个月", "effects", "市场秩序好转",
                "publicViews", "摊主希望降低摊位费", "participants", List.of(
                        map("capacity", "NPC_DEPUTY", "name", "刘代表", "view", "摊位费偏高"),
                        map("capacity", "CPPCC_MEMBER", "name", "陈委员", "view", "建议分档收费")),
                "recommendation", "ADJUST");
        Api.Response reported = officer.post("/api/cases/" + number + "/evaluations/" + id + "/report", report);
        Api.Response again = officer.post("/api/cases/" + number + "/evaluations/" + id + "/report", report);

        // then the report is stored once with its digest, and the log has every step
        assertThat(reported.status()).as(reported.toString()).isEqualTo(200);
        assertThat(reported.json().path("recommendationLabel").asText()).isEqualTo("调整");
        assertThat(reported.json().path("reportSha256").asText()).hasSize(64);
        assertThat(again.status()).isEqualTo(409);
        assertThat(reported.json().at("/report/participants/0/capacity").asText()).isEqualTo("NPC_DEPUTY");
        assertThat(reported.json().at("/report/participants/1/view").asText()).isEqualTo("建议分档收费");
        assertThat(driver.as("xunuo").get("/api/cases/" + number + "/evaluations").json()).hasSize(2);

        // and the recommendation to adjust is on record as a proposal that starts the Art. 37 path
        long proposalId = reported.json().path("proposalId").asLong();
        assertThat(proposalId).isPositive();
        JsonNode proposals = officer.get("/api/cases/" + number + "/execution").json().path("amendments");
        assertThat(proposals).hasSize(1);
        assertThat(proposals.at("/0/state").asText()).isEqualTo("PROPOSED");
        assertThat(proposals.at("/0/kind").asText()).isEqualTo("ADJUST");
        assertThat(proposals.at("/0/reason").asText()).contains("镇财政所", "调整");
        JsonNode log = driver.as("xunuo").get("/api/audit/cases/" + number + "/timeline").json();
        assertThat(log.toString()).contains("EXECUTION_PLANNED", "EXECUTION_REPORTED", "EVALUATION_OPENED",
                "EVALUATION_REPORTED", "AMENDMENT_PROPOSED", reported.json().path("reportSha256").asText());
    }

    @Test
    void aProblemReportNotifiesTheOrganAndWaitsInTheDeadlineReportUntilAnswered() {
        // given a published decision executed by another unit
        CaseDriver driver = new CaseDriver(port);
        String number = driver.publishedDecision("农村饮用水工程管护办法");
        driver.as("wangfang").put("/api/cases/" + number + "/execution", map("executionUnit", "镇农业农村办"));

        // when the execution unit reports a problem (Art. 35)
        JsonNode view = driver.as("liqiang").post("/api/cases/" + number + "/execution/reports",
                map("kind", "PROBLEM", "text", "两处水源地水质不达标。")).json();
        long reportId = view.at("/reports/0/id").asLong();

        // then the heads and the undertaking unit's officers are told, and it shows as awaiting the organ's answer
        assertThat(view.at("/reports/0/awaitingAnswer").asBoolean()).isTrue();
        assertThat(view.path("unansweredProblems").asInt()).isEqualTo(1);
        assertThat(driver.as("zhangwei").get("/api/notifications").body()).contains(number, "执行中发现的问题");
        assertThat(driver.as("wangfang").get("/api/notifications").body()).contains(number, "执行中发现的问题");
        String entry = "problem-report-" + reportId;
        assertThat(driver.as("wangfang").get("/api/deadlines").body()).contains(entry, "答复执行中发现的问题");

        // when an officer tries to answer, then the head answers, then answers again
        String answer = "/api/cases/" + number + "/execution/reports/" + reportId + "/answer";
        Api.Response byOfficer = driver.as("wangfang").post(answer, map("text", "已处理"));
        Api.Response empty = driver.as("zhangwei").post(answer, map("text", " "));
        Api.Response answered = driver.as("zhangwei").post(answer, map("text", "请立即启用备用水源并报告整改情况。"));
        Api.Response again = driver.as("zhangwei").post(answer, map("text", "再答复"));

        // then only the head's answer is kept, once, and the report leaves the deadline report
        assertThat(byOfficer.status()).isEqualTo(403);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().at("/errors/0/field").asText()).isEqualTo("text");
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        assertThat(answered.json().at("/reports/0/answer").asText()).isEqualTo("请立即启用备用水源并报告整改情况。");
        assertThat(answered.json().at("/reports/0/awaitingAnswer").asBoolean()).isFalse();
        assertThat(answered.json().path("unansweredProblems").asInt()).isZero();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asText()).isEqualTo("PROBLEM_ALREADY_ANSWERED");
        assertThat(driver.as("wangfang").get("/api/deadlines").body()).doesNotContain(entry);
        assertThat(driver.as("xunuo").get("/api/audit/cases/" + number + "/timeline").body()).contains("PROBLEM_ANSWERED");
    }

    @Test
    void thePublicSendsFeedbackWithoutLoginRateLimitedAndOfficersAloneSeeWhoSentIt() throws Exception {
        // given a published decision
        CaseDriver driver = new CaseDriver(port);
        String number = driver.publishedDecision("农村垃圾分类办法");

        // when one address sends five pieces of feedback, another one
        List<HttpResponse<String>> burst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            burst.add(feedback(number, "203.0.113.8", "{\"name\":\"钱七\",\"contact\":\"13900000007\",\"text\":\"反馈" + i + "\"}"));
        }
        HttpResponse<String> other = feedback(number, "198.51.100.10", "{\"text\":\"分类桶太少\"}");

        // then the first three are received, the rest slowed down, the other address served
        assertThat(burst.subList(0, 3)).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(201));
        assertThat(burst.subList(3, 5)).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
        });
        assertThat(other.statusCode()).isEqualTo(201);
        assertThat(burst.get(0).body()).contains("receiptNumber").doesNotContain("钱七", "13900000007");

        // and officers see who sent it, the public page does not
        JsonNode list = driver.as("wangfang").get("/api/cases/" + number + "/execution/feedback").json();
        assertThat(list).hasSize(4);
        assertThat(list.toString()).contains("钱七", "13900000007");
        assertThat(Api.anonymous(port).get("/api/public/decisions/" + number).body()).doesNotContain("钱七", "13900000007");
        assertThat(driver.as("xunuo").get("/api/audit/cases/" + number + "/timeline").body())
                .contains("FEEDBACK_RECEIVED").doesNotContain("钱七", "13900000007");

        // and feedback on a decision not published is answered as unknown
        String unpublished = driver.file("未公布事项", Map.of());
        assertThat(feedback(unpublished, "198.51.100.11", "{\"text\":\"x\"}").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> feedback(String number, String address, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/public/decisions/"
                        + number + "/feedback"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", "10.0.0.1, " + address)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode annualMetric(CaseDriver driver, String key) {
        int year = Submissions.today().getYear();
        for (JsonNode metric : driver.as("zhangwei").get("/api/reports/annual/" + year).json().path("metrics")) {
            if (metric.path("key").asText().equals(key)) {
                return metric;
            }
        }
        throw new AssertionError("No metric " + key);
    }
}
