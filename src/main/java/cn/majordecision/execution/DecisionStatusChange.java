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
import java.time.LocalDate;

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

    @Enumerated(EnumType.STRING)
    @Column(name = "event_kind")
    private StatusEvent event;

    private String ground;

    @Column(name = "meeting_date")
    private LocalDate meetingDate;

    @Column(name = "meeting_type")
    private String meetingType;

    @Column(name = "deciding_record")
    private String decidingRecord;

    @Column(name = "linked_case")
    private String linkedCase;

    protected DecisionStatusChange() {
    }

    /**
     * What happened to the decision (Art. 37): the head's suspension, the organ's confirmation or lifting of it, and the
     * termination or adjustment decided by a linked case's meeting.
     */
    enum StatusEvent {
        SUSPENDED("行政首长决定暂停执行（待决策机关决定）", false),
        SUSPENSION_CONFIRMED("决策机关决定维持暂停执行", true),
        SUSPENSION_LIFTED("决策机关决定恢复执行", true),
        ADJUSTED("经法定程序决定调整", true),
        TERMINATED("经法定程序决定停止执行", true);

        private final String label;
        private final boolean byOrgan;

        StatusEvent(String label, boolean byOrgan) {
            this.label = label;
            this.byOrgan = byOrgan;
        }

        String label() {
            return label;
        }

        boolean byOrgan() {
            return byOrgan;
        }

        /** Rows written before events were named: the status they moved to says what happened. */
        static StatusEvent of(DecisionStatus status) {
            return switch (status) {
                case SUSPENDED -> SUSPENDED;
                case IN_FORCE -> SUSPENSION_LIFTED;
                case ADJUSTED -> ADJUSTED;
                case TERMINATED -> TERMINATED;
            };
        }
    }

    DecisionStatusChange(Long caseId, DecisionStatus status, String reason, String changedBy, Instant changedAt) {
        this.caseId = caseId;
        this.status = status;
        this.reason = reason;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    /** The organ's decision at a meeting, or the decision taken by a linked case's meeting. */
    DecisionStatusChange decidedAt(LocalDate date, String type, String record, String linked) {
        this.meetingDate = date;
        this.meetingType = type;
        this.decidingRecord = record;
        this.linkedCase = linked;
        return this;
    }

    DecisionStatusChange as(StatusEvent kind, String groundCode) {
        this.event = kind;
        this.ground = groundCode;
        return this;
    }

    Long getCaseId() { return caseId; }
    DecisionStatus getStatus() { return status; }
    Instant getChangedAt() { return changedAt; }
    String getReason() { return reason; }
    String getChangedBy() { return changedBy; }
    StatusEvent getEvent() { return event == null ? StatusEvent.of(status) : event; }
    String getGround() { return ground; }
    LocalDate getMeetingDate() { return meetingDate; }
    String getMeetingType() { return meetingType; }
    String getDecidingRecord() { return decidingRecord; }
    String getLinkedCase() { return linkedCase; }
}
