package cn.majordecision.audit;

import static cn.majordecision.support.Submissions.draft;
import static cn.majordecision.support.Submissions.launch;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit trail over real HTTP: a case leaves its entries, the log verifies, and rewriting the tables behind the
 * application's back (as someone with database access could) is reported at the first entry it touched. Each tamper
 * is undone afterwards: on MySQL all integration tests share one log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditIntegrationTests {

    private static final HexFormat HEX = HexFormat.of();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AutomaticCheckpoints automatic;

    @Autowired
    Witness witness;

    @Autowired
    Clock clock;

    CaseDriver driver;
    Api auditor;

    @BeforeEach
    void setUp() {
        driver = new CaseDriver(port);
        auditor = driver.as("xunuo");
    }

    @Test
    void recordsEveryStepOfACaseWithWhoAndTheDigestOfWhatWasSubmitted() {
        // given
        String number = driver.file("老旧小区加装电梯补助办法", Map.of("nonPublic", true));

        // when
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.awaitTask(number, "Task_SubmitLegalityPackage");

        // then
        JsonNode entries = entriesOf(number);
        List<String> types = new ArrayList<>();
        entries.forEach(e -> types.add(e.path("eventType").asText()));
        assertThat(types).containsSubsequence("TASK_CREATED", "CASE_FILED", "TASK_CLAIMED", "TASK_COMPLETED",
                "TASK_CREATED", "TASK_CLAIMED", "DRAFT_VERSION_ADDED", "TASK_COMPLETED", "STAGE_SKIPPED");
        JsonNode filed = entry(entries, "CASE_FILED");
        assertThat(filed.path("actor").asText()).isEqualTo("wangfang");
        assertThat(filed.path("role").asText()).isEqualTo("officers");
        assertThat(filed.at("/payload/caseNumber").asText()).isEqualTo(number);
        JsonNode launched = entry(entries, "TASK_COMPLETED");
        JsonNode launchRecord = driver.detail(number).path("records").get(0);
        assertThat(launched.path("actor").asText()).isEqualTo("zhangwei");
        assertThat(launched.path("stage").asText()).isEqualTo("LAUNCH");
        assertThat(launched.at("/payload/submissionSha256").asText()).isEqualTo(launchRecord.path("sha256").asText());
        JsonNode skipped = entry(entries, "STAGE_SKIPPED");
        assertThat(skipped.at("/payload/flag").asText()).isEqualTo("nonPublic");
        assertThat(skipped.at("/payload/flagSetBy").asText()).isEqualTo("wangfang");
        assertThat(skipped.at("/payload/basis").asText()).startsWith("涉及国家秘密：依据《中华人民共和国保守国家秘密法》");
        assertThat(entries).extracting(e -> e.path("recordedAt").asText()).allMatch(t -> t.matches(".*T.*Z"));
        assertThat(verification().path("ok").asBoolean()).as(verification().toString()).isTrue();
    }

    @Test
    void provesAnEntryIsInTheSignedTreeAndThatTheTreeOnlyGrew() throws Exception {
        // given
        String number = driver.file("镇区停车收费标准调整", Map.of());
        JsonNode first = issueCheckpoint();
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        JsonNode second = issueCheckpoint();
        long filedAt = entry(entriesOf(number), "CASE_FILED").path("sequence").asLong();

        // when
        JsonNode inclusion = auditor.get("/api/audit/proofs/inclusion?leafIndex=" + filedAt + "&treeSize="
                + second.path("treeSize").asLong()).json();
        JsonNode consistency = auditor.get("/api/audit/proofs/consistency?from=" + first.path("treeSize").asLong()
                + "&to=" + second.path("treeSize").asLong()).json();

        // then
        assertThat(signatureHolds(second)).isTrue();
        assertThat(MerkleTree.verifyInclusion(filedAt, second.path("treeSize").asLong(),
                HEX.parseHex(inclusion.path("leafHash").asText()), hashes(inclusion.path("auditPath")),
                HEX.parseHex(second.path("rootHash").asText()))).isTrue();
        assertThat(MerkleTree.verifyConsistency(first.path("treeSize").asLong(), second.path("treeSize").asLong(),
                HEX.parseHex(first.path("rootHash").asText()), HEX.parseHex(second.path("rootHash").asText()),
                hashes(consistency.path("proof")))).isTrue();
        assertThat(auditor.get("/api/audit/checkpoints/latest").json().path("treeSize").asLong())
                .isGreaterThanOrEqualTo(second.path("treeSize").asLong());
    }

    @Test
    void logsAFailedLoginWithoutACase() {
        // given
        Api intruder = Api.as(port, "wangfang", "guessed");

        // when
        Api.Response refused = intruder.get("/api/cases");

        // then
        assertThat(refused.status()).isEqualTo(401);
        JsonNode last = lastEntries(20);
        assertThat(last).anySatisfy(e -> {
            assertThat(e.path("eventType").asText()).isEqualTo("LOGIN_FAILED");
            assertThat(e.at("/payload/userName").asText()).isEqualTo("wangfang");
            assertThat(e.path("caseId").isNull()).isTrue();
        });
    }

    @Test
    void refusesEveryoneButAuditorsAndAnswersBadProofRequestsWithAReason() {
        // given
        Api officer = driver.as("wangfang");
        driver.file("镇文化站开放时间调整", Map.of());
        long size = issueCheckpoint().path("treeSize").asLong();

        // when
        Api.Response forbidden = officer.get("/api/audit/verification");
        Api.Response beyond = auditor.get("/api/audit/proofs/inclusion?leafIndex=0&treeSize=" + (size + 1000));
        Api.Response outside = auditor.get("/api/audit/proofs/inclusion?leafIndex=" + size + "&treeSize=" + size);
        Api.Response backwards = auditor.get("/api/audit/proofs/consistency?from=" + size + "&to=1");
        Api.Response notANumber = auditor.get("/api/audit/proofs/consistency?from=abc&to=1");
        Api.Response negative = auditor.get("/api/audit/entries?from=-1");
        Api.Response unknownCase = auditor.get("/api/audit/entries?caseNumber=YHZ-1999-999");

        // then
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().path("detail").asText()).contains("审计");
        for (Api.Response bad : List.of(beyond, outside, backwards, notANumber, negative)) {
            assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
            assertThat(bad.json().path("detail").asText()).as(bad.toString()).containsPattern("\\p{IsHan}");
        }
        assertThat(unknownCase.status()).isEqualTo(404);
    }

    @Test
    void aStageRecordRewrittenWithItsDigestIsNamedByVerificationAndShownAsTamperedWhereverItIsRead() throws Exception {
        // given a case whose launch decision (Art. 14) is recorded
        String number = driver.file("镇区公厕改造计划", Map.of("nonPublic", true));
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.awaitTask(number, "Task_DraftDecision");
        long recordId = driver.detail(number).path("records").get(0).path("id").asLong();
        Map<String, Object> original = jdbc.queryForMap("SELECT payload, payload_sha256 FROM stage_record WHERE id = ?",
                recordId);
        String forged = ((String) original.get("payload")).replace("\"launch\"", "\"notLaunch\"");
        assertThat(forged).isNotEqualTo(original.get("payload"));

        // when an insider rewrites the decision and its stored digest to match
        jdbc.update("UPDATE stage_record SET payload = ?, payload_sha256 = ? WHERE id = ?", forged,
                HEX.formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(forged.getBytes(StandardCharsets.UTF_8))), recordId);
        try {
            // then the whole-log verification fails and names the record: table, id and case
            JsonNode report = verification();
            assertThat(report.path("ok").asBoolean()).as(report.toString()).isFalse();
            assertThat(report.path("firstBadSequence").isNull()).isTrue();
            assertThat(report.path("reason").asText()).contains("与审计日志不符", "stage_record #" + recordId, number);
            JsonNode named = null;
            for (JsonNode m : report.path("tamperedRecords")) {
                if (m.path("table").asText().equals("stage_record") && m.path("id").asLong() == recordId) {
                    named = m;
                }
            }
            assertThat(named).as(report.toString()).isNotNull();
            assertThat(named.path("caseNumber").asText()).isEqualTo(number);
            assertThat(named.path("reason").asText()).contains("审计日志登记的摘要不符");

            // and the compliance report marks it and does not count it for the launch decision
            JsonNode compliance = auditor.get("/api/compliance/cases/" + number).json();
            assertThat(compliance.path("anyViolation").asBoolean()).isTrue();
            assertThat(compliance.path("tamperedRecords").findValuesAsText("table")).containsExactly("stage_record");
            assertThat(compliance.path("articles").findValues("recordId")).extracting(JsonNode::asLong)
                    .doesNotContain(recordId);
            for (JsonNode article : compliance.path("articles")) {
                if (article.path("articles").asText().equals("14-15")) {
                    assertThat(article.path("status").asText()).isNotEqualTo("DONE");
                }
            }

            // and the auditor's timeline marks the entry that wrote it
            JsonNode timeline = auditor.get("/api/audit/cases/" + number + "/timeline").json();
            JsonNode completed = null;
            for (JsonNode event : timeline) {
                if (event.at("/payload/recordId").asLong() == recordId) {
                    completed = event;
                }
            }
            assertThat(completed).isNotNull();
            assertThat(completed.path("tampered").asText()).startsWith("记录与审计日志不符，可能被篡改");

            // and the case page shows the officer the record as tampered
            String page = Api.signedIn(port, "wangfang", CaseDriver.PASSWORD).get("/app/cases/" + number).body();
            assertThat(page).contains("记录与审计日志不符，可能被篡改", "stage_record #" + recordId);

            // and the case's audit bundle, checked offline, says so
            Api.Download bundle = auditor.download("/api/audit/cases/" + number + "/bundle");
            assertThat(bundle.status()).isEqualTo(200);
            assertThat(String.join("\n", cn.majordecision.audit.offline.BundleVerifier.verify(bundle.body(), null)
                    .problems())).contains("业务记录与审计日志不符", "stage_record #" + recordId);
        } finally {
            jdbc.update("UPDATE stage_record SET payload = ?, payload_sha256 = ? WHERE id = ?", original.get("payload"),
                    original.get("payload_sha256"), recordId);
        }
        assertThat(verification().path("tamperedRecords")).isEmpty();
        assertThat(auditor.get("/api/audit/cases/" + number + "/timeline").json().findValues("tampered"))
                .allMatch(JsonNode::isNull);
    }

    @Test
    void aDraftRewrittenBeneathTheApplicationIsNamedAndEachCaseEntryIsNumberedAndChained() {
        // given a case with a first draft, whose entry logged the draft's digest
        String number = driver.file("镇区垃圾分类实施办法", Map.of("nonPublic", true));
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.awaitTask(number, "Task_SubmitLegalityPackage");
        JsonNode entries = entriesOf(number);
        assertThat(entry(entries, "DRAFT_VERSION_ADDED").at("/payload/draftSha256").asText()).hasSize(64);
        for (int i = 0; i < entries.size(); i++) {
            assertThat(entries.get(i).at("/payload/caseEntry").asLong()).isEqualTo(i + 1);
            assertThat(entries.get(i).at("/payload/casePreviousLeaf").asText(null))
                    .isEqualTo(i == 0 ? null : entries.get(i - 1).path("leafHash").asText());
        }
        long caseId = entries.get(0).path("caseId").asLong();
        String text = jdbc.queryForObject("SELECT draft_text FROM draft_version WHERE case_id = ? AND version_number = 1",
                String.class, caseId);

        // when an insider rewrites the draft's text
        jdbc.update("UPDATE draft_version SET draft_text = ? WHERE case_id = ? AND version_number = 1", text + "（改）",
                caseId);
        try {
            // then the whole-log verification names the draft version and its case
            JsonNode report = verification();
            assertThat(report.path("ok").asBoolean()).isFalse();
            assertThat(report.path("tamperedRecords").findValuesAsText("table")).contains("draft_version");
            assertThat(report.path("reason").asText()).contains("决策草案版本（draft_version #", number);
        } finally {
            jdbc.update("UPDATE draft_version SET draft_text = ? WHERE case_id = ? AND version_number = 1", text, caseId);
        }
        assertThat(verification().path("ok").asBoolean()).isTrue();
    }

    @Test
    void reportsAnEntryWhosePayloadWasUpdatedInTheDatabase() {
        // given
        long seq = tamperTarget();
        String original = jdbc.queryForObject("SELECT payload FROM audit_entry WHERE seq = ?", String.class, seq);

        // when
        jdbc.update("UPDATE audit_entry SET payload = ? WHERE seq = ?", forgedDigest(original), seq);
        JsonNode report = verification();
        jdbc.update("UPDATE audit_entry SET payload = ? WHERE seq = ?", original, seq);

        // then
        assertThat(report.path("ok").asBoolean()).isFalse();
        assertThat(report.path("firstBadSequence").asLong()).isEqualTo(seq);
        assertThat(report.path("reason").asText()).contains("被改动");
        assertThat(verification().path("ok").asBoolean()).isTrue();
    }

    @Test
    void reportsAnEntryRewrittenTogetherWithItsHashThroughTheSignedRoot() {
        // given
        long seq = tamperTarget();
        Map<String, Object> original = jdbc.queryForMap("SELECT payload, leaf_hash FROM audit_entry WHERE seq = ?", seq);
        AuditEntry stored = jdbc.query("SELECT seq, case_id, stage, event_type, actor, actor_role, recorded_at, payload "
                + "FROM audit_entry WHERE seq = ?", (rs, i) -> new AuditEntry(rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getObject(7, java.time.LocalDateTime.class).toInstant(java.time.ZoneOffset.UTC),
                forgedDigest(rs.getString(8)), null), seq).get(0);

        // when
        jdbc.update("UPDATE audit_entry SET payload = ?, leaf_hash = ? WHERE seq = ?", stored.payload(),
                stored.computeLeafHash(), seq);
        JsonNode report = verification();
        jdbc.update("UPDATE audit_entry SET payload = ?, leaf_hash = ? WHERE seq = ?", original.get("payload"),
                original.get("leaf_hash"), seq);

        // then
        assertThat(report.path("ok").asBoolean()).as(report.toString()).isFalse();
        assertThat(report.path("firstBadSequence").asLong()).isLessThanOrEqualTo(seq);
        assertThat(report.path("reason").asText()).contains("检查点");
        assertThat(verification().path("ok").asBoolean()).isTrue();
    }

    @Test
    void reportsAnEntryDeletedFromTheDatabase() {
        // given
        long seq = tamperTarget();
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM audit_entry WHERE seq = ?", seq);

        // when
        jdbc.update("DELETE FROM audit_entry WHERE seq = ?", seq);
        JsonNode report = verification();
        reinsert(row);

        // then
        assertThat(report.path("ok").asBoolean()).isFalse();
        assertThat(report.path("firstBadSequence").asLong()).isEqualTo(seq);
        assertThat(report.path("reason").asText()).contains("缺失");
        assertThat(verification().path("ok").asBoolean()).isTrue();
    }

    @Test
    void reportsTwoEntriesSwappedInTheDatabase() {
        // given
        long seq = tamperTarget();

        // when
        swap(seq, seq + 1);
        JsonNode report = verification();
        swap(seq, seq + 1);

        // then
        assertThat(report.path("ok").asBoolean()).isFalse();
        assertThat(report.path("firstBadSequence").asLong()).isEqualTo(seq);
        assertThat(verification().path("ok").asBoolean()).isTrue();
    }

    @Test
    void reportsALogRolledBackToAnOlderBackup() {
        // given: the backup is taken, then the log grows and a checkpoint is signed
        String number = driver.file("镇卫生院迁建项目", Map.of());
        issueCheckpoint();
        long backupSize = count();
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        long signedSize = issueCheckpoint().path("treeSize").asLong();
        List<Map<String, Object>> newer = jdbc.queryForList("SELECT * FROM audit_entry WHERE seq >= ? ORDER BY seq", backupSize);
        List<Map<String, Object>> newerCheckpoints = jdbc.queryForList(
                "SELECT * FROM audit_checkpoint WHERE tree_size > ? ORDER BY id", backupSize);
        long headNow = count();

        // when: the tables are restored from the backup
        jdbc.update("DELETE FROM audit_checkpoint WHERE tree_size > ?", backupSize);
        jdbc.update("DELETE FROM audit_entry WHERE seq >= ?", backupSize);
        jdbc.update("UPDATE audit_log_head SET entry_count = ? WHERE id = 1", backupSize);
        JsonNode report = verification();
        newer.forEach(this::reinsert);
        newerCheckpoints.forEach(row -> insert("audit_checkpoint", row));
        jdbc.update("UPDATE audit_log_head SET entry_count = ? WHERE id = 1", headNow);

        // then
        assertThat(signedSize).isGreaterThan(backupSize);
        assertThat(report.path("ok").asBoolean()).isFalse();
        assertThat(report.path("firstBadSequence").asLong()).isEqualTo(backupSize);
        assertThat(report.path("reason").asText()).contains("回滚");
        assertThat(verification().path("ok").asBoolean()).isTrue();
    }

    @Test
    void signsCheckpointsByItselfPublishesThemAndRefusesToSignOverARewrittenLog() throws Exception {
        // given: entries arrive, and a minute later the scheduler looks
        String number = driver.file("镇农贸市场改造", Map.of());
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        long arrived = count();

        // when
        automatic.signIfDue(aMinuteLater());

        // then: the checkpoint is in the public feed, for anyone, and in the witness's directory
        JsonNode signed = newestPublished();
        long signedSize = signed.path("treeSize").asLong();
        assertThat(signedSize).isGreaterThanOrEqualTo(arrived);
        assertThat(signatureHolds(signed)).isTrue();
        JsonNode witnessed = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                witnessDirectory().resolve(Witness.fileName(signedSize)).toFile());
        assertThat(witnessed.path("rootHash").asText()).isEqualTo(signed.path("rootHash").asText());
        assertThat(signatureHolds(witnessed)).isTrue();

        // and when: more entries arrive within the minute, no second checkpoint yet
        driver.file("镇农贸市场改造（二期）", Map.of());
        automatic.signIfDue(clock.instant());
        assertThat(newestPublished().path("treeSize").asLong()).isEqualTo(signedSize);

        // when: an insider rewrites the newest entry's payload and recomputes its leaf hash with the published format
        long newest = count() - 1;
        assertThat(newest).isGreaterThanOrEqualTo(signedSize);
        Map<String, Object> original = jdbc.queryForMap("SELECT payload, leaf_hash FROM audit_entry WHERE seq = ?", newest);
        AuditEntry forged = storedWithPayload(newest, "{\"forged\":true}");
        jdbc.update("UPDATE audit_entry SET payload = ?, leaf_hash = ? WHERE seq = ?", forged.payload(),
                forged.computeLeafHash(), newest);
        automatic.signIfDue(aMinuteLater());
        JsonNode refusedFeed = newestPublished();
        Api.Response manual = auditor.post("/api/audit/checkpoints", "");
        Api.Download bundle = auditor.download("/api/audit/cases/" + number + "/bundle");
        JsonNode report = verification();
        Api.Response health = Api.as(port, "ops", CaseDriver.PASSWORD).get("/actuator/health");
        jdbc.update("UPDATE audit_entry SET payload = ?, leaf_hash = ? WHERE seq = ?", original.get("payload"),
                original.get("leaf_hash"), newest);

        // then: nothing is signed over the forged log, and verification names the entry
        assertThat(refusedFeed.path("treeSize").asLong()).isEqualTo(signedSize);
        assertThat(manual.status()).as(manual.toString()).isEqualTo(409);
        assertThat(manual.json().path("code").asText()).isEqualTo("AUDIT_LOG_TAMPERED");
        assertThat(bundle.status()).as("a bundle would need a checkpoint over the forged log").isEqualTo(409);
        assertThat(report.path("ok").asBoolean()).as(report.toString()).isFalse();
        assertThat(report.path("firstBadSequence").asLong()).isEqualTo(newest);
        assertThat(report.path("reason").asText()).contains("第 " + newest + " 条", "连同其哈希被改写");
        assertThat(health.json().at("/components/auditLog/status").asText()).as(health.toString()).isEqualTo("DOWN");
        assertThat(health.json().at("/components/auditLog/details/firstBadSequence").asLong()).isEqualTo(newest);

        // and when the original is back, the next tick signs again and the alarm clears
        automatic.signIfDue(aMinuteLater());
        assertThat(newestPublished().path("treeSize").asLong()).isGreaterThan(signedSize);
        Api.Response healed = Api.as(port, "ops", CaseDriver.PASSWORD).get("/actuator/health");
        assertThat(healed.json().at("/components/auditLog/status").asText()).as(healed.toString()).isEqualTo("UP");
        assertThat(verification().path("ok").asBoolean()).isTrue();
    }

    @Test
    void reportsAForkAgainstTheWitnessAfterAnOldBackupIsRestored() {
        // given: yesterday's backup, then more entries under a checkpoint that the witness received
        String number = driver.file("镇文化站改建", Map.of());
        automatic.signIfDue(aMinuteLater());
        long backupSize = newestPublished().path("treeSize").asLong();
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        automatic.signIfDue(aMinuteLater());
        long publishedSize = newestPublished().path("treeSize").asLong();
        assertThat(Files.exists(witnessDirectory().resolve(Witness.fileName(publishedSize)))).isTrue();
        List<Map<String, Object>> newer = jdbc.queryForList("SELECT * FROM audit_entry WHERE seq >= ? ORDER BY seq", backupSize);
        List<Map<String, Object>> newerCheckpoints = jdbc.queryForList(
                "SELECT * FROM audit_checkpoint WHERE tree_size > ? ORDER BY id", backupSize);
        long headNow = count();

        // when: the backup is restored, entries and checkpoints alike
        jdbc.update("DELETE FROM audit_checkpoint WHERE tree_size > ?", backupSize);
        jdbc.update("DELETE FROM audit_entry WHERE seq >= ?", backupSize);
        jdbc.update("UPDATE audit_log_head SET entry_count = ? WHERE id = 1", backupSize);
        JsonNode report = verification();
        Api.Response manual = auditor.post("/api/audit/checkpoints", "");
        newer.forEach(this::reinsert);
        newerCheckpoints.forEach(row -> insert("audit_checkpoint", row));
        jdbc.update("UPDATE audit_log_head SET entry_count = ? WHERE id = 1", headNow);

        // then: the published checkpoint the database no longer has shows the fork, naming the witness
        assertThat(publishedSize).isGreaterThan(backupSize);
        assertThat(report.path("ok").asBoolean()).isFalse();
        assertThat(report.path("firstBadSequence").asLong()).isEqualTo(backupSize);
        assertThat(report.path("reason").asText()).contains("分叉", witness.name(), publishedSize + " 条");
        assertThat(manual.status()).as(manual.toString()).isEqualTo(409);
        assertThat(verification().path("ok").asBoolean()).isTrue();
        automatic.signIfDue(aMinuteLater());
        assertThat(Api.as(port, "ops", CaseDriver.PASSWORD).get("/actuator/health").json()
                .at("/components/auditLog/status").asText()).isEqualTo("UP");
    }

    @Test
    void servesThePublicCheckpointFeedBoundedAndNewestFirst() {
        // given
        driver.file("镇道路亮化工程", Map.of());
        automatic.signIfDue(aMinuteLater());
        driver.file("镇道路亮化工程（二期）", Map.of());
        automatic.signIfDue(aMinuteLater());
        Api anyone = Api.anonymous(port);

        // when
        Api.Response feed = anyone.get("/api/public/audit/checkpoints?size=2");
        Api.Response tooBig = anyone.get("/api/public/audit/checkpoints?size=101");
        Api.Response negative = anyone.get("/api/public/audit/checkpoints?page=-1");
        Api.Response portal = anyone.get("/portal/decisions");

        // then
        assertThat(feed.status()).as(feed.toString()).isEqualTo(200);
        JsonNode checkpoints = feed.json().path("checkpoints");
        assertThat(checkpoints.size()).isEqualTo(2);
        assertThat(checkpoints.get(0).path("treeSize").asLong()).isGreaterThan(checkpoints.get(1).path("treeSize").asLong());
        assertThat(feed.json().path("publicKey").asText()).isEqualTo(checkpoints.get(0).path("publicKey").asText());
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.json().toString()).contains("INVALID_PAGE_SIZE", "size");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(portal.body()).contains("href=\"/api/public/audit/checkpoints\"", "审计日志的签名检查点");
    }

    /** The scheduler's view a minute on: due, whatever was signed just before. */
    private Instant aMinuteLater() {
        return clock.instant().plusSeconds(61);
    }

    private Path witnessDirectory() {
        return witness.directory().orElseThrow();
    }

    private JsonNode newestPublished() {
        Api.Response response = Api.anonymous(port).get("/api/public/audit/checkpoints?size=1");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("checkpoints").get(0);
    }

    private AuditEntry storedWithPayload(long seq, String payload) {
        return jdbc.query("SELECT seq, case_id, stage, event_type, actor, actor_role, recorded_at FROM audit_entry "
                + "WHERE seq = ?", (rs, i) -> new AuditEntry(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getObject(7, java.time.LocalDateTime.class).toInstant(java.time.ZoneOffset.UTC), payload, null), seq)
                .get(0);
    }

    /** A case's launch decision, under a fresh checkpoint: the entry to tamper with and the one after it. */
    private long tamperTarget() {
        String number = driver.file("镇污水处理厂扩建", Map.of());
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        issueCheckpoint();
        return entry(entriesOf(number), "TASK_COMPLETED").path("sequence").asLong();
    }

    /** The launch decision's entry, claiming another submission was made. */
    private static String forgedDigest(String payload) {
        String forged = payload.replaceFirst("\"submissionSha256\":\"[0-9a-f]{64}\"",
                "\"submissionSha256\":\"" + "0".repeat(64) + "\"");
        assertThat(forged).isNotEqualTo(payload);
        return forged;
    }

    private void swap(long a, long b) {
        jdbc.update("UPDATE audit_entry SET seq = -1 WHERE seq = ?", a);
        jdbc.update("UPDATE audit_entry SET seq = ? WHERE seq = ?", a, b);
        jdbc.update("UPDATE audit_entry SET seq = ? WHERE seq = -1", b);
    }

    private void reinsert(Map<String, Object> row) {
        insert("audit_entry", row);
    }

    private void insert(String table, Map<String, Object> row) {
        List<String> columns = new ArrayList<>(row.keySet());
        jdbc.update("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")",
                columns.stream().map(row::get).map(AuditIntegrationTests::keepMicros).toArray());
    }

    /** A backup restores times to the microsecond; MySQL's connection here would drop the fraction of a bound time. */
    private static Object keepMicros(Object value) {
        java.time.format.DateTimeFormatter micros = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
        if (value instanceof java.sql.Timestamp timestamp) {
            return micros.format(timestamp.toLocalDateTime());
        }
        return value instanceof java.time.LocalDateTime time ? micros.format(time) : value;
    }

    private long count() {
        return jdbc.queryForObject("SELECT entry_count FROM audit_log_head WHERE id = 1", Long.class);
    }

    private JsonNode issueCheckpoint() {
        Api.Response response = auditor.post("/api/audit/checkpoints", "");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private JsonNode verification() {
        Api.Response response = auditor.get("/api/audit/verification");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode entriesOf(String number) {
        Api.Response response = auditor.get("/api/audit/entries?caseNumber=" + number);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode lastEntries(int n) {
        long from = Math.max(0, count() - n);
        return auditor.get("/api/audit/entries?from=" + from + "&limit=" + n).json();
    }

    private static JsonNode entry(JsonNode entries, String type) {
        for (JsonNode e : entries) {
            if (type.equals(e.path("eventType").asText())) {
                return e;
            }
        }
        throw new AssertionError("No " + type + " in " + entries);
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(h -> hashes.add(HEX.parseHex(h.asText())));
        return hashes;
    }

    private static boolean signatureHolds(JsonNode checkpoint) throws Exception {
        Checkpoint c = new Checkpoint(checkpoint.path("treeSize").asLong(), checkpoint.path("rootHash").asText(),
                java.time.Instant.parse(checkpoint.path("issuedAt").asText()), null, null);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(checkpoint.path("publicKey").asText()))));
        verifier.update(c.signedText().getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getDecoder().decode(checkpoint.path("signature").asText()));
    }
}
