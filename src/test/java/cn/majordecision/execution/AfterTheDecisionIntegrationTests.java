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
 * After the decision (Arts. 34-37): execution reports on a schedule, public feedback, post-decision evaluation by an
 * independent unit, the head's suspension, adjustment as a new linked case and termination with its reason.
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
                map("reason", "紧急情况"));
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
        String number = publish(driver, "集贸市场摊位管理办法");
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
        Map<String, Object> report = map("implementation", "已执行六个月", "effects", "市场秩序好转",
                "publicViews", "摊主希望降低摊位费", "recommendation", "ADJUST");
        Api.Response reported = officer.post("/api/cases/" + number + "/evaluations/" + id + "/report", report);
        Api.Response again = officer.post("/api/cases/" + number + "/evaluations/" + id + "/report", report);

        // then the report is stored once with its digest, and the log has every step
        assertThat(reported.status()).as(reported.toString()).isEqualTo(200);
        assertThat(reported.json().path("recommendationLabel").asText()).isEqualTo("调整");
        assertThat(reported.json().path("reportSha256").asText()).hasSize(64);
        assertThat(again.status()).isEqualTo(409);
        assertThat(driver.as("xunuo").get("/api/cases/" + number + "/evaluations").json()).hasSize(1);
        JsonNode log = driver.as("xunuo").get("/api/audit/cases/" + number + "/timeline").json();
        assertThat(log.toString()).contains("EXECUTION_PLANNED", "EXECUTION_REPORTED", "EVALUATION_OPENED",
                "EVALUATION_REPORTED", reported.json().path("reportSha256").asText());
    }

    @Test
    void theHeadSuspendsAtOnceAndAnAdjustmentOpensALinkedCase() {
        // given a published decision
        CaseDriver driver = new CaseDriver(port);
        String number = publish(driver, "渣土运输管理规定");
        Api citizen = Api.anonymous(port);
        String path = "/api/cases/" + number + "/suspension";

        // when an officer, then a head without a reason, try to suspend it
        Api.Response byOfficer = driver.as("wangfang").post(path, map("reason", "紧急情况"));
        Api.Response withoutReason = driver.as("zhangwei").post(path, map("reason", " "));

        // then both are refused
        assertThat(byOfficer.status()).isEqualTo(403);
        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(withoutReason.json().at("/errors/0/field").asText()).isEqualTo("reason");
        assertThat(citizen.get("/api/public/decisions/" + number).json().path("status").asText()).isEqualTo("IN_FORCE");

        // when the head suspends it with a reason
        Api.Response suspended = driver.as("zhangwei").post(path, map("reason", "运输车辆发生安全事故，暂停执行待查"));

        // then the public page shows it at once, with the reason and since when
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        JsonNode page = citizen.get("/api/public/decisions/" + number).json();
        assertThat(page.path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(page.path("statusLabel").asText()).isEqualTo("暂停执行");
        assertThat(page.path("statusReason").asText()).isEqualTo("运输车辆发生安全事故，暂停执行待查");
        assertThat(page.path("statusSince").asText()).isNotBlank();
        assertThat(driver.as("zhangwei").post(path, map("reason", "再次")).status()).isEqualTo(409);
        assertThat(annualMetric(driver, "after.suspensions").path("caseNumbers").toString())
                .as("the annual report counts the suspension").contains(number);

        // when the officer proposes a major adjustment
        Api.Response adjusted = driver.as("wangfang").post("/api/cases/" + number + "/adjustment",
                map("reason", "运输路线须重新规划"));

        // then a new case runs the procedure again, linked both ways, and the original shows it is adjusted
        assertThat(adjusted.status()).as(adjusted.toString()).isEqualTo(200);
        String newCase = adjusted.json().path("adjustedByCase").asText();
        assertThat(newCase).isNotBlank().isNotEqualTo(number);
        JsonNode newDetail = driver.detail(newCase);
        assertThat(newDetail.at("/summary/status/code").asText()).isEqualTo("ACTIVE");
        assertThat(newDetail.toString()).contains(number);
        assertThat(driver.as("wangfang").get("/api/cases/" + newCase + "/execution").json().path("adjustsCase").asText())
                .isEqualTo(number);
        JsonNode original = citizen.get("/api/public/decisions/" + number).json();
        assertThat(original.path("status").asText()).isEqualTo("ADJUSTED");
        assertThat(original.path("statusLabel").asText()).isEqualTo("已调整");
        assertThat(original.path("adjustedByCase").asText()).isEqualTo(newCase);
        assertThat(citizen.get("/api/public/decisions").json().toString()).contains("已调整");
    }

    @Test
    void aTerminatedDecisionIsClosedWithItsReasonAndTheSchedule() {
        // given a published decision with an execution unit
        CaseDriver driver = new CaseDriver(port);
        String number = publish(driver, "夜间施工许可办法");
        driver.as("wangfang").put("/api/cases/" + number + "/execution", map("executionUnit", "镇规划建设办",
                "reportIntervalMonths", 6));
        Api engine = driver.as("ops");
        String instances = "/engine-rest/process-instance?processDefinitionKey=decision-execution&businessKey=" + number;
        JsonNode execution = engine.get(instances).json();
        assertThat(execution).as("stage 12 runs on the engine").hasSize(1);
        JsonNode timers = engine.get("/engine-rest/job?timers=true&processInstanceId=" + execution.path(0).path("id").asText())
                .json();
        assertThat(timers).as("the first report's due date waits as a timer").hasSize(1);
        String firstDue = driver.as("wangfang").get("/api/cases/" + number + "/execution").json().at("/schedule/0/dueOn").asText();
        assertThat(java.time.OffsetDateTime.parse(timers.path(0).path("dueDate").asText(),
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant())
                .as("the end of the due day, Beijing time")
                .isEqualTo(cn.majordecision.calendar.Deadlines.endOf(java.time.LocalDate.parse(firstDue)));

        // when the head terminates it without, then with a reason
        Api.Response withoutReason = driver.as("zhangwei").post("/api/cases/" + number + "/termination", map());
        Api.Response byOfficer = driver.as("wangfang").post("/api/cases/" + number + "/termination",
                map("reason", "上位法已废止"));
        Api.Response terminated = driver.as("zhangwei").post("/api/cases/" + number + "/termination",
                map("reason", "上位法已废止"));

        // then it is terminated with the reason, publicly, and takes no more reports
        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(withoutReason.json().at("/errors/0/field").asText()).isEqualTo("reason");
        assertThat(byOfficer.status()).isEqualTo(403);
        assertThat(terminated.status()).as(terminated.toString()).isEqualTo(200);
        JsonNode page = Api.anonymous(port).get("/api/public/decisions/" + number).json();
        assertThat(page.path("status").asText()).isEqualTo("TERMINATED");
        assertThat(page.path("statusLabel").asText()).isEqualTo("已终止");
        assertThat(page.path("statusReason").asText()).isEqualTo("上位法已废止");
        Api.Response report = driver.as("wangfang").post("/api/cases/" + number + "/execution/reports",
                map("kind", "PROGRESS", "text", "继续执行"));
        assertThat(report.status()).isEqualTo(409);
        assertThat(report.json().path("code").asText()).isEqualTo("DECISION_CLOSED");
        JsonNode log = driver.as("xunuo").get("/api/audit/cases/" + number + "/timeline").json();
        assertThat(log.toString()).contains("DECISION_TERMINATED", "上位法已废止");
        assertThat(engine.get(instances).json()).as("termination ends stage 12").isEmpty();
    }

    @Test
    void thePublicSendsFeedbackWithoutLoginRateLimitedAndOfficersAloneSeeWhoSentIt() throws Exception {
        // given a published decision
        CaseDriver driver = new CaseDriver(port);
        String number = publish(driver, "农村垃圾分类办法");

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

    /** Drives a case of the officers' unit through the statutory procedure to its published decision. */
    static String publish(CaseDriver driver, String title) {
        String number = driver.file(title, Map.of());
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.consultAndClose(number);
        driver.complete(number, "Task_HandlePublicOpinions", "wangfang", opinionHandling());
        driver.reviewLegality(number, "lawful");
        driver.approve(number);
        driver.complete(number, "Task_PublishDecision", "wangfang", publication());
        return number;
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
