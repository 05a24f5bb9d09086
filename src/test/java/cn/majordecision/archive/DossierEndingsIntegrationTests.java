package cn.majordecision.archive;

import static cn.majordecision.support.Submissions.archive;
import static cn.majordecision.support.Submissions.congressDecision;
import static cn.majordecision.support.Submissions.draft;
import static cn.majordecision.support.Submissions.launch;
import static cn.majordecision.support.Submissions.map;
import static cn.majordecision.support.Submissions.meeting;
import static cn.majordecision.support.Submissions.opinionHandling;
import static cn.majordecision.support.Submissions.partyAnswer;
import static cn.majordecision.support.Submissions.partyReport;
import static cn.majordecision.support.Submissions.publication;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.audit.offline.BundleVerifier;
import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import cn.majordecision.support.EngineTime;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every way a case ends gives it a dossier (Art. 33), built after the ending commits: the person ending the case does
 * not wait for it, and it appears, verifiable offline, with every record of the case; records after the decision make
 * new versions, and the older ones stay.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DossierEndingsIntegrationTests {

    private static final String CITIZEN = "欧阳明";
    private static final String CONTACT = "13912345678";

    @LocalServerPort
    int port;

    @Autowired
    DossierBuilder builder;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Test
    void aCaseTheHeadDidNotLaunchHasAVerifiableDossierWithTheReason() throws Exception {
        // given a filed case
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("镇广场夜市设置方案", Map.of());

        // when the head does not launch it
        driver.complete(number, "Task_DecideLaunch", "zhangwei", map("launchDecision", "notLaunch",
                "reason", "与镇总体规划不符，暂不启动。"));

        // then its dossier appears, says why it was made, holds the launch decision and verifies offline
        JsonNode version = awaitReady(driver, number, 1);
        assertThat(version.path("reason").asText()).isEqualTo("NOT_LAUNCHED");
        Map<String, byte[]> files = verifiedDossier(driver, number, 1);
        assertThat(text(files, number + "/bag-info.txt")).contains("Dossier-Version: 1", "Dossier-Reason: NOT_LAUNCHED",
                "Case-Status: NOT_LAUNCHED");
        assertThat(names(files)).anyMatch(n -> n.contains("/data/records/") && n.contains("Task_DecideLaunch"));
        assertThat(text(files, jsonOf(files, "Task_DecideLaunch"))).contains("与镇总体规划不符");
    }

    @Test
    void aWithdrawnCaseKeepsItsOpinionsWithTheirSubmittersOnlyInTheRestrictedPart() throws Exception {
        // given a case in public consultation with a citizen's opinion that repeats the citizen's name and number,
        // and a document the officer uploaded
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("镇农贸市场搬迁方案", Map.of());
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        LocalDate today = cn.majordecision.support.Submissions.today();
        driver.complete(number, "Task_PublishConsultationNotice", "wangfang", map("channels", List.of("website"),
                "howToSubmit", "网站留言", "periodStart", today.toString(), "periodEnd", today.plusDays(31).toString()));
        Api.Response opinion = Api.anonymous(port).post("/api/public/consultations/" + number + "/opinions",
                map("name", CITIZEN, "contact", CONTACT, "text", "我是" + CITIZEN + "，电话" + CONTACT + "，建议保留早市摊位。"));
        assertThat(opinion.status()).as(opinion.toString()).isEqualTo(201);
        String receipt = opinion.json().path("receiptNumber").asText();
        byte[] original = "市场现状调查报告（原件）".getBytes(StandardCharsets.UTF_8);
        Api.Response document = driver.as("wangfang").upload("/api/cases/" + number + "/documents",
                Map.of("title", "市场现状调查报告"), "调查报告.txt", "text/plain", original);
        assertThat(document.status()).as(document.toString()).isEqualTo(201);

        // when the officer withdraws the case: the answer does not wait for the dossier
        Api.Response withdrawn = driver.as("wangfang").post("/api/cases/" + number + "/withdrawal",
                map("reason", "上级政策调整，本事项不再推进。"));
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);

        // then the dossier holds the opinion's text without the citizen's name or number, which only the restricted
        // part holds, and the uploaded document as its original file with its digest in the manifest
        assertThat(awaitReady(driver, number, 1).path("reason").asText()).isEqualTo("WITHDRAWN");
        Map<String, byte[]> files = verifiedDossier(driver, number, 1);
        String restricted = number + "/data/restricted/opinion-submitters.json";
        assertThat(text(files, restricted)).contains(CITIZEN, CONTACT, receipt);
        files.forEach((name, content) -> {
            if (!name.contains("/data/restricted/") && !name.endsWith(".zip") && !name.endsWith(".pdf")) {
                assertThat(new String(content, StandardCharsets.UTF_8)).as(name).doesNotContain(CITIZEN, CONTACT);
            }
        });
        assertThat(text(files, number + "/data/opinions/opinions.json")).contains(receipt, "建议保留早市摊位", "〔提交人〕");
        assertThat(text(files, number + "/bag-info.txt")).contains("Restricted-Part: data/restricted/");
        String stored = names(files).stream().filter(n -> n.contains("/data/documents/") && n.endsWith("调查报告.txt"))
                .findFirst().orElseThrow();
        assertThat(files.get(stored)).isEqualTo(original);
        assertThat(text(files, number + "/manifest-sha256.txt"))
                .contains(BundleVerifier.sha256Hex(original) + "  " + stored.substring(number.length() + 1));
        assertThat(names(files)).anyMatch(n -> n.contains("/data/drafts/v01.json"));
    }

    @Test
    void aCaseTheMeetingRejectedHasADossierWithTheMeetingRecord() throws Exception {
        // given a case that went through its legality review
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("镇区户外广告整治方案", Map.of("nonPublic", true));
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.reviewLegality(number, "lawful");

        // when the meeting rejects it
        driver.complete(number, "Task_RecordMeeting", "zhenghong", meeting("reject"));

        // then its dossier holds the meeting record and the skipped stages with their bases
        assertThat(awaitReady(driver, number, 1).path("reason").asText()).isEqualTo("REJECTED");
        Map<String, byte[]> files = verifiedDossier(driver, number, 1);
        assertThat(names(files)).anyMatch(n -> n.contains("Task_RecordMeeting") && n.endsWith(".pdf"));
        assertThat(text(files, number + "/data/skips.json")).contains("nonPublic");
    }

    @Test
    void aCaseThePartyCommitteeRefusedHasADossier() throws Exception {
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("镇区停车场收费方案", Map.of("nonPublic", true));
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.reviewLegality(number, "lawful");
        driver.complete(number, "Task_RecordMeeting", "zhenghong", meeting("approve"));
        driver.complete(number, "Task_PreparePartyReport", "wangfang", partyReport());

        driver.complete(number, "Task_RecordPartyAnswer", "fenglei", partyAnswer("disagree"));

        assertThat(awaitReady(driver, number, 1).path("reason").asText()).isEqualTo("PARTY_DISAGREED");
        Map<String, byte[]> files = verifiedDossier(driver, number, 1);
        assertThat(names(files)).anyMatch(n -> n.contains("Task_RecordPartyAnswer"));
    }

    @Test
    void aCaseThatLapsedAfterItsDeferralHasADossier() throws Exception {
        // given a case the meeting deferred
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("镇区流动摊点管理办法", Map.of("nonPublic", true));
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.reviewLegality(number, "lawful");
        driver.complete(number, "Task_RecordMeeting", "zhenghong", meeting("defer"));

        // when the deferral ends and the head lets the case lapse
        Api.Response instances = driver.as("ops")
                .get("/engine-rest/process-instance?processDefinitionKey=decision-case&businessKey=" + number);
        new EngineTime(driver).fireTimerOf(instances.json().path(0).path("id").asText());
        driver.complete(number, "Task_DecideAfterDeferral", "zhangwei", map("deferralOutcome", "lapse",
                "reason", "情况已变化"));

        // then
        assertThat(awaitReady(driver, number, 1).path("reason").asText()).isEqualTo("LAPSED");
        Map<String, byte[]> files = verifiedDossier(driver, number, 1);
        assertThat(names(files)).anyMatch(n -> n.contains("Task_DecideAfterDeferral"));
    }

    @Test
    void aCaseTheCongressDidNotApproveHasADossier() throws Exception {
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("镇区水源地保护规定", Map.of("nonPublic", true, "congressApproval", true));
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.reviewLegality(number, "lawful");
        driver.approve(number);

        driver.complete(number, "Task_RecordCongressDecision", "wangfang", congressDecision("notApproved"));

        assertThat(awaitReady(driver, number, 1).path("reason").asText()).isEqualTo("CONGRESS_NOT_APPROVED");
        Map<String, byte[]> files = verifiedDossier(driver, number, 1);
        assertThat(names(files)).anyMatch(n -> n.contains("Task_RecordCongressDecision"));
    }

    @Test
    void aDecisionTerminatedBeforeItWasArchivedHasADossierAndArchivingAddsTheNextVersion() throws Exception {
        // given a published decision not archived yet
        CaseDriver driver = new CaseDriver(port);
        String number = driver.publishedDecision("镇区临时摊点疏导方案");

        // when it is terminated through the procedure (Art. 37): a linked case whose meeting approves the termination
        Api.Response amendment = driver.as("wangfang").post("/api/cases/" + number + "/amendments",
                map("kind", "TERMINATE", "reason", "上级规划调整，该决策不再执行。"));
        assertThat(amendment.status()).as(amendment.toString()).isEqualTo(201);
        String linked = amendment.json().at("/amendments/0/newCase").asText();
        driver.toTheMeeting(linked);
        driver.approve(linked);

        // then it has a dossier at once, and the archivist's confirmation later makes version 2
        assertThat(awaitReady(driver, number, 1).path("reason").asText()).isEqualTo("TERMINATED");
        Map<String, byte[]> files = verifiedDossier(driver, number, 1);
        assertThat(text(files, number + "/data/after-decision/execution.json")).contains("上级规划调整");
        driver.complete(number, "Task_ConfirmArchive", "hefang", archive());
        assertThat(awaitReady(driver, number, 2).path("reason").asText()).isEqualTo("ARCHIVED");
        verifiedDossier(driver, number, 2);
    }

    @Test
    void anArchivedDecisionGainsAVersionWhenExecutionIsReportedAndKeepsTheFirst() throws Exception {
        // given a published decision the archivist archived
        CaseDriver driver = new CaseDriver(port);
        String number = driver.publishedDecision("镇集贸市场摊位管理办法");
        driver.complete(number, "Task_ConfirmArchive", "hefang", archive());
        assertThat(awaitReady(driver, number, 1).path("reason").asText()).isEqualTo("ARCHIVED");
        byte[] first = driver.as("hefang").download("/api/cases/" + number + "/dossiers/1").body();

        // when the execution unit is named and reports progress
        Api officer = driver.as("wangfang");
        assertThat(officer.put("/api/cases/" + number + "/execution", map("executionUnit", "镇农业农村办")).status())
                .isEqualTo(200);
        Api.Response report = driver.as("liqiang").post("/api/cases/" + number + "/execution/reports",
                map("kind", "PROGRESS", "text", "已完成摊位重新编号。"));
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        Api.Response feedback = Api.anonymous(port).post("/api/public/decisions/" + number + "/feedback",
                map("name", CITIZEN, "contact", CONTACT, "text", "摊位编号后秩序好多了。"));
        assertThat(feedback.status()).as(feedback.toString()).isEqualTo(201);

        // then a later version holds the report, names what triggered it, and version 1 is unchanged
        awaitReadyContaining(driver, number, "EXECUTION_REPORTED");
        JsonNode later = awaitReadyContaining(driver, number, "FEEDBACK_RECEIVED");
        int v = later.path("version").asInt();
        assertThat(v).isGreaterThanOrEqualTo(2);
        assertThat(later.path("reason").asText()).isEqualTo("AFTER_DECISION");
        Map<String, byte[]> files = verifiedDossier(driver, number, v);
        assertThat(text(files, number + "/data/after-decision/execution.json")).contains("已完成摊位重新编号");
        assertThat(text(files, number + "/data/after-decision/feedback.json")).contains("秩序好多了")
                .doesNotContain(CITIZEN, CONTACT);
        assertThat(text(files, number + "/data/restricted/feedback-submitters.json")).contains(CITIZEN, CONTACT);
        assertThat(driver.as("xunuo").download("/api/cases/" + number + "/dossiers/1").body()).isEqualTo(first);
        assertThat(driver.as("xunuo").download("/api/cases/" + number + "/dossier").body())
                .as("the plain download is the newest").isEqualTo(driver.as("xunuo")
                        .download("/api/cases/" + number + "/dossiers/" + v).body());
        JsonNode list = driver.as("xunuo").get("/api/cases/" + number + "/dossiers").json();
        assertThat(list.path(list.size() - 1).path("version").asInt()).isEqualTo(1);
        assertThat(driver.as("wangfang").get("/api/cases/" + number + "/dossiers").status()).isEqualTo(403);
        assertThat(driver.as("hefang").download("/api/cases/" + number + "/dossiers/99").status()).isEqualTo(404);
    }

    @Test
    void aVersionANodeLeftHalfBuiltWhenItDiedIsTakenOverAndOneALiveNodeIsBuildingIsLeftToIt() throws Exception {
        // given a withdrawn case with its first dossier
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("镇区垃圾分类实施方案", Map.of());
        driver.as("wangfang").post("/api/cases/" + number + "/withdrawal", map("reason", "并入全县统一方案办理。"));
        awaitReady(driver, number, 1);
        long caseId = jdbc.queryForObject("SELECT id FROM decision_case WHERE case_number = ?", Long.class, number);
        // and two versions claimed by other nodes: one an hour ago by a node that died, one just now by a live node
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String insert = "INSERT INTO case_dossier (case_id, version, reason, reason_detail, status, requested_at, "
                + "claimed_by, claimed_at, attempts) VALUES (?, ?, 'AFTER_DECISION', 'EXECUTION_REPORTED', 'BUILDING', ?, ?, ?, 1)";
        jdbc.update(insert, caseId, 2, now.minusHours(1), "node-dead", now.minusHours(1));
        jdbc.update(insert, caseId, 3, now, "node-alive", now);
        try {
            // when this node drains the queue (as its poll does)
            builder.drain();

            // then it builds the dead node's version and leaves the live node's alone
            JsonNode list = driver.as("hefang").get("/api/cases/" + number + "/dossiers").json();
            assertThat(list.findValues("status").stream().map(JsonNode::asText).toList())
                    .containsExactly("BUILDING", "READY", "READY");
            verifiedDossier(driver, number, 2);
            assertThat(jdbc.queryForObject("SELECT claimed_by FROM case_dossier WHERE case_id = ? AND version = 3",
                    String.class, caseId)).isEqualTo("node-alive");
        } finally {
            jdbc.update("DELETE FROM case_dossier WHERE case_id = ? AND version = 3", caseId);
        }
    }

    static JsonNode awaitReady(CaseDriver driver, String number, int version) {
        return driver.awaitDossier(number, version);
    }

    private static JsonNode awaitReadyContaining(CaseDriver driver, String number, String detail) {
        int polls = 300; // at most a minute, a poll every 200 ms
        while (polls-- > 0) {
            for (JsonNode v : driver.as("hefang").get("/api/cases/" + number + "/dossiers").json()) {
                if (v.path("reasonDetail").asText().contains(detail) && "READY".equals(v.path("status").asText())) {
                    return v;
                }
            }
            sleep();
        }
        throw new AssertionError("No ready dossier of " + number + " for " + detail);
    }

    /** Downloads the version, checks it with the offline verifier and returns its files. */
    static Map<String, byte[]> verifiedDossier(CaseDriver driver, String number, int version) throws Exception {
        Api.Download download = driver.as("xunuo").download("/api/cases/" + number + "/dossiers/" + version);
        assertThat(download.status()).isEqualTo(200);
        BundleVerifier.Result result = BundleVerifier.verify(download.body(), null);
        assertThat(result.problems()).isEmpty();
        return unzip(download.body());
    }

    private static String jsonOf(Map<String, byte[]> files, String taskKey) {
        return names(files).stream().filter(n -> n.contains(taskKey) && n.endsWith(".json")).findFirst().orElseThrow();
    }

    private static List<String> names(Map<String, byte[]> files) {
        return List.copyOf(files.keySet());
    }

    private static String text(Map<String, byte[]> files, String name) {
        assertThat(files).containsKey(name);
        return new String(files.get(name), StandardCharsets.UTF_8);
    }

    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
