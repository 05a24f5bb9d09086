package cn.majordecision;

import static cn.majordecision.support.Submissions.launch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import cn.majordecision.support.EngineTime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the people who run the application see: probes, metrics for operators only, request ids. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // tests leave metrics export off unless asked; Prometheus is what we test

class OperationsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Test
    void probesAnswerAnybodyWithTheStatusOnly() {
        Api anonymous = Api.anonymous(port);
        for (String probe : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            Api.Response response = anonymous.get(probe);
            assertThat(response.status()).as(probe + " " + response).isEqualTo(200);
            assertThat(response.json().path("status").asText()).isEqualTo("UP");
            assertThat(response.json().has("components")).as("details shown to anonymous: " + response).isFalse();
        }
        // operators see what the status is made of, the database among it
        Api.Response detailed = Api.as(port, "ops", CaseDriver.PASSWORD).get("/actuator/health");
        assertThat(detailed.json().path("components").path("db").path("status").asText()).as(detailed.toString())
                .isEqualTo("UP");
        assertThat(detailed.json().path("components").has("mail")).isFalse();
    }

    @Test
    void metricsAreForOperatorsAndAdministratorsOnly() {
        Api.Response anonymous = Api.anonymous(port).get("/actuator/prometheus");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().path("code").asText()).isEqualTo("UNAUTHENTICATED");
        for (String user : new String[] {"wangfang", "zhangwei", "xunuo"}) {
            Api.Response refused = Api.as(port, user, CaseDriver.PASSWORD).get("/actuator/prometheus");
            assertThat(refused.status()).as(user + " " + refused).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("code").asText()).isEqualTo("OPERATIONS_ONLY");
            assertThat(refused.json().path("detail").asText()).contains("运维");
        }
        assertThat(Api.as(port, "wangfang", CaseDriver.PASSWORD).get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(scrape("ops").statusCode()).isEqualTo(200);
        assertThat(scrape("admin").statusCode()).isEqualTo(200);
    }

    @Test
    void metricsFollowACaseThroughItsFirstStage() {
        // given
        CaseDriver driver = new CaseDriver(port);
        double launchesBefore = metric("decision_task_completions_total", "LAUNCH").orElseThrow();
        double entriesBefore = metric("decision_audit_log_entries", null).orElseThrow();
        // when a case is filed and launched, and its drafting task is overdue
        String number = driver.file("运行指标", Map.of());
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        new EngineTime(driver).setDue(driver.awaitTask(number, "Task_DraftDecision"), clock.instant().minus(Duration.ofDays(1)));
        Api.Response checkpoint = driver.as("xunuo").post("/api/audit/checkpoints", "");
        assertThat(checkpoint.status()).as(checkpoint.toString()).isEqualTo(201);
        // then (gauges are read from a snapshot a few seconds old at most)
        assertThat(metric("decision_task_completions_total", "LAUNCH").orElseThrow()).isGreaterThanOrEqualTo(launchesBefore + 1);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(metric("decision_tasks_open", "DRAFTING").orElseThrow()).isGreaterThanOrEqualTo(1);
            assertThat(metric("decision_tasks_overdue", "DRAFTING").orElseThrow()).isGreaterThanOrEqualTo(1);
            assertThat(metric("decision_audit_log_entries", null).orElseThrow()).isGreaterThan(entriesBefore);
            assertThat(metric("decision_checkpoint_age_seconds", null).orElseThrow()).isBetween(0.0, 60.0);
        });
        assertThat(metric("decision_tasks_open", "ARCHIVING")).isPresent();
        assertThat(metric("decision_jobs_executable", null).orElseThrow()).isGreaterThanOrEqualTo(0);
        assertThat(metric("decision_task_completions_total", "ARCHIVING")).as("every stage's counter from the start")
                .isPresent();
    }

    @Test
    void everyResponseCarriesARequestIdAndASafeOneSentByTheCallerIsKept() throws Exception {
        HttpResponse<String> generated = get("/actuator/health", null);
        HttpResponse<String> kept = get("/api/cases", "lb-4f2a.9_x");
        HttpResponse<String> hostile = get("/actuator/health", "evil id <script>alert(1)</script>");
        HttpResponse<String> second = get("/actuator/health", null);

        String id = generated.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).matches("[A-Za-z0-9._-]{1,64}");
        assertThat(second.headers().firstValue("X-Request-Id").orElseThrow()).isNotEqualTo(id);
        // a refused API call (not signed in) still says which request it was
        assertThat(kept.statusCode()).isEqualTo(401);
        assertThat(kept.headers().firstValue("X-Request-Id")).contains("lb-4f2a.9_x");
        assertThat(hostile.headers().firstValue("X-Request-Id").orElseThrow()).matches("[A-Za-z0-9._-]{1,64}")
                .doesNotContain("evil");
    }

    private HttpResponse<String> get(String path, String requestId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As Prometheus asks: HTTP Basic, the text format. */
    private HttpResponse<String> scrape(String user) {
        String basic = java.util.Base64.getEncoder().encodeToString((user + ":" + CaseDriver.PASSWORD).getBytes());
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/actuator/prometheus")).header("Authorization", "Basic " + basic)
                    .header("Accept", "text/plain;version=0.0.4;q=0.9,*/*;q=0.1").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One sample of the Prometheus text as the ops user reads it; {@code stage} null for a metric without one. */
    private OptionalDouble metric(String name, String stage) {
        HttpResponse<String> scrape = scrape("ops");
        assertThat(scrape.statusCode()).as(scrape.body()).isEqualTo(200);
        Matcher sample = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(scrape.body());
        while (sample.find()) {
            if (stage == null || sample.group(1).contains("stage=\"" + stage + "\"")) {
                return OptionalDouble.of(Double.parseDouble(sample.group(2)));
            }
        }
        return OptionalDouble.empty();
    }
}
