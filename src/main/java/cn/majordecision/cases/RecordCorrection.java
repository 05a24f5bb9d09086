package cn.majordecision.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A correction of a stage record's content: a new record that points at the one it corrects. */
@Entity
@Immutable
@Table(name = "record_correction")
public class RecordCorrection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "record_id")
    private Long recordId;

    private String actor;

    @Column(name = "actor_name")
    private String actorName;

    @Column(name = "corrected_at")
    private Instant correctedAt;

    private String reason;

    @Lob
    private String payload;

    @Column(name = "payload_sha256")
    private String payloadSha256;

    protected RecordCorrection() {
    }

    RecordCorrection(Long caseId, Long recordId, String actor, String actorName, Instant correctedAt, String reason,
            String payload, String payloadSha256) {
        this.caseId = caseId;
        this.recordId = recordId;
        this.actor = actor;
        this.actorName = actorName;
        this.correctedAt = correctedAt;
        this.reason = reason;
        this.payload = payload;
        this.payloadSha256 = payloadSha256;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public Long getRecordId() { return recordId; }
    public String getActor() { return actor; }
    public String getActorName() { return actorName; }
    public Instant getCorrectedAt() { return correctedAt; }
    public String getReason() { return reason; }
    public String getPayload() { return payload; }
    public String getPayloadSha256() { return payloadSha256; }
}
