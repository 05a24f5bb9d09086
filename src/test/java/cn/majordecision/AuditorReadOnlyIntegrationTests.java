package cn.majordecision;

import static cn.majordecision.support.Submissions.draft;
import static cn.majordecision.support.Submissions.launch;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import cn.majordecision.support.Submissions;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Auditors read everything and change nothing: every write endpoint of the API and of the engine's REST API answers
 * the demo auditor with 403, and the case, its task and its records are as they were. (Issuing a signed checkpoint is
 * the auditors' own task and changes no case; signing in for a token is not a change of data.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditorReadOnlyIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyWriteEndpointAnswersTheAuditorWith403AndChangesNothing() throws Exception {
        // given a case with a completed launch, an open drafting task, a grant and a notice
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("镇区河道综合整治方案", Map.of());
        // someone's stored notice, if the deadline watch has stored any (the request is refused before it is looked up)
        Long notice = jdbc.queryForList("SELECT id FROM notification WHERE read_at IS NULL ORDER BY id", Long.class)
                .stream().findFirst().orElse(Long.MAX_VALUE);
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        String task = driver.awaitTask(number, "Task_DraftDecision");
        long recordId = driver.detail(number).path("records").get(0).path("id").asLong();
        Api.Response grant = driver.as("zhangwei").post("/api/cases/" + number + "/access-grants",
                Map.of("unit", "镇农业农村办", "reason", "共同研究"));
        assertThat(grant.status()).as(grant.toString()).isEqualTo(201);
        long grantId = grant.json().path("id").asLong();
        String processInstance = jdbc.queryForObject("SELECT PROC_INST_ID_ FROM ACT_RU_TASK WHERE ID_ = ?", String.class, task);
        Api auditor = driver.as("xunuo");
        JsonNode caseBefore = auditor.get("/api/cases/" + number).json();
        long recordsBefore = count("SELECT COUNT(*) FROM stage_record");
        long engineTasksBefore = count("SELECT COUNT(*) FROM ACT_RU_TASK");

        // then the auditor may read the case, its tasks, timeline, compliance, deadlines and the log
        for (String read : List.of("/api/cases/" + number, "/api/cases?size=5", "/api/tasks/" + task, "/api/deadlines",
                "/api/audit/cases/" + number + "/timeline", "/api/compliance/cases/" + number,
                "/api/audit/entries?caseNumber=" + number, "/api/audit/verification")) {
            Api.Response response = auditor.get(read);
            assertThat(response.status()).as(read + " " + response).isEqualTo(200);
        }

        // when the auditor calls every write endpoint
        Map<String, Supplier<Api.Response>> writes = new java.util.LinkedHashMap<>();
        writes.put("POST /api/cases", () -> auditor.post("/api/cases", Submissions.fileCase("审计人员立项", Map.of())));
        writes.put("PUT flags", () -> auditor.put("/api/cases/" + number + "/flags",
                Map.of("flags", Map.of("nonPublic", true), "reason", "改标记")));
        writes.put("POST withdrawal", () -> auditor.post("/api/cases/" + number + "/withdrawal", Map.of("reason", "撤回")));
        writes.put("POST access-grants", () -> auditor.post("/api/cases/" + number + "/access-grants",
                Map.of("unit", "镇党政办", "reason", "查阅")));
        writes.put("DELETE access-grant", () -> auditor.delete("/api/cases/" + number + "/access-grants/" + grantId));
        writes.put("POST claim", () -> auditor.post("/api/tasks/" + task + "/claim", ""));
        writes.put("DELETE claim", () -> auditor.delete("/api/tasks/" + task + "/claim"));
        writes.put("POST complete", () -> auditor.post("/api/tasks/" + task + "/complete", draft()));
        writes.put("POST correction", () -> auditor.post("/api/cases/" + number + "/records/" + recordId + "/corrections",
                Map.of("reason", "更正", "data", launch())));
        writes.put("POST notification read", () -> auditor.post("/api/notifications/" + notice + "/read", ""));
        writes.put("PUT calendar", () -> auditor.put("/api/admin/calendar/2093",
                Map.of("off", List.of("2093-01-01"), "work", List.of())));
        writes.put("engine start", () -> auditor.post("/engine-rest/process-definition/key/decision-case/start",
                Map.of("variables", Map.of())));
        writes.put("engine claim", () -> auditor.post("/engine-rest/task/" + task + "/claim", Map.of("userId", "xunuo")));
        writes.put("engine complete", () -> auditor.post("/engine-rest/task/" + task + "/complete", Map.of()));
        writes.put("engine variable", () -> auditor.put("/engine-rest/process-instance/" + processInstance
                + "/variables/nonPublic", Map.of("value", true, "type", "Boolean")));
        writes.put("engine delete instance", () -> auditor.delete("/engine-rest/process-instance/" + processInstance));
        writes.put("engine delete task", () -> auditor.delete("/engine-rest/task/" + task));
        List<String> notRefused = new ArrayList<>();
        writes.forEach((name, call) -> {
            Api.Response response = call.get();
            if (response.status() != 403) {
                notRefused.add(name + " -> " + response.status() + " " + response.body());
            }
        });

        // then every one is refused and nothing changed
        assertThat(notRefused).isEmpty();
        JsonNode caseAfter = auditor.get("/api/cases/" + number).json();
        assertThat(caseAfter.path("records")).isEqualTo(caseBefore.path("records"));
        assertThat(caseAfter.path("summary")).isEqualTo(caseBefore.path("summary"));
        assertThat(caseAfter.path("openTasks")).isEqualTo(caseBefore.path("openTasks"));
        assertThat(count("SELECT COUNT(*) FROM stage_record")).isEqualTo(recordsBefore);
        assertThat(count("SELECT COUNT(*) FROM ACT_RU_TASK")).isEqualTo(engineTasksBefore);
        assertThat(count("SELECT COUNT(*) FROM case_access_grant WHERE id = " + grantId + " AND revoked_at IS NULL"))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT ASSIGNEE_ FROM ACT_RU_TASK WHERE ID_ = ?", String.class, task)).isNull();
        if (notice != Long.MAX_VALUE) {
            assertThat(count("SELECT COUNT(*) FROM notification WHERE id = " + notice + " AND read_at IS NULL")).isEqualTo(1);
        }
        assertThat(driver.as("admin").get("/api/admin/calendar/2093").json().path("source").asText())
                .as("no year stored").isEqualTo("PROVISIONAL");
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
