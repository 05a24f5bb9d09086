package cn.majordecision.execution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change of a decision's status, with its reason; never changed afterwards. */
@Entity
@Table(name = "decision_status_change")
class DecisionStatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DecisionStatus status;

    @Column(nullable = false)
    private String reason;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected DecisionStatusChange() {
    }

    DecisionStatusChange(Long caseId, DecisionStatus status, String reason, String changedBy, Instant changedAt) {
        this.caseId = caseId;
        this.status = status;
        this.reason = reason;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    Long getCaseId() { return caseId; }
    DecisionStatus getStatus() { return status; }
    Instant getChangedAt() { return changedAt; }
}
