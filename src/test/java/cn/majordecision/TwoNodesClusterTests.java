package cn.majordecision;

import static cn.majordecision.support.Submissions.draft;
import static cn.majordecision.support.Submissions.launch;
import static cn.majordecision.support.Submissions.legalOpinion;
import static cn.majordecision.support.Submissions.legalityConclusion;
import static cn.majordecision.support.Submissions.legalityPackage;
import static cn.majordecision.support.Submissions.map;
import static cn.majordecision.support.Submissions.materialsCheck;
import static cn.majordecision.support.Submissions.meeting;
import static cn.majordecision.support.Submissions.partyAnswer;
import static cn.majordecision.support.Submissions.partyReport;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.shared.ApplicationClock;
import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import cn.majordecision.support.Submissions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two application instances on one MariaDB/MySQL database (run by {@code .ci/run} with {@code -Pcluster}, after
 * {@code mvn verify} has packaged the jar). Both run their job executors. The test drives cases through both at once,
 * alternating nodes step by step as a load balancer without sticky sessions would, moves timers due in the shared
 * database as time passing would, and kills one node with SIGKILL in the middle of the run. It then proves from the
 * database that no task was completed twice, every timer and reminder fired exactly once, the audit log is one gap-free
 * tree that verifies, and everything a node acknowledged before it died is there; the survivor finishes the rest.
 *
 * <p>The database is {@code DB_NAME} (default {@code major_decision_cluster}), which must exist and be empty.
 */
class TwoNodesClusterTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The application's clock, which the nodes are given too: shifted when the suite runs shifted. */
    private static final Clock CLOCK = Submissions.clock();
    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    /** Jobs locked by a node that dies are taken over after this long (the default is five minutes). */
    private static final int LOCK_MILLIS = 10_000;
    private static final int WALKED_CASES = 6;
    private static final int CONSULTED_CASES = 4;
    private static final int CLIENTS = 3;
    /** Node 2 is killed once this many task completions were acknowledged (a case walk has ten). */
    private static final int KILL_AFTER = 22;

    /** Who completes each step of a non-public case's walk, and with what. */
    private static final Map<String, Step> WALK = Map.of(
            "Task_DecideLaunch", new Step("zhangwei", launch()),
            "Task_DraftDecision", new Step("wangfang", draft()),
            "Task_SubmitLegalityPackage", new Step("wangfang", legalityPackage()),
            "Task_CheckLegalityMaterials", new Step("wugang", materialsCheck("accept")),
            "Task_GiveLegalOpinion", new Step("sunli", legalOpinion()),
            "Task_ConcludeLegality", new Step("wugang", legalityConclusion("lawful")),
            "Task_RecordMeeting", new Step("zhenghong", meeting("approve")),
            "Task_PreparePartyReport", new Step("wangfang", partyReport()),
            "Task_RecordPartyAnswer", new Step("fenglei", partyAnswer("agree")));
    /** Where a walk ends: archiving renders a PDF/A dossier, CPU the test has better uses for. */
    private static final String LAST_STEP = "Task_ConfirmArchive";

    private record Step(String user, Map<String, Object> data) {
    }

    /** A task completion a node answered with 2xx. */
    private record Ack(String caseNumber, String taskId, String taskKey, int node) {
    }

    private final List<Node> nodes = new ArrayList<>();
    private final List<Ack> acks = Collections.synchronizedList(new ArrayList<>());
    private final List<String> filed = Collections.synchronizedList(new ArrayList<>());
    private final List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> refused = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> lockedAtKill = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger turn = new AtomicInteger();

    @AfterEach
    void stopNodes() {
        nodes.forEach(Node::kill);
    }

    @Test
    void twoNodesShareOneDatabaseAndTheSurvivorOfAKillFinishesTheWork() throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String signingKey = Base64.getEncoder().encodeToString(key.getPrivate().getEncoded());
        String publicKey = Base64.getEncoder().encodeToString(key.getPublic().getEncoded());
        // given two nodes on one database with one audit signing key, the second started once the first is up
        // (the first creates the schemas and the demo users)
        nodes.add(Node.start("node-1", signingKey, publicKey));
        nodes.get(0).awaitReady();
        nodes.add(Node.start("node-2", signingKey, publicKey));
        nodes.get(1).awaitReady();
        long started = System.nanoTime();

        try (Connection db = connect()) {
            timersAndRemindersFireExactlyOnce(db);
            String checkpointKey = killedNodeLosesNothingAcknowledged(db);

            // then nothing a node acknowledged is missing, and no task was completed twice
            for (String number : filed) {
                assertThat(count(db, "SELECT COUNT(*) FROM decision_case WHERE case_number = ?", number))
                        .as("acknowledged filing " + number).isEqualTo(1);
            }
            Map<String, Integer> completions = auditedCompletions(db);
            for (Ack ack : acks) {
                assertThat(completions.get(ack.taskId())).as("audit entries of acknowledged completion " + ack)
                        .isEqualTo(1);
                assertThat(count(db, "SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE ID_ = ? AND END_TIME_ IS NOT NULL"
                        + " AND DELETE_REASON_ = 'completed'", ack.taskId())).as("engine history of " + ack)
                        .isEqualTo(1);
            }
            assertThat(completions.values()).as("completion entries per task").allMatch(n -> n == 1);
            assertThat(completions).as("every completion the engine recorded is audited once")
                    .hasSize((int) count(db,
                            "SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE DELETE_REASON_ = 'completed'"));

            // and the audit log is one tree: numbered 0..n-1 without gaps, verified by the survivor against the
            // checkpoint the killed node signed, and the survivor signs with the same key
            long entries = count(db, "SELECT entry_count FROM audit_log_head WHERE id = 1");
            assertThat(count(db, "SELECT COUNT(*) FROM audit_entry")).isEqualTo(entries);
            assertThat(count(db, "SELECT COALESCE(MIN(seq), -1) FROM audit_entry")).isZero();
            assertThat(count(db, "SELECT MAX(seq) FROM audit_entry")).isEqualTo(entries - 1);
            Node survivor = nodes.get(0);
            JsonNode verification = survivor.driver().as("xunuo").get("/api/audit/verification").json();
            assertThat(verification.path("ok").asBoolean()).as(verification.toString()).isTrue();
            assertThat(verification.path("entries").asLong()).isEqualTo(entries);
            assertThat(verification.path("checkpointTreeSize").asLong()).as("the killed node's checkpoint counts")
                    .isPositive();
            Api.Response checkpoint = survivor.driver().as("xunuo").post("/api/audit/checkpoints", "");
            assertThat(checkpoint.status()).as(checkpoint.toString()).isEqualTo(201);
            assertThat(checkpoint.json().path("publicKey").asText()).isEqualTo(checkpointKey).isEqualTo(publicKey);
            assertThat(serverErrors).as("answers 5xx").isEmpty();

            // and every job ran once (which node ran how many is up to the job executors' acquisition: reported only);
            // the engine's history cleanup is one job that runs again and again in its nightly window (server time)
            assertThat(count(db, "SELECT COUNT(*) FROM (SELECT JOB_ID_ FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2"
                    + " AND JOB_DEF_TYPE_ <> 'history-cleanup' GROUP BY JOB_ID_ HAVING COUNT(*) > 1) twice"))
                    .as("jobs that succeeded twice").isZero();
            String ranOn = "SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 AND HOSTNAME_ LIKE ?";
            long byNode1 = count(db, ranOn, "node-1%");
            long byNode2 = count(db, ranOn, "node-2%");
            System.out.printf("cluster: %d cases filed, %d completions acknowledged (%d by node 2 before it was"
                    + " killed), %d audit entries, jobs run %d by node 1 and %d by node 2, %d locked when node 2 died,"
                    + " %.0f s after both nodes were up%n", filed.size(), acks.size(),
                    acks.stream().filter(a -> a.node() == 1).count(), entries, byNode1, byNode2, lockedAtKill.size(),
                    (System.nanoTime() - started) / 1e9);
        }
    }

    /**
     * Consultation periods end (their timers made due in the database) while both job executors run; the deadline
     * watch then runs twice over overdue and nearly due tasks. Each timer fires once, each missed deadline is logged
     * once, each notice is stored once.
     */
    private void timersAndRemindersFireExactlyOnce(Connection db) throws Exception {
        // given cases in public consultation, filed and advanced through both nodes
        List<String> consulted = new ArrayList<>();
        for (int i = 0; i < CONSULTED_CASES; i++) {
            String number = file(next(), "征求意见事项" + i, Map.of());
            consulted.add(number);
            next().driver().complete(number, "Task_DecideLaunch", "zhangwei", launch());
            next().driver().complete(number, "Task_DraftDecision", "wangfang", draft());
            LocalDate today = Submissions.today();
            next().driver().complete(number, "Task_PublishConsultationNotice", "wangfang", map("channels",
                    List.of("website"), "howToSubmit", "网站留言", "periodStart", today.toString(),
                    "periodEnd", today.plusDays(30).toString()));
        }

        // when their closing timers fall due (time passes), with both job executors running
        int moved = update(db, "UPDATE ACT_RU_JOB SET DUEDATE_ = '2000-01-01 00:00:00' WHERE TYPE_ = 'timer' AND"
                + " JOB_DEF_ID_ IN (SELECT ID_ FROM ACT_RU_JOBDEF WHERE ACT_ID_ = 'Event_ConsultationClosed')");
        assertThat(moved).as("consultation timers").isEqualTo(CONSULTED_CASES);

        // then each consultation closes once: one timer event and one task to handle its opinions
        List<String> handling = new ArrayList<>();
        for (String number : consulted) {
            handling.add(awaitTask(number, "Task_HandlePublicOpinions", Duration.ofSeconds(60)));
        }
        await("no consultation timer left due", Duration.ofSeconds(30), () -> count(db,
                "SELECT COUNT(*) FROM ACT_RU_JOB"
                + " WHERE DUEDATE_ < '2001-01-01' AND JOB_DEF_ID_ IN (SELECT ID_ FROM ACT_RU_JOBDEF"
                + " WHERE ACT_ID_ = 'Event_ConsultationClosed')") == 0);
        for (String number : consulted) {
            String instance = string(db, "SELECT ID_ FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'public-consultation'"
                    + " AND BUSINESS_KEY_ = ?", number);
            assertThat(count(db, "SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE PROC_INST_ID_ = ? AND"
                    + " ACT_ID_ = 'Event_ConsultationClosed'", instance)).as("timer of " + number).isEqualTo(1);
        }
        for (String number : consulted) {
            assertThat(count(db, "SELECT COUNT(*) FROM ACT_HI_TASKINST"
                    + " WHERE TASK_DEF_KEY_ = 'Task_HandlePublicOpinions'"
                    + " AND PROC_INST_ID_ IN (SELECT ID_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ?)", number))
                    .as("opinion handling tasks of " + number).isEqualTo(1);
        }

        // given two of their tasks overdue and two due in a few hours
        List<String> overdue = handling.subList(0, 2);
        List<String> nearlyDue = handling.subList(2, 4);
        for (String task : overdue) {
            update(db, "UPDATE ACT_RU_TASK SET DUE_DATE_ = '2000-01-01 00:00:00' WHERE ID_ = ?", task);
        }
        for (String task : nearlyDue) {
            update(db, "UPDATE ACT_RU_TASK SET DUE_DATE_ = ? WHERE ID_ = ?", sqlTime(Duration.ofHours(3)), task);
        }

        // when the deadline watch's timer falls due twice
        long watchesBefore = count(db, "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'deadline-watch'");
        for (int round = 1; round <= 2; round++) {
            assertThat(update(db, "UPDATE ACT_RU_JOB SET DUEDATE_ = '2000-01-01 00:00:00' WHERE TYPE_ = 'timer' AND"
                    + " PROCESS_DEF_KEY_ = 'deadline-watch'")).as("the watch's cycle timer").isEqualTo(1);
            long expected = watchesBefore + round;
            await("deadline watch run " + round, Duration.ofSeconds(60), () -> count(db, "SELECT COUNT(*) FROM"
                    + " ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'deadline-watch' AND END_TIME_ IS NOT NULL") >= expected);
        }
        // (a second firing would need the job executors' next acquisition, a few seconds away)
        Thread.sleep(6_000);

        // then it ran exactly twice: the cycle timer fired once per due date, on one node
        assertThat(count(db, "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'deadline-watch'"))
                .isEqualTo(watchesBefore + 2);
        // and each overdue task is logged once as missed and escalated once per supervisor, each nearly due task
        // reminded once per holder, and nothing else
        for (String task : overdue) {
            assertThat(count(db, "SELECT COUNT(*) FROM audit_entry WHERE event_type = 'DEADLINE_MISSED' AND payload"
                    + " LIKE ?", "%\"taskId\":\"" + task + "\"%")).as("missed deadline of " + task).isEqualTo(1);
            // the stage's supervisors are the heads, of whom the demo has one (zhangwei)
            assertThat(string(db, "SELECT GROUP_CONCAT(recipient) FROM notification WHERE task_id = ? AND"
                    + " kind = 'OVERDUE'", task)).as("escalations of " + task).isEqualTo("zhangwei");
        }
        for (String task : nearlyDue) {
            assertThat(count(db, "SELECT COUNT(*) FROM notification WHERE task_id = ? AND kind = 'REMINDER'", task))
                    .as("reminders of " + task).isPositive();
            assertThat(count(db, "SELECT COUNT(*) FROM audit_entry WHERE event_type = 'DEADLINE_MISSED' AND payload"
                    + " LIKE ?", "%\"taskId\":\"" + task + "\"%")).isZero();
        }
        assertThat(count(db, "SELECT COUNT(*) FROM (SELECT task_id FROM notification GROUP BY task_id, kind, recipient"
                + " HAVING COUNT(*) > 1) twice")).as("notices stored twice").isZero();
        assertThat(count(db, "SELECT COUNT(DISTINCT task_id) FROM notification")).isEqualTo(4);
    }

    /**
     * Walks cases with concurrent clients that alternate between the nodes; node 2 is killed with SIGKILL midway and
     * the clients go on against node 1, as a load balancer would send them. Returns the key of the checkpoint node 2
     * signed before it died.
     */
    private String killedNodeLosesNothingAcknowledged(Connection db) throws Exception {
        // given a checkpoint signed by node 2
        Api.Response checkpoint = nodes.get(1).driver().as("xunuo").post("/api/audit/checkpoints", "");
        assertThat(checkpoint.status()).as(checkpoint.toString()).isEqualTo(201);

        // when clients walk cases through both nodes and node 2 is killed midway
        AtomicInteger nextCase = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            running.add(clients.submit(() -> {
                int i;
                while ((i = nextCase.getAndIncrement()) < WALKED_CASES) {
                    walk("并发办理事项" + i);
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();
        assertThat(nodes.get(1).alive()).as("node 2 was killed during the run").isFalse();
        assertThat(acks.stream().filter(a -> a.node() == 1)).as("node 2 acknowledged completions").isNotEmpty();
        assertThat(acks.stream().filter(a -> a.node() == 0)).as("node 1 acknowledged completions").isNotEmpty();

        // then the survivor takes over the dead node's jobs once their locks expire and leaves nothing due behind
        // (due on the application's clock, which the database's own does not know when shifted)
        await("jobs due are done", Duration.ofMillis(LOCK_MILLIS * 6L), () -> count(db, "SELECT COUNT(*) FROM"
                + " ACT_RU_JOB WHERE RETRIES_ > 0 AND (DUEDATE_ IS NULL OR DUEDATE_ < ?)", sqlTime(Duration.ZERO)) == 0);
        assertThat(count(db, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ = 0")).as("failed jobs").isZero();
        for (String job : lockedAtKill) {
            assertThat(count(db, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE ID_ = ? AND (DUEDATE_ IS NULL OR DUEDATE_ <"
                    + " ?)", job, sqlTime(Duration.ZERO))).as("job " + job + ", locked when node 2 died, is done").isZero();
        }
        // and every walked case reached archiving, once
        assertThat(count(db, "SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE TASK_DEF_KEY_ = ?", LAST_STEP))
                .as("walked cases at archiving").isEqualTo(WALKED_CASES);
        return checkpoint.json().path("publicKey").asText();
    }

    /** Files a case and completes its open tasks up to archiving, each call on the next node that is alive. */
    private void walk(String title) {
        Node filer = next();
        String number;
        try {
            number = file(filer, title, Map.of("nonPublic", true));
        } catch (NodeDown down) {
            number = file(next(), title, Map.of("nonPublic", true));
        }
        long giveUp = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() - giveUp < 0) {
            Node node = next();
            JsonNode open;
            try {
                open = detail(node, number).path("openTasks");
            } catch (NodeDown down) {
                continue;
            }
            if (open.isEmpty()) {
                pause(); // an asynchronous step between tasks, on a job executor
                continue;
            }
            JsonNode task = open.path(0);
            String taskKey = task.path("taskKey").asText();
            if (LAST_STEP.equals(taskKey)) {
                return;
            }
            Step step = WALK.get(taskKey);
            assertThat(step).as("a step for " + taskKey).isNotNull();
            try {
                Api api = node.driver().as(step.user());
                if (!step.user().equals(task.path("assignee").asText(null))) {
                    Api.Response claim = node.call(
                            () -> api.post("/api/tasks/" + task.path("id").asText() + "/claim", ""));
                    if (claim.status() != 200) {
                        noteServerError(claim);
                        refused.put(number, taskKey + " claim " + claim);
                        pause();
                        continue; // someone (our own lost request) changed it meanwhile: read it again
                    }
                }
                Api.Response done = node.call(() -> api.post("/api/tasks/" + task.path("id").asText() + "/complete",
                        step.data()));
                noteServerError(done);
                if (done.status() != 200) {
                    refused.put(number, taskKey + " " + done);
                    pause();
                }
                if (done.status() == 200) {
                    acks.add(new Ack(number, task.path("id").asText(), taskKey, nodes.indexOf(node)));
                    killNode2AfterEnoughAcks();
                }
            } catch (NodeDown down) {
                // the request may or may not have been carried out: read the case again on the survivor
            }
        }
        throw new AssertionError("Case " + number + " did not reach archiving; last refusal: " + refused.get(number)
                + "; open tasks: " + detail(nodes.get(0), number).path("openTasks"));
    }

    private synchronized void killNode2AfterEnoughAcks() {
        if (acks.size() >= KILL_AFTER && nodes.get(1).alive()) {
            nodes.get(1).kill();
            try (Connection db = connect()) {
                lockedAtKill.addAll(strings(db, "SELECT ID_ FROM ACT_RU_JOB WHERE LOCK_EXP_TIME_ > ?",
                        sqlTime(Duration.ZERO)));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private String file(Node node, String title, Map<String, Boolean> flags) {
        Api.Response response = node.call(() -> node.driver().as("wangfang").post("/api/cases",
                Submissions.fileCase(title, flags)));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        String number = response.json().path("number").asText();
        filed.add(number);
        return number;
    }

    private JsonNode detail(Node node, String number) {
        Api.Response response = node.call(() -> node.driver().as("wangfang").get("/api/cases/" + number));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private String awaitTask(String number, String taskKey, Duration patience) {
        long giveUp = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() - giveUp < 0) {
            for (JsonNode task : detail(next(), number).path("openTasks")) {
                if (taskKey.equals(task.path("taskKey").asText())) {
                    return task.path("id").asText();
                }
            }
            pause();
        }
        throw new AssertionError("No task " + taskKey + " for " + number);
    }

    private void noteServerError(Api.Response response) {
        if (response.status() >= 500) {
            serverErrors.add(response.toString());
        }
    }

    /** The next node that is alive, taking turns. */
    private Node next() {
        for (int tries = 0; tries < nodes.size(); tries++) {
            Node node = nodes.get(Math.floorMod(turn.getAndIncrement(), nodes.size()));
            if (node.alive()) {
                return node;
            }
        }
        throw new AssertionError("No node is alive");
    }

    /** Task id to the number of TASK_COMPLETED entries naming it. */
    private static Map<String, Integer> auditedCompletions(Connection db) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement(
                "SELECT payload FROM audit_entry WHERE event_type = 'TASK_COMPLETED'");
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                counts.merge(JSON.readTree(rs.getString(1)).path("taskId").asText(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://" + env("DB_HOST", "127.0.0.1") + ":" + env("DB_PORT", "3306")
                + "/" + dbName() + "?serverTimezone=UTC&useSSL=false&allowPublicKeyRetrieval=true",
                env("DB_USER", "root"), env("DB_PASSWORD", ""));
    }

    private static long count(Connection db, String sql, Object... args) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                query.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String string(Connection db, String sql, Object... args) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                query.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).as(sql).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static List<String> strings(Connection db, String sql, Object... args) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                query.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    /** The application's time {@code later} from now, as the engine stores it (UTC, no zone). */
    private static String sqlTime(Duration later) {
        return SQL_TIME.format(CLOCK.instant().plus(later));
    }

    private static int update(Connection db, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement.executeUpdate();
        }
    }

    private static void await(String what, Duration patience, SqlCondition condition) throws Exception {
        long giveUp = System.nanoTime() + patience.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() - giveUp > 0) {
                throw new AssertionError("Timed out waiting: " + what);
            }
            Thread.sleep(250);
        }
    }

    @FunctionalInterface
    private interface SqlCondition {
        boolean holds() throws Exception;
    }

    private static void pause() {
        try {
            Thread.sleep(150);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String dbName() {
        return env("DB_NAME", "major_decision_cluster");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A request that got no answer because its node is down (refused, reset or cut off). */
    private static final class NodeDown extends RuntimeException {
        NodeDown(Throwable cause) {
            super(cause);
        }
    }

    /** One application instance: the packaged jar in a JVM of its own, with its own working directory. */
    private static final class Node {

        private final String name;
        private final int port;
        private final Process process;
        private final Path log;
        private volatile boolean killed;

        private Node(String name, int port, Process process, Path log) {
            this.name = name;
            this.port = port;
            this.process = process;
            this.log = log;
        }

        static Node start(String name, String signingKey, String publicKey) throws IOException {
            Path jar = Path.of("target", "major-decision.jar").toAbsolutePath();
            assertThat(jar).as("the packaged application (mvn package)").exists();
            Path directory = Path.of("target", "cluster", name).toAbsolutePath();
            Files.createDirectories(directory);
            Path log = directory.resolve("application.log");
            int port = freePort();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java,
                    "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
            command.addAll(clockSettings());
            command.addAll(List.of("-jar", jar.toString(),
                    "--server.port=" + port,
                    "--spring.profiles.active=mysql",
                    "--app.demo.enabled=true", "--app.demo.cases=false",
                    "--app.audit.signing-key=" + signingKey, "--app.audit.public-key=" + publicKey,
                    "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS,
                    "--camunda.bpm.job-execution.wait-time-in-millis=500",
                    "--camunda.bpm.job-execution.max-wait=2000",
                    // one job per acquisition, so that the nodes compete for every due job
                    "--camunda.bpm.job-execution.max-jobs-per-acquisition=1",
                    // the engine's job log names the node that ran each job
                    "--camunda.bpm.generic-properties.properties.hostname=" + name,
                    // every test client comes from 127.0.0.1; readiness is polled with a demo user's login
                    "--app.login.address-failures=100000", "--app.login.account-failures=100000"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("DB_NAME", dbName());
            return new Node(name, port, builder.start(), log);
        }

        /**
         * When the suite runs on a shifted clock, the node's clock is shifted to read what ours reads now, and
         * anchored at now on the system clock, so that the nodes and this test agree to the millisecond on the time
         * (job due dates and lock expiries are compared across nodes).
         */
        private static List<String> clockSettings() {
            String shiftTo = System.getProperty(ApplicationClock.SHIFT_TO);
            if (shiftTo == null || shiftTo.isBlank()) {
                return List.of();
            }
            Instant anchor = Clock.systemUTC().instant();
            Instant reads = CLOCK.instant();
            return List.of("-D" + ApplicationClock.SHIFT_TO + "=" + reads, "-D" + ApplicationClock.SHIFT_AT + "=" + anchor);
        }

        void awaitReady() throws Exception {
            // generous: on a busy two-core machine one start has taken over two minutes
            long giveUp = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (System.nanoTime() - giveUp < 0) {
                assertThat(process.isAlive()).as(name + " exited; its log: " + tail()).isTrue();
                try {
                    // public pages answer once the web server is up; a demo user's login once the demo data is in
                    if (Api.anonymous(port).get("/api/public/decisions").status() == 200
                            && driver().as("xunuo").get("/api/notifications").status() == 200) {
                        return;
                    }
                } catch (IllegalStateException notYet) {
                    // not listening yet
                }
                Thread.sleep(1000);
            }
            throw new AssertionError(name + " did not start in time; its log: " + tail());
        }

        CaseDriver driver() {
            return new CaseDriver(port);
        }

        boolean alive() {
            return !killed && process.isAlive();
        }

        /** SIGKILL on Linux (kill -9): no shutdown hook runs, no transaction is finished. */
        void kill() {
            killed = true;
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        Api.Response call(java.util.function.Supplier<Api.Response> request) {
            if (!alive()) {
                throw new NodeDown(null);
            }
            try {
                return request.get();
            } catch (IllegalStateException e) {
                if (e.getCause() instanceof IOException) {
                    throw new NodeDown(e);
                }
                throw e;
            }
        }

        private String tail() {
            try {
                List<String> lines = Files.readAllLines(log);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
            } catch (IOException e) {
                return "(unreadable)";
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
