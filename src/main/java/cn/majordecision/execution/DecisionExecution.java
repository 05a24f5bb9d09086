package cn.majordecision.execution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import cn.majordecision.shared.DomainException;
import java.time.Instant;

/** Where a published decision stands after it was made, and who executes it on which report interval. */
@Entity
@Table(name = "decision_execution")
class DecisionExecution {

    @Id
    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "execution_unit")
    private String executionUnit;

    @Column(name = "interval_months")
    private Integer intervalMonths;

    @Column(name = "planned_by")
    private String plannedBy;

    @Column(name = "planned_at")
    private Instant plannedAt;

    @Enumerated(EnumType.STRING)
    private DecisionStatus status;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "status_since")
    private Instant statusSince;

    @Column(name = "status_by")
    private String statusBy;

    @Column(name = "adjusted_by_case")
    private String adjustedByCase;

    /** The head suspended execution in an emergency; the decision organ has not decided on it yet (Art. 37). */
    @Column(name = "awaiting_organ", nullable = false)
    private boolean awaitingOrgan;

    protected DecisionExecution() {
    }

    DecisionExecution(Long caseId) {
        this.caseId = caseId;
        this.status = DecisionStatus.IN_FORCE;
    }

    void plan(String unit, int months, String by, Instant at) {
        this.executionUnit = unit;
        this.intervalMonths = months;
        this.plannedBy = by;
        this.plannedAt = at;
    }

    /** Moves to a new status; the aggregate refuses what the current one does not allow, naming it. */
    void change(DecisionStatus to, String reason, String by, Instant at) {
        boolean allowed = switch (to) {
            case SUSPENDED -> status == DecisionStatus.IN_FORCE;
            case IN_FORCE -> status == DecisionStatus.SUSPENDED;
            case ADJUSTED, TERMINATED -> status == DecisionStatus.IN_FORCE || status == DecisionStatus.SUSPENDED;
        };
        if (!allowed) {
            throw ExecutionService.wrongStatus(status, to);
        }
        this.status = to;
        this.awaitingOrgan = false;
        this.statusReason = reason;
        this.statusSince = at;
        this.statusBy = by;
    }

    /** The head's emergency suspension: in effect at once, pending the organ's decision. */
    void suspendPendingOrgan(String reason, String by, Instant at) {
        change(DecisionStatus.SUSPENDED, reason, by, at);
        this.awaitingOrgan = true;
    }

    /** The organ keeps the suspension in place: the status stays, the wait for the organ ends. */
    void organConfirmed() {
        if (status != DecisionStatus.SUSPENDED || !awaitingOrgan) {
            throw DomainException.conflict("NOTHING_AWAITS_THE_ORGAN", status == DecisionStatus.SUSPENDED
                    ? "决策机关已就本次暂停执行作出决定；如需恢复执行，请记录决策机关恢复执行的决定。"
                    : "该决策当前为“%s”，没有待决策机关决定的暂停执行。".formatted(status.label()));
        }
        this.awaitingOrgan = false;
    }

    void adjustedBy(String caseNumber) {
        this.adjustedByCase = caseNumber;
    }

    Long getCaseId() { return caseId; }
    String getExecutionUnit() { return executionUnit; }
    Integer getIntervalMonths() { return intervalMonths; }
    String getPlannedBy() { return plannedBy; }
    Instant getPlannedAt() { return plannedAt; }
    DecisionStatus getStatus() { return status; }
    String getStatusReason() { return statusReason; }
    Instant getStatusSince() { return statusSince; }
    String getStatusBy() { return statusBy; }
    String getAdjustedByCase() { return adjustedByCase; }
    boolean isAwaitingOrgan() { return awaitingOrgan; }
}
