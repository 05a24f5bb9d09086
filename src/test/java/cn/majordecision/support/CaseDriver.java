package cn.majordecision.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;

/** Walks cases through the pipeline over HTTP, each step as the user whose job it is. */
public final class CaseDriver {

    public static final String PASSWORD = "demo";
    private final int port;

    public CaseDriver(int port) {
        this.port = port;
    }

    public Api as(String user) {
        return Api.as(port, user, PASSWORD);
    }

    public String file(String title, Map<String, Boolean> flags) {
        Api.Response response = as("wangfang").post("/api/cases", Submissions.fileCase(title, flags));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("number").asText();
    }

    public JsonNode detail(String number) {
        Api.Response response = as("wangfang").get("/api/cases/" + number);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** Waits (timers fire on the job executor) for an open task with this BPMN id and returns its id. */
    public String awaitTask(String number, String taskKey) {
        return awaitTask(number, taskKey, null);
    }

    /** As {@link #awaitTask(String, String)}, but only a task that is unassigned or assigned to {@code user}. */
    public String awaitTask(String number, String taskKey, String user) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() - deadline < 0) {
            for (JsonNode task : detail(number).path("openTasks")) {
                String assignee = task.path("assignee").isNull() ? null : task.path("assignee").asText();
                boolean mine = user == null || assignee == null || user.equals(assignee);
                if (taskKey.equals(task.path("taskKey").asText()) && mine) {
                    return task.path("id").asText();
                }
            }
            sleep();
        }
        throw new AssertionError("No open task " + taskKey + " for " + number + ": " + detail(number).path("openTasks"));
    }

    /** Claims (when needed) and completes the open task {@code taskKey} as {@code user}. */
    public JsonNode complete(String number, String taskKey, String user, Map<String, Object> data) {
        String taskId = awaitTask(number, taskKey, user);
        Api api = as(user);
        Api.Response claim = api.post("/api/tasks/" + taskId + "/claim", "");
        assertThat(claim.status()).as(claim.toString()).isEqualTo(200);
        Api.Response done = api.post("/api/tasks/" + taskId + "/complete", data);
        assertThat(done.status()).as(taskKey + " " + done).isEqualTo(200);
        return done.json();
    }

    /** Publishes a lawful 30-day consultation notice today and ends its period now, as its timer would at its end. */
    public void consultAndClose(String number) {
        complete(number, "Task_PublishConsultationNotice", "wangfang", Submissions.consultationNotice());
        new EngineTime(this).closeConsultation(number);
    }

    /** Submits the current draft for legality review and takes it to the given conclusion (lawful, revise, unlawful). */
    public void reviewLegality(String number, String conclusion) {
        complete(number, "Task_SubmitLegalityPackage", "wangfang", Submissions.legalityPackage());
        complete(number, "Task_CheckLegalityMaterials", "wugang", Submissions.materialsCheck("accept"));
        complete(number, "Task_GiveLegalOpinion", "sunli", Submissions.legalOpinion());
        complete(number, "Task_ConcludeLegality", "wugang", Submissions.legalityConclusion(conclusion));
    }

    /** Launch, draft, a 30-day consultation with its opinions handled and a lawful conclusion: ready for the meeting. */
    public void toTheMeeting(String number) {
        complete(number, "Task_DecideLaunch", "zhangwei", Submissions.launch());
        complete(number, "Task_DraftDecision", "wangfang", Submissions.draft());
        consultAndClose(number);
        complete(number, "Task_HandlePublicOpinions", "wangfang", Submissions.opinionHandling());
        reviewLegality(number, "lawful");
    }

    /** A case of the officers' unit taken through the statutory procedure to its published decision. */
    public String publishedDecision(String title) {
        String number = file(title, Map.of());
        toTheMeeting(number);
        approve(number);
        complete(number, "Task_PublishDecision", "wangfang", Submissions.publication());
        return number;
    }

    /** After a lawful conclusion: the meeting approves and the party committee agrees. */
    public void approve(String number) {
        complete(number, "Task_RecordMeeting", "zhenghong", Submissions.meeting("approve"));
        complete(number, "Task_PreparePartyReport", "wangfang", Submissions.partyReport());
        complete(number, "Task_RecordPartyAnswer", "fenglei", Submissions.partyAnswer("agree"));
    }

    /**
     * Waits (at most a minute) until version {@code version} of the case's dossier is ready: it is built after the
     * transaction that ended the case commits, on a thread of its own. A failed build fails the caller at once.
     */
    public JsonNode awaitDossier(String number, int version) {
        JsonNode last = null;
        for (int polls = 0; polls < 300; polls++) {
            Api.Response list = as("hefang").get("/api/cases/" + number + "/dossiers");
            assertThat(list.status()).as(list.toString()).isEqualTo(200);
            for (JsonNode v : list.json()) {
                if (v.path("version").asInt() == version) {
                    last = v;
                    assertThat(v.path("status").asText()).as(v.toString()).isNotEqualTo("FAILED");
                    if ("READY".equals(v.path("status").asText())) {
                        return v;
                    }
                }
            }
            sleep();
            sleep();
        }
        throw new AssertionError("Dossier version " + version + " of " + number + " not ready: " + last);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
