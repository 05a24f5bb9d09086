package cn.majordecision.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** What one completed task submitted: who, when, on which draft version, and the validated form data. */
@Entity
@Immutable
@Table(name = "stage_record")
public class StageRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    @Enumerated(EnumType.STRING)
    private Stage stage;

    @Column(name = "task_id", unique = true)
    private String taskId;

    @Column(name = "task_key")
    private String taskKey;

    @Column(name = "task_name")
    private String taskName;

    @Column(name = "form_key")
    private String formKey;

    private String actor;

    @Column(name = "actor_name")
    private String actorName;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "draft_version")
    private int draftVersion;

    @Column(name = "produced_draft_version")
    private Integer producedDraftVersion;

    @Lob
    private String payload;

    @Column(name = "payload_sha256")
    private String payloadSha256;

    protected StageRecord() {
    }

    StageRecord(Long caseId, Stage stage, SubmittedTask task, String actor, String actorName, Instant completedAt,
            int draftVersion, Integer producedDraftVersion, String payload, String payloadSha256) {
        this.caseId = caseId;
        this.stage = stage;
        this.taskId = task.taskId();
        this.taskKey = task.taskKey();
        this.taskName = task.taskName();
        this.formKey = task.formKey();
        this.actor = actor;
        this.actorName = actorName;
        this.completedAt = completedAt;
        this.draftVersion = draftVersion;
        this.producedDraftVersion = producedDraftVersion;
        this.payload = payload;
        this.payloadSha256 = payloadSha256;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public Stage getStage() { return stage; }
    public String getTaskId() { return taskId; }
    public String getTaskKey() { return taskKey; }
    public String getTaskName() { return taskName; }
    public String getFormKey() { return formKey; }
    public String getActor() { return actor; }
    public String getActorName() { return actorName; }
    public Instant getCompletedAt() { return completedAt; }
    public int getDraftVersion() { return draftVersion; }
    public Integer getProducedDraftVersion() { return producedDraftVersion; }
    public String getPayload() { return payload; }
    public String getPayloadSha256() { return payloadSha256; }
}
