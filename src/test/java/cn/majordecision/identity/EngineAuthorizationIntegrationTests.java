package cn.majordecision.identity;

import static cn.majordecision.support.Submissions.launch;
import static cn.majordecision.support.Submissions.map;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The engine REST API obeys our groups through Camunda's own authorization checks. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngineAuthorizationIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void eachGroupSeesAndDoesOnTheEngineOnlyWhatOurRulesAllow() {
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("引擎授权", Map.of());
        String launchTask = driver.awaitTask(number, "Task_DecideLaunch");
        String instance = driver.as("xunuo").get("/engine-rest/process-instance?businessKey=" + number
                + "&processDefinitionKey=decision-case").json().path(0).path("id").asText();
        assertThat(instance).isNotBlank();

        // an officer does not see the head's task, nor the instance; a head sees the task
        assertThat(ids(driver.as("wangfang").get("/engine-rest/task?processInstanceId=" + instance).json())).isEmpty();
        assertThat(ids(driver.as("zhangwei").get("/engine-rest/task?processInstanceId=" + instance).json())).containsExactly(launchTask);
        // an instance one may not read is answered like an unknown one
        assertThat(driver.as("wangfang").get("/engine-rest/process-instance/" + instance).status()).isEqualTo(404);
        assertThat(driver.as("chenming").get("/engine-rest/process-instance/" + instance).status()).isEqualTo(404);
        assertThat(driver.as("chenming").get("/engine-rest/process-instance/no-such-instance").status()).isEqualTo(404);

        // nobody but the engine operators changes engine state around our API
        for (String user : List.of("wangfang", "zhangwei", "xunuo", "admin")) {
            assertThat(driver.as(user).post("/engine-rest/process-instance/" + instance + "/variables",
                    map("modifications", map("nonPublic", map("value", true)))).status()).as(user).isEqualTo(403);
            assertThat(driver.as(user).delete("/engine-rest/process-instance/" + instance).status()).as(user).isEqualTo(403);
        }
        assertThat(driver.as("admin").post("/engine-rest/user/create",
                map("profile", map("id", "intruder"), "credentials", map("password", "x"))).status()).isEqualTo(403);

        // auditors and administrators read instances and history
        assertThat(driver.as("admin").get("/engine-rest/process-instance/" + instance).status()).isEqualTo(200);
        assertThat(driver.as("xunuo").get("/engine-rest/history/activity-instance?processInstanceId=" + instance).json())
                .isNotEmpty();

        // the head's task is still open and unclaimed: nothing above changed it
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
    }

    private static List<String> ids(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(t -> t.path("id").asText()).toList();
    }
}
