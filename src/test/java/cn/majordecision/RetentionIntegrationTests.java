package cn.majordecision;

import static cn.majordecision.support.Submissions.draft;
import static cn.majordecision.support.Submissions.launch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.majordecision.audit.offline.BundleVerifier;
import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine forgets a finished case after its historyTimeToLive; we do not. A withdrawn case's engine history is
 * really cleaned up by the engine's own history cleanup, and its records, timeline and audit bundle stay as they were.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RetentionIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    HistoryService history;

    @Autowired
    Clock clock;

    @Test
    void engineHistoryCleanupLeavesTheRecordsTimelineAndAuditBundleOfACase() throws IOException {
        // given a case launched, drafted and withdrawn: its process instance has ended
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("保存期限", Map.of());
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        Api.Response withdrawn = driver.as("wangfang").post("/api/cases/" + number + "/withdrawal",
                Map.of("reason", "保存期限测试"));
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        driver.awaitDossier(number, 1); // built after the withdrawal commits, its digest logged on the case's timeline
        List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(number).list();
        assertThat(instances).isNotEmpty().allSatisfy(instance -> {
            assertThat(instance.getEndTime()).as("ended").isNotNull();
            // removal time = end + historyTimeToLive (P3650D): the engine would keep it ten years by itself
            assertThat(instance.getRemovalTime()).isAfter(Date.from(clock.instant().plus(Duration.ofDays(3000))));
        });
        String records = driver.detail(number).toString();
        String timeline = timeline(driver, number);
        JsonNode bundleEntries = bundleEntries(driver, number);
        assertThat(JSON.readTree(records).path("records").size()).isGreaterThanOrEqualTo(2);
        assertThat(bundleEntries.size()).isGreaterThanOrEqualTo(3);

        // when its removal time is brought forward to yesterday and the engine's history cleanup runs
        history.setRemovalTimeToHistoricProcessInstances()
                .absoluteRemovalTime(Date.from(clock.instant().minus(Duration.ofDays(1))))
                .byIds(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
                .hierarchical()
                .executeAsync(); // a batch, run by the job executor like the cleanup itself
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
            history.cleanUpHistoryAsync(true); // due now, outside the nightly window
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();
        });

        // then the engine has forgotten the case
        for (HistoricProcessInstance instance : instances) {
            assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        }
        // and we have not
        assertThat(driver.detail(number).toString()).isEqualTo(records);
        assertThat(timeline(driver, number)).isEqualTo(timeline);
        assertThat(bundleEntries(driver, number)).isEqualTo(bundleEntries);
    }

    private static String timeline(CaseDriver driver, String number) {
        Api.Response response = driver.as("xunuo").get("/api/audit/cases/" + number + "/timeline");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().size()).isGreaterThanOrEqualTo(3);
        return response.body();
    }

    /**
     * The case's entries of a freshly downloaded bundle, which must verify offline. Their inclusion proofs are left out
     * of the comparison: the log grows with every other case, so each bundle proves against a newer checkpoint.
     */
    private static JsonNode bundleEntries(CaseDriver driver, String number) throws IOException {
        Api.Download download = driver.as("xunuo").download("/api/audit/cases/" + number + "/bundle");
        assertThat(download.status()).isEqualTo(200);
        BundleVerifier.Result verified = BundleVerifier.verify(download.body(), null);
        assertThat(verified.problems()).isEmpty();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(download.body()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("bundle.json")) {
                    ArrayNode entries = (ArrayNode) JSON.readTree(zip.readAllBytes()).path("entries");
                    entries.forEach(e -> ((ObjectNode) e).remove("inclusionProof"));
                    return entries;
                }
            }
        }
        throw new AssertionError("no bundle.json in the audit bundle of " + number);
    }
}
