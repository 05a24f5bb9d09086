package cn.majordecision.identity;

import static cn.majordecision.support.Submissions.archive;
import static cn.majordecision.support.Submissions.consultationNotice;
import static cn.majordecision.support.Submissions.draft;
import static cn.majordecision.support.Submissions.launch;
import static cn.majordecision.support.Submissions.map;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine REST API is the engine operators' (administrators read it); business roles work through our API only,
 * and nobody completes a task or ends it with a BPMN error or escalation around our API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngineAuthorizationIntegrationTests {

    private static final List<String> BUSINESS_ROLES = List.of("wangfang", "liqiang", "zhangwei", "chenming",
            "zhoujing", "sunli", "wugang", "zhenghong", "fenglei", "hefang", "xunuo");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyBusinessRoleIsRefusedEveryEngineVerbAndNothingChanges() {
        // given a case waiting for the head's launch decision
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("引擎授权", Map.of());
        String task = driver.awaitTask(number, "Task_DecideLaunch");
        String instance = instanceOf(driver, number);
        JsonNode before = driver.detail(number);

        // when each business role tries the engine's verbs on it
        Map<String, Function<Api, Api.Response>> verbs = new LinkedHashMap<>();
        verbs.put("list tasks", api -> api.get("/engine-rest/task?processInstanceId=" + instance));
        verbs.put("read variables", api -> api.get("/engine-rest/process-instance/" + instance + "/variables"));
        verbs.put("claim", api -> api.post("/engine-rest/task/" + task + "/claim", map("userId", "wangfang")));
        verbs.put("assignee", api -> api.post("/engine-rest/task/" + task + "/assignee", map("userId", "wangfang")));
        verbs.put("delegate", api -> api.post("/engine-rest/task/" + task + "/delegate", map("userId", "wangfang")));
        verbs.put("identity link", api -> api.post("/engine-rest/task/" + task + "/identity-links",
                map("groupId", "officers", "type", "candidate")));
        verbs.put("bpmnError", api -> api.post("/engine-rest/task/" + task + "/bpmnError", map("errorCode", "notLaunched")));
        verbs.put("escalation", api -> api.post("/engine-rest/task/" + task + "/bpmnEscalation",
                map("escalationCode", "x")));
        verbs.put("task variables", api -> api.post("/engine-rest/task/" + task + "/variables",
                map("modifications", map("nonPublic", map("value", true)))));
        verbs.put("instance variables", api -> api.post("/engine-rest/process-instance/" + instance + "/variables",
                map("modifications", map("nonPublic", map("value", true)))));
        verbs.put("message", api -> api.post("/engine-rest/message", map("messageName", "CaseWithdrawn",
                "businessKey", number)));
        verbs.put("delete instance", api -> api.delete("/engine-rest/process-instance/" + instance));
        List<String> notRefused = new ArrayList<>();
        for (String user : BUSINESS_ROLES) {
            verbs.forEach((name, verb) -> {
                Api.Response response = verb.apply(driver.as(user));
                if (response.status() != 403 || !response.body().contains("ENGINE_API_OPERATORS_ONLY")
                        && !response.body().contains("AUDITOR_READ_ONLY")
                        && !response.body().contains("COMPLETE_THROUGH_TASK_API")) {
                    notRefused.add(user + " " + name + " -> " + response.status() + " " + response.body());
                }
            });
        }

        // then every call is refused as a problem naming the rule, and the case is as it was
        assertThat(notRefused).isEmpty();
        JsonNode after = driver.detail(number);
        assertThat(after.path("openTasks")).isEqualTo(before.path("openTasks"));
        assertThat(after.path("records")).isEqualTo(before.path("records"));
        assertThat(after.path("skippedStages")).isEqualTo(before.path("skippedStages"));
        assertThat(after.path("summary")).isEqualTo(before.path("summary"));
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
    }

    @Test
    void nobodyEndsATaskWithABpmnErrorOrEscalationThroughTheEngineNotEvenItsOperator() {
        // given a case waiting for the head's launch decision
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("引擎运维", Map.of());
        String task = driver.awaitTask(number, "Task_DecideLaunch");
        String instance = instanceOf(driver, number);
        Api ops = driver.as("ops");

        // when the operator throws a BPMN error or an escalation at the task
        List<Api.Response> attempts = List.of(
                ops.post("/engine-rest/task/" + task + "/bpmnError", map("errorCode", "notLaunched")),
                ops.post("/engine-rest/task/" + task + "/bpmnEscalation", map("escalationCode", "x")));

        // then both are refused as a problem (never a server error), and the step is still there to be decided
        for (Api.Response attempt : attempts) {
            assertThat(attempt.status()).as(attempt.toString()).isEqualTo(403);
            assertThat(attempt.body()).contains("COMPLETE_THROUGH_TASK_API");
        }
        assertThat(ops.get("/engine-rest/task?processInstanceId=" + instance).json().findValuesAsText("id"))
                .containsExactly(task);
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
    }

    @Test
    void theEngineOperatorChangesNoLiveCaseThroughTheEngineWhicheverVerbHeUses() {
        // given a launched case at its drafting step, and the engine's operator (an engine administrator)
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("引擎运维改不了事项", Map.of());
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        String task = driver.awaitTask(number, "Task_DraftDecision");
        String instance = instanceOf(driver, number);
        Api ops = driver.as("ops");
        String definition = ops.get("/engine-rest/process-instance/" + instance).json().path("definitionId").asText();
        String deployment = ops.get("/engine-rest/process-definition/" + definition).json().path("deploymentId").asText();
        String execution = ops.get("/engine-rest/execution?processInstanceId=" + instance).json().path(0).path("id").asText();
        JsonNode variablesBefore = ops.get("/engine-rest/process-instance/" + instance + "/variables").json();
        JsonNode before = driver.detail(number);

        // when he tries every verb the engine offers on it
        Map<String, Function<Api, Api.Response>> verbs = new LinkedHashMap<>();
        verbs.put("claim", api -> api.post("/engine-rest/task/" + task + "/claim", map("userId", "ops")));
        verbs.put("assignee", api -> api.post("/engine-rest/task/" + task + "/assignee", map("userId", "liqiang")));
        verbs.put("delegate", api -> api.post("/engine-rest/task/" + task + "/delegate", map("userId", "liqiang")));
        verbs.put("identity link", api -> api.post("/engine-rest/task/" + task + "/identity-links",
                map("groupId", "experts", "type", "candidate")));
        verbs.put("update task", api -> api.put("/engine-rest/task/" + task, map("name", "改名", "due", null)));
        verbs.put("task variables", api -> api.post("/engine-rest/task/" + task + "/variables",
                map("modifications", map("nonPublic", map("value", true), "technical", map("value", false)))));
        verbs.put("task local variable", api -> api.put("/engine-rest/task/" + task + "/localVariables/x",
                map("value", 1)));
        verbs.put("instance variables", api -> api.post("/engine-rest/process-instance/" + instance + "/variables",
                map("modifications", map("stabilityRisk", map("value", false)))));
        verbs.put("one instance variable", api -> api.put("/engine-rest/process-instance/" + instance
                + "/variables/nonPublic", map("value", true, "type", "Boolean")));
        verbs.put("remove variable", api -> api.delete("/engine-rest/process-instance/" + instance
                + "/variables/nonPublic"));
        verbs.put("modification", api -> api.post("/engine-rest/process-instance/" + instance + "/modification",
                map("instructions", List.of(map("type", "cancel", "activityId", "Task_DraftDecision"),
                        map("type", "startBeforeActivity", "activityId", "Task_ConfirmArchive")))));
        verbs.put("suspend instance", api -> api.put("/engine-rest/process-instance/" + instance + "/suspended",
                map("suspended", true)));
        verbs.put("suspend definition", api -> api.put("/engine-rest/process-definition/" + definition + "/suspended",
                map("suspended", true, "includeProcessInstances", true)));
        verbs.put("message", api -> api.post("/engine-rest/message", map("messageName", "CaseWithdrawn",
                "businessKey", number)));
        verbs.put("incident", api -> api.post("/engine-rest/execution/" + execution + "/create-incident",
                map("incidentType", "manual", "message", "x")));
        verbs.put("migration", api -> api.post("/engine-rest/migration/execute", map("processInstanceIds",
                List.of(instance), "migrationPlan", map("sourceProcessDefinitionId", definition,
                        "targetProcessDefinitionId", definition, "instructions", List.of(map("sourceActivityIds",
                                List.of("Task_DraftDecision"), "targetActivityIds", List.of("Task_ConfirmArchive")))))));
        verbs.put("start a case around the API", api -> api.post("/engine-rest/process-definition/key/decision-case/start",
                map("businessKey", "YHZ-FAKE-001", "variables", map("caseId", map("value", 1)))));
        verbs.put("delete instance", api -> api.delete("/engine-rest/process-instance/" + instance));
        verbs.put("delete instances in a batch", api -> api.post("/engine-rest/process-instance/delete",
                map("processInstanceIds", List.of(instance), "deleteReason", "x")));
        verbs.put("delete deployment", api -> api.delete("/engine-rest/deployment/" + deployment + "?cascade=true"));
        verbs.put("grant", api -> api.post("/engine-rest/authorization/create", map("type", 1, "permissions",
                List.of("ALL"), "userId", "liqiang", "resourceType", 7, "resourceId", "*")));
        List<String> notRefused = new ArrayList<>();
        verbs.forEach((name, verb) -> {
            Api.Response response = verb.apply(ops);
            if (response.status() != 403 || !response.body().contains("ENGINE_WRITE_THROUGH_OUR_API")) {
                notRefused.add(name + " -> " + response.status() + " " + response.body());
            }
        });

        // then each is refused as a problem naming the rule (never a server error), and the case, its task and its
        // flags are as they were
        assertThat(notRefused).isEmpty();
        JsonNode after = driver.detail(number);
        assertThat(after.path("openTasks")).isEqualTo(before.path("openTasks"));
        assertThat(after.path("summary")).isEqualTo(before.path("summary"));
        assertThat(after.path("flags")).isEqualTo(before.path("flags"));
        assertThat(after.path("records")).isEqualTo(before.path("records"));
        assertThat(ops.get("/engine-rest/process-instance/" + instance + "/variables").json()).isEqualTo(variablesBefore);
        assertThat(ops.get("/engine-rest/process-instance/" + instance).json().path("suspended").asBoolean()).isFalse();
        assertThat(ops.get("/engine-rest/task/" + task).json().path("assignee").isNull()).isTrue();
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
    }

    @Test
    void theEngineOperatorNeitherFiresNorMovesNorStopsTheConsultationsTimer() {
        // given a case in public consultation: the period's timer runs in the consultation's own process instance
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("征求意见期不可提前结束", Map.of());
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.complete(number, "Task_PublishConsultationNotice", "wangfang", consultationNotice());
        Api ops = driver.as("ops");
        String consultation = ops.get("/engine-rest/process-instance?processDefinitionKey=public-consultation&businessKey="
                + number).json().path(0).path("id").asText();
        JsonNode timer = ops.get("/engine-rest/job?timers=true&processInstanceId=" + consultation).json().path(0);
        String job = timer.path("id").asText();
        assertThat(job).isNotBlank();
        JsonNode before = driver.detail(number);
        JsonNode report = driver.as("xunuo").get("/api/compliance/cases/" + number).json();

        // when he tries to end the period early, move its end, take its retries or suspend it
        Map<String, Api.Response> attempts = new LinkedHashMap<>();
        attempts.put("execute", ops.post("/engine-rest/job/" + job + "/execute", ""));
        attempts.put("due date", ops.put("/engine-rest/job/" + job + "/duedate", map("duedate", "2020-01-01T00:00:00.000+0000")));
        attempts.put("retries", ops.put("/engine-rest/job/" + job + "/retries", map("retries", 0)));
        attempts.put("suspend", ops.put("/engine-rest/job/" + job + "/suspended", map("suspended", true)));
        attempts.put("variables of the consultation", ops.post("/engine-rest/process-instance/" + consultation
                + "/variables", map("modifications", map("periodEnd", map("value", "2020-01-01")))));
        attempts.put("cancel the consultation", ops.post("/engine-rest/process-instance/" + consultation
                + "/modification", map("instructions", List.of(map("type", "cancel", "activityId",
                        timer.path("activityId").asText())))));
        attempts.put("delete the consultation", ops.delete("/engine-rest/process-instance/" + consultation));

        // then each is refused as a problem, the timer is due when it was, and the case and its report are unchanged
        attempts.forEach((name, response) -> {
            assertThat(response.status()).as(name + " " + response).isEqualTo(403);
            assertThat(response.body()).as(name).contains("ENGINE_WRITE_THROUGH_OUR_API");
        });
        JsonNode after = ops.get("/engine-rest/job/" + job).json();
        assertThat(after.path("dueDate")).isEqualTo(timer.path("dueDate"));
        assertThat(after.path("retries")).isEqualTo(timer.path("retries"));
        assertThat(after.path("suspended").asBoolean()).isFalse();
        assertThat(driver.detail(number).path("openTasks")).isEqualTo(before.path("openTasks"));
        assertThat(driver.detail(number).path("summary")).isEqualTo(before.path("summary"));
        assertThat(driver.as("xunuo").get("/api/compliance/cases/" + number).json().path("articles"))
                .isEqualTo(report.path("articles"));
    }

    @Test
    void theOperatorRepairsOnlyWithAReasonMovesATokenOnlyBackAndTheAuditorSeesEveryRepair() {
        // given a launched case at its drafting step
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("引擎修复", Map.of());
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        String drafting = driver.awaitTask(number, "Task_DraftDecision");
        Api ops = driver.as("ops");
        String repairs = "/api/cases/" + number + "/repairs";
        String reason = "起草任务分派有误，退回由行政首长重新作出启动决定";

        // when an officer, a repair without a reason, a move ahead and a retry with nothing failed are tried
        Api.Response officer = driver.as("wangfang").post(repairs, map("action", "MOVE_TOKEN_BACK",
                "fromActivityId", "Task_DraftDecision", "toActivityId", "Task_DecideLaunch", "reason", reason));
        Api.Response noReason = ops.post(repairs, map("action", "MOVE_TOKEN_BACK",
                "fromActivityId", "Task_DraftDecision", "toActivityId", "Task_DecideLaunch", "reason", " "));
        Api.Response ahead = ops.post(repairs, map("action", "MOVE_TOKEN_BACK",
                "fromActivityId", "Task_DraftDecision", "toActivityId", "Task_ConfirmArchive", "reason", reason));
        Api.Response nothing = ops.post(repairs, map("action", "RETRY_FAILED_JOBS", "reason", reason));

        // then each is refused as a problem, and the case still waits for its draft
        assertThat(officer.status()).as(officer.toString()).isEqualTo(403);
        assertThat(officer.json().path("code").asText()).isEqualTo("REPAIR_OPERATORS_ONLY");
        assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
        assertThat(noReason.json().path("errors").findValuesAsText("field")).containsExactly("reason");
        assertThat(ahead.status()).as(ahead.toString()).isEqualTo(409);
        assertThat(ahead.json().path("code").asText()).isEqualTo("REPAIR_WOULD_SKIP_AHEAD");
        assertThat(nothing.status()).as(nothing.toString()).isEqualTo(409);
        assertThat(nothing.json().path("code").asText()).isEqualTo("NOTHING_TO_REPAIR");
        assertThat(driver.detail(number).path("openTasks").findValuesAsText("id")).containsExactly(drafting);

        // when the operator moves the token back to the launch decision, with his reason
        Api.Response moved = ops.post(repairs, map("action", "MOVE_TOKEN_BACK",
                "fromActivityId", "Task_DraftDecision", "toActivityId", "Task_DecideLaunch", "reason", reason));

        // then the head decides again, and the repair is in the timeline and the compliance report
        assertThat(moved.status()).as(moved.toString()).isEqualTo(201);
        assertThat(moved.json().path("detail").asText()).contains("Task_DraftDecision", "Task_DecideLaunch");
        assertThat(driver.detail(number).path("openTasks").findValuesAsText("taskKey")).containsExactly("Task_DecideLaunch");
        Api auditor = driver.as("xunuo");
        JsonNode repaired = null;
        for (JsonNode event : auditor.get("/api/audit/cases/" + number + "/timeline").json()) {
            if ("ENGINE_REPAIRED".equals(event.path("eventType").asText())) {
                repaired = event;
            }
        }
        assertThat(repaired).as("ENGINE_REPAIRED in the timeline").isNotNull();
        assertThat(repaired.path("actor").asText()).isEqualTo("ops");
        assertThat(repaired.path("payload").path("reason").asText()).isEqualTo(reason);
        JsonNode listed = auditor.get("/api/compliance/cases/" + number).json().path("repairs");
        assertThat(listed).hasSize(1);
        assertThat(listed.path(0).path("action").asText()).isEqualTo("MOVE_TOKEN_BACK");
        assertThat(listed.path(0).path("repairedBy").asText()).isEqualTo("ops");
        assertThat(listed.path(0).path("reason").asText()).isEqualTo(reason);
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.awaitTask(number, "Task_DraftDecision");
    }

    @Test
    void aDecisionWhoseLegalityConclusionWasRemovedBeneathTheApiIsNotArchived() {
        // given a non-public case approved at the meeting, waiting to be archived
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("缺记录不得归档", Map.of("nonPublic", true));
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.reviewLegality(number, "lawful");
        driver.approve(number);
        String archiving = driver.awaitTask(number, "Task_ConfirmArchive");

        // when someone with database access removes the legality conclusion, and the archivist confirms the archive
        long caseId = jdbc.queryForObject("SELECT id FROM decision_case WHERE case_number = ?", Long.class, number);
        Map<String, Object> removed = jdbc.queryForMap("SELECT * FROM stage_record WHERE case_id = ? "
                + "AND form_key = 'conclude-legality'", caseId);
        assertThat(jdbc.update("DELETE FROM stage_record WHERE case_id = ? AND form_key = 'conclude-legality'", caseId))
                .isEqualTo(1);
        try {
            removedConclusionBlocksTheArchive(driver, number, archiving, ((Number) removed.get("id")).longValue());
        } finally {
            // on MySQL every integration test shares this database, and later ones verify the whole log
            restore("stage_record", removed);
        }
    }

    private void removedConclusionBlocksTheArchive(CaseDriver driver, String number, String archiving, long removedId) {
        Api archivist = driver.as("hefang");
        archivist.post("/api/tasks/" + archiving + "/claim", "");
        Api.Response refused = archivist.post("/api/tasks/" + archiving + "/complete", archive());

        // then the case is not archived, the refusal names the missing article, and compliance calls it missing
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().path("code").asText()).isEqualTo("STATUTORY_RECORDS_MISSING");
        assertThat(refused.json().path("detail").asText()).contains("第25-28条");
        JsonNode after = driver.detail(number);
        assertThat(after.path("summary").path("status").path("code").asText()).isEqualTo("ACTIVE");
        assertThat(after.path("openTasks").findValuesAsText("id")).containsExactly(archiving);
        JsonNode legality = null;
        for (JsonNode article : driver.as("xunuo").get("/api/compliance/cases/" + number).json().path("articles")) {
            if ("25-28".equals(article.path("articles").asText())) {
                legality = article;
            }
        }
        assertThat(legality).isNotNull();
        assertThat(legality.path("status").asText()).isEqualTo("MISSING");
        // and the whole-log verification names the record the log wrote that is gone (ADR 0021)
        JsonNode verification = driver.as("xunuo").get("/api/audit/verification").json();
        assertThat(verification.path("ok").asBoolean()).isFalse();
        assertThat(verification.path("reason").asText()).contains("stage_record #" + removedId, number, "已不存在");
    }

    /** Puts a deleted row back as it was, times to the microsecond (MySQL's connection would drop a bound fraction). */
    private void restore(String table, Map<String, Object> row) {
        java.time.format.DateTimeFormatter micros = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
        List<String> columns = new java.util.ArrayList<>(row.keySet());
        jdbc.update("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")", columns.stream().map(row::get)
                .map(v -> v instanceof java.sql.Timestamp t ? micros.format(t.toLocalDateTime())
                        : v instanceof java.time.LocalDateTime t ? micros.format(t) : v).toArray());
    }

    @Test
    void theOperatorSignedInToCockpitChangesNothingThereEither() throws Exception {
        // given a case waiting for the launch decision, and the operator signed in to Camunda Cockpit as a browser is
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("驾驶舱改不了事项", Map.of());
        String task = driver.awaitTask(number, "Task_DecideLaunch");
        String instance = instanceOf(driver, number);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://localhost:" + port + "/camunda";
        browser.send(HttpRequest.newBuilder(URI.create(base + "/app/cockpit/default/")).build(),
                HttpResponse.BodyHandlers.discarding());
        CookieManager cookies = (CookieManager) browser.cookieHandler().orElseThrow();
        String xsrf = xsrfToken(cookies);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
                        URI.create(base + "/api/admin/auth/user/default/login/cockpit"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=ops&password=" + CaseDriver.PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        xsrf = xsrfToken(cookies); // the webapp hands out a new token with its answers

        HttpResponse<String> read = browser.send(HttpRequest.newBuilder(URI.create(base
                + "/api/engine/engine/default/process-instance/" + instance)).header("X-XSRF-TOKEN", xsrf).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        xsrf = xsrfToken(cookies);

        // when he cancels the launch decision and starts the archive confirmation from Cockpit
        HttpResponse<String> modified = browser.send(HttpRequest.newBuilder(URI.create(base
                        + "/api/engine/engine/default/process-instance/" + instance + "/modification"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("{\"instructions\":[{\"type\":\"cancel\",\"activityId\":"
                        + "\"Task_DecideLaunch\"},{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_ConfirmArchive\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        // then Cockpit is refused, and the head's decision is still the open task
        assertThat(modified.statusCode()).as(modified.body()).isEqualTo(403);
        assertThat(modified.body()).contains("只能由本系统的业务接口改变");
        assertThat(driver.detail(number).path("openTasks").findValuesAsText("id")).containsExactly(task);
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
    }

    @Test
    void administratorsReadTheEngineAndChangeNothing() {
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("引擎只读", Map.of());
        driver.awaitTask(number, "Task_DecideLaunch");
        String instance = instanceOf(driver, number);
        Api admin = driver.as("admin");

        assertThat(admin.get("/engine-rest/process-instance/" + instance).status()).isEqualTo(200);
        assertThat(admin.get("/engine-rest/history/activity-instance?processInstanceId=" + instance).json()).isNotEmpty();
        assertThat(admin.post("/engine-rest/process-instance/" + instance + "/variables",
                map("modifications", map("nonPublic", map("value", true)))).status()).isEqualTo(403);
        assertThat(admin.delete("/engine-rest/process-instance/" + instance).status()).isEqualTo(403);
        assertThat(admin.post("/engine-rest/user/create",
                map("profile", map("id", "intruder"), "credentials", map("password", "x"))).status()).isEqualTo(403);
    }

    private static String xsrfToken(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .reduce((a, b) -> b).orElseThrow().getValue();
    }

    private static String instanceOf(CaseDriver driver, String number) {
        String instance = driver.as("ops").get("/engine-rest/process-instance?businessKey=" + number
                + "&processDefinitionKey=decision-case").json().path(0).path("id").asText();
        assertThat(instance).isNotBlank();
        return instance;
    }
}
