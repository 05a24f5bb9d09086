package cn.majordecision.support;

import static cn.majordecision.support.Submissions.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Moves time for the engine through its REST API, as an engine operator: due dates, and timers fired now. */
public final class EngineTime {

    private static final DateTimeFormatter CAMUNDA = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    private final Api admin;

    public EngineTime(CaseDriver driver) {
        this.admin = driver.as("ops");
    }

    public void setDue(String taskId, Instant due) {
        JsonNode task = admin.get("/engine-rest/task/" + taskId).json();
        Api.Response moved = admin.put("/engine-rest/task/" + taskId,
                map("name", task.path("name").asText(), "priority", 50, "due", CAMUNDA.format(due)));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(204);
    }

    /** Fires the deadline watch's timer now, as the job executor would when it is due. */
    public void runDeadlineWatch() {
        JsonNode timers = admin.get("/engine-rest/job?processDefinitionKey=deadline-watch&timers=true").json();
        assertThat(timers).hasSize(1);
        Api.Response fired = admin.post("/engine-rest/job/" + timers.path(0).path("id").asText() + "/execute", "");
        assertThat(fired.status()).as(fired.toString()).isEqualTo(204);
    }

    /** Ends a case's consultation period now, as its timer would at the end of the last day. */
    public void closeConsultation(String caseNumber) {
        JsonNode instances = admin.get("/engine-rest/process-instance?processDefinitionKey=public-consultation&businessKey="
                + caseNumber).json();
        assertThat(instances).hasSize(1);
        JsonNode timers = admin.get("/engine-rest/job?timers=true&activityId=Event_ConsultationClosed&processInstanceId="
                + instances.path(0).path("id").asText()).json();
        assertThat(timers).hasSize(1);
        Api.Response fired = admin.post("/engine-rest/job/" + timers.path(0).path("id").asText() + "/execute", "");
        assertThat(fired.status()).as(fired.toString()).isEqualTo(204);
    }
}
