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

/**
 * A change to a published decision (Art. 37) on its way through the procedure: proposed by an evaluation, then run as a
 * new linked case; the original decision changes only when that case's meeting approves it.
 */
@Entity
@Table(name = "decision_amendment")
class DecisionAmendment {

    /** What the change is; a suspension proposal is taken up by the head's suspension, not by a new case. */
    enum Kind {
        ADJUST("调整"), TERMINATE("停止执行"), SUSPEND("暂停执行");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** Where the change stands. */
    enum State {
        PROPOSED("评估建议，待决定是否启动法定程序"),
        UNDER_PROCEDURE("新事项正在履行法定程序"),
        DECIDED("已经集体讨论决定"),
        TAKEN_UP("行政首长已决定暂停执行"),
        NOT_ADOPTED("新事项未获通过，原决策不变");

        private final String label;

        State(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(nullable = false)
    private String reason;

    @Column(name = "evaluation_id")
    private Long evaluationId;

    @Column(name = "proposed_by", nullable = false)
    private String proposedBy;

    @Column(name = "proposed_at", nullable = false)
    private Instant proposedAt;

    @Column(name = "new_case_id")
    private Long newCaseId;

    @Column(name = "new_case_number")
    private String newCaseNumber;

    @Column(name = "filed_by")
    private String filedBy;

    @Column(name = "filed_at")
    private Instant filedAt;

    @Column(name = "meeting_record_id")
    private Long meetingRecordId;

    @Column(name = "meeting_date")
    private LocalDate meetingDate;

    @Column(name = "closed_at")
    private Instant closedAt;

    protected DecisionAmendment() {
    }

    DecisionAmendment(Long caseId, Kind kind, String reason, Long evaluationId, String proposedBy, Instant at) {
        this.caseId = caseId;
        this.kind = kind;
        this.state = State.PROPOSED;
        this.reason = reason;
        this.evaluationId = evaluationId;
        this.proposedBy = proposedBy;
        this.proposedAt = at;
    }

    void filed(Long caseId, String caseNumber, String by, Instant at) {
        this.newCaseId = caseId;
        this.newCaseNumber = caseNumber;
        this.filedBy = by;
        this.filedAt = at;
        this.state = State.UNDER_PROCEDURE;
    }

    void decided(Long recordId, LocalDate date, Instant at) {
        this.meetingRecordId = recordId;
        this.meetingDate = date;
        this.closedAt = at;
        this.state = State.DECIDED;
    }

    void takenUp(Instant at) {
        this.closedAt = at;
        this.state = State.TAKEN_UP;
    }

    void notAdopted(Instant at) {
        this.closedAt = at;
        this.state = State.NOT_ADOPTED;
    }

    Long getId() { return id; }
    Long getCaseId() { return caseId; }
    Kind getKind() { return kind; }
    State getState() { return state; }
    String getReason() { return reason; }
    Long getEvaluationId() { return evaluationId; }
    String getProposedBy() { return proposedBy; }
    Instant getProposedAt() { return proposedAt; }
    Long getNewCaseId() { return newCaseId; }
    String getNewCaseNumber() { return newCaseNumber; }
    String getFiledBy() { return filedBy; }
    Instant getFiledAt() { return filedAt; }
    Long getMeetingRecordId() { return meetingRecordId; }
    LocalDate getMeetingDate() { return meetingDate; }
    Instant getClosedAt() { return closedAt; }
}
