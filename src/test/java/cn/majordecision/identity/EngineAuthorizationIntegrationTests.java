package cn.majordecision.identity;

import static cn.majordecision.support.Submissions.launch;
import static cn.majordecision.support.Submissions.map;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

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
        assertThat(after.path("skips")).isEqualTo(before.path("skips"));
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

    private static String instanceOf(CaseDriver driver, String number) {
        String instance = driver.as("ops").get("/engine-rest/process-instance?businessKey=" + number
                + "&processDefinitionKey=decision-case").json().path(0).path("id").asText();
        assertThat(instance).isNotBlank();
        return instance;
    }
}
