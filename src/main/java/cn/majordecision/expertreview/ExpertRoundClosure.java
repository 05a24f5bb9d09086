package cn.majordecision.expertreview;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.hibernate.annotations.Immutable;

/** An expert round closed by the officer before every opinion was in: why, and who missed it (Art. 19). */
@Entity
@Immutable
@Table(name = "expert_round_closure")
public class ExpertRoundClosure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "selection_record_id")
    private Long selectionRecordId;

    private String reason;

    /** User ids, comma separated. */
    @Column(name = "missing_experts")
    private String missingExperts;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    protected ExpertRoundClosure() {
    }

    ExpertRoundClosure(Long caseId, Long selectionRecordId, String reason, List<String> missingExperts,
            String closedBy, Instant closedAt) {
        this.caseId = caseId;
        this.selectionRecordId = selectionRecordId;
        this.reason = reason;
        this.missingExperts = String.join(",", missingExperts);
        this.closedBy = closedBy;
        this.closedAt = closedAt;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public Long getSelectionRecordId() { return selectionRecordId; }
    public String getReason() { return reason; }
    public List<String> getMissingExperts() {
        return missingExperts.isEmpty() ? List.of() : Arrays.asList(missingExperts.split(","));
    }
    public String getClosedBy() { return closedBy; }
    public Instant getClosedAt() { return closedAt; }
}
