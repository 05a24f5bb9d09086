package cn.majordecision;

import static cn.majordecision.support.Submissions.draft;
import static cn.majordecision.support.Submissions.launch;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two people acting on the same task at the same moment, with real parallel requests: exactly one succeeds, the other
 * is told plainly with a 409, and nothing is recorded twice. CI runs this on MariaDB as well as H2.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrencyIntegrationTests {

    private static final int ROUNDS = 5;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twoOfficersClaimingTheSameDraftingTaskAtOnce() {
        CaseDriver driver = new CaseDriver(port);
        for (int round = 0; round < ROUNDS; round++) {
            String number = driver.file("并发签收" + round, Map.of());
            driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
            String taskId = driver.awaitTask(number, "Task_DraftDecision");

            List<Api.Response> answers = race(
                    () -> driver.as("wangfang").post("/api/tasks/" + taskId + "/claim", ""),
                    () -> driver.as("zhaolei").post("/api/tasks/" + taskId + "/claim", ""));

            assertOneWinsOneConflicts(answers);
            JsonNode task = driver.detail(number).path("openTasks").get(0);
            String winner = answers.get(0).status() == 200 ? "wangfang" : "zhaolei";
            assertThat(task.path("assignee").asText()).isEqualTo(winner);
            assertThat(claimsInAuditLog(number)).as("one claim entry").isEqualTo(1);
        }
    }

    @Test
    void theSameSubmissionSentTwiceAtOnceIsRecordedOnce() {
        CaseDriver driver = new CaseDriver(port);
        for (int round = 0; round < ROUNDS; round++) {
            String number = driver.file("并发提交" + round, Map.of());
            driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
            String taskId = driver.awaitTask(number, "Task_DraftDecision");
            Api officer = driver.as("wangfang");
            assertThat(officer.post("/api/tasks/" + taskId + "/claim", "").status()).isEqualTo(200);

            List<Api.Response> answers = race(
                    () -> officer.post("/api/tasks/" + taskId + "/complete", draft()),
                    () -> officer.post("/api/tasks/" + taskId + "/complete", draft()));

            assertOneWinsOneConflicts(answers);
            Long records = jdbc.queryForObject("SELECT COUNT(*) FROM stage_record r JOIN decision_case c ON c.id = r.case_id "
                    + "WHERE c.case_number = ? AND r.task_key = 'Task_DraftDecision'", Long.class, number);
            assertThat(records).as("one stage record").isEqualTo(1);
            Long drafts = jdbc.queryForObject("SELECT COUNT(*) FROM draft_version d JOIN decision_case c ON c.id = d.case_id "
                    + "WHERE c.case_number = ?", Long.class, number);
            assertThat(drafts).as("one draft version").isEqualTo(1);
        }
    }

    private static void assertOneWinsOneConflicts(List<Api.Response> answers) {
        List<Integer> statuses = answers.stream().map(Api.Response::status).sorted().toList();
        assertThat(statuses).as(answers.toString()).containsExactly(200, 409);
        Api.Response loser = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
        assertThat(loser.json().path("detail").asText()).as("a message a clerk understands").isNotBlank();
    }

    private long claimsInAuditLog(String number) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry a JOIN decision_case c ON c.id = a.case_id "
                + "WHERE c.case_number = ? AND a.event_type = 'TASK_CLAIMED' AND a.stage = 'DRAFTING'", Long.class, number);
    }

    /** Starts both requests at the same instant and waits for both answers. */
    private static List<Api.Response> race(Supplier<Api.Response> first, Supplier<Api.Response> second) {
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Api.Response>> calls = new ArrayList<>();
        for (Supplier<Api.Response> call : List.of(first, second)) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return call.get();
            }));
        }
        return calls.stream().map(CompletableFuture::join).toList();
    }
}
