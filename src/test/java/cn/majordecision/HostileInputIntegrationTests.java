package cn.majordecision;

import static cn.majordecision.support.Submissions.fileCase;
import static cn.majordecision.support.Submissions.map;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Wrong, oversized and malicious input gets a 4xx problem response and changes nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileInputIntegrationTests {

    @LocalServerPort
    int port;

    CaseDriver driver;
    Api officer;

    @BeforeEach
    void setUp() {
        driver = new CaseDriver(port);
        officer = driver.as("wangfang");
    }

    @Test
    void refusesAnOversizedBodyBeforeReadingIt() {
        long before = caseCount();
        Map<String, Object> request = fileCase("超长", Map.of());
        request.put("problem", "长".repeat(600_000));

        Api.Response refused = officer.post("/api/cases", request);

        assertProblem(refused, 413, "REQUEST_TOO_LARGE");
        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void refusesDeeplyNestedJson() {
        String taskId = launchTask();
        driver.as("zhangwei").post("/api/tasks/" + taskId + "/claim", "");

        Api.Response refused = driver.as("zhangwei").post("/api/tasks/" + taskId + "/complete",
                "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(driver.awaitTask(numberOf(taskId), "Task_DecideLaunch")).isEqualTo(taskId);
    }

    @Test
    void refusesBodiesThatAreNotAJsonObject() {
        String taskId = launchTask();
        Api head = driver.as("zhangwei");
        head.post("/api/tasks/" + taskId + "/claim", "");
        for (String body : new String[] {"null", "[1,2]", "\"text\"", "{", "", "{\"launchDecision\": {\"$gt\": \"\"}}"}) {
            Api.Response refused = head.post("/api/tasks/" + taskId + "/complete", body);
            assertThat(refused.status()).as(body + " -> " + refused).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void refusesTypesThatDoNotMatchTheForm() {
        String taskId = launchTask();
        Api head = driver.as("zhangwei");
        head.post("/api/tasks/" + taskId + "/claim", "");

        Api.Response refused = head.post("/api/tasks/" + taskId + "/complete",
                map("launchDecision", 1, "undertakingUnit", true, "leadUnit", map("x", 1)));

        assertProblem(refused, 400, "VALIDATION_FAILED");
        assertThat(refused.json().path("errors")).extracting(e -> e.path("field").asText())
                .contains("launchDecision", "undertakingUnit", "leadUnit");
    }

    @Test
    void treatsSqlAndScriptFragmentsAsPlainText() {
        String title = "'; DROP TABLE decision_case; -- <script>alert(1)</script>";
        Api.Response filed = officer.post("/api/cases", fileCase(title, Map.of()));
        assertThat(filed.status()).isEqualTo(201);
        assertThat(filed.json().path("title").asText()).isEqualTo(title);

        Api.Response search = officer.get("/api/cases?title=%27%20OR%201%3D1%20--&size=100");
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.json().path("totalItems").asLong()).isZero();
        Api.Response wildcard = officer.get("/api/cases?title=%25&size=100");
        assertThat(wildcard.json().path("totalItems").asLong()).isZero();
    }

    @Test
    void keepsCharactersOutsideTheBasicPlane() {
        Api.Response filed = officer.post("/api/cases", fileCase("𠮷祥村𡈼路段改造", Map.of()));
        assertThat(filed.status()).isEqualTo(201);
        JsonNode detail = driver.detail(filed.json().path("number").asText());
        assertThat(detail.at("/summary/title").asText()).isEqualTo("𠮷祥村𡈼路段改造");
    }

    @Test
    void answersBadParametersAndPathsWithProblems() {
        assertProblem(officer.get("/api/cases?status=HACKED"), 400, "VALIDATION_FAILED");
        assertProblem(officer.get("/api/cases?filedFrom=yesterday"), 400, "VALIDATION_FAILED");
        assertProblem(officer.get("/api/cases?page=-1"), 400, "VALIDATION_FAILED");
        assertThat(officer.get("/api/tasks/..%2F..%2Fetc%2Fpasswd").status()).isBetween(400, 404);
        assertProblem(officer.get("/api/cases/" + "9".repeat(40)), 400, "VALIDATION_FAILED");
        assertProblem(officer.get("/api/nowhere"), 404, "NOT_FOUND");
        Api.Response wrongType = officer.post("/api/cases/X/withdrawal", map("reason", 42));
        assertThat(wrongType.status()).isIn(400, 404);
    }

    @Test
    void answersOutOfRangePagingWithAProblemNamingTheParameter() {
        Api auditor = driver.as("xunuo");
        Map<String, Api> endpoints = Map.of("/api/cases?", officer, "/api/tasks?", officer,
                "/api/audit/timeline?", auditor);
        endpoints.forEach((path, client) -> {
            for (String query : new String[] {"page=2147483647&size=100", "page=-1", "page=abc", "page=99999999999",
                    "size=0", "size=-5", "size=100000", "size=x", "page=2147483647&size=2147483647"}) {
                Api.Response refused = client.get(path + query);
                String field = query.startsWith("page") ? "page" : "size";
                assertProblem(refused, 400, "VALIDATION_FAILED");
                assertThat(refused.json().path("errors")).as(path + query).extracting(e -> e.path("field").asText())
                        .contains(field);
            }
        });
        for (String query : new String[] {"from=-1", "from=x", "limit=0", "limit=100000", "limit=x"}) {
            Api.Response refused = auditor.get("/api/audit/entries?" + query);
            assertProblem(refused, 400, "VALIDATION_FAILED");
            assertThat(refused.json().path("errors")).as(query).extracting(e -> e.path("field").asText())
                    .contains(query.substring(0, query.indexOf('=')));
        }
        // the last page there may be is still an answer, empty
        assertThat(officer.get("/api/cases?page=100000&size=100").status()).isEqualTo(200);
    }

    private String launchTask() {
        String number = driver.file("中心街道路改造工程", Map.of());
        return driver.awaitTask(number, "Task_DecideLaunch");
    }

    private String numberOf(String taskId) {
        return driver.as("zhangwei").get("/api/tasks/" + taskId).json().at("/task/caseNumber").asText();
    }

    private long caseCount() {
        return officer.get("/api/cases?size=1").json().path("totalItems").asLong();
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("code").asText()).isEqualTo(code);
    }
}
