package cn.majordecision.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One notice to one person about one task; only its read time ever changes. */
@Entity
@Table(name = "notification")
public class Notification {

    /**
     * A reminder before the due date, an escalation once it has passed, a due date moved by a stored calendar year,
     * (to administrators) a year whose holiday notice is not entered yet, or a problem the execution unit reported
     * (Art. 35), which is not a task: its {@code taskId} is the report's entry in the deadline report.
     */
    public enum Kind { REMINDER, OVERDUE, DUE_DATE_MOVED, CALENDAR_NOTICE, PROBLEM_REPORTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String recipient;

    @Column(name = "task_id")
    private String taskId;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "case_number")
    private String caseNumber;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private String message;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    Notification(String recipient, String taskId, Long caseId, String caseNumber, Kind kind, String message,
            Instant dueAt, Instant createdAt) {
        this.recipient = recipient;
        this.taskId = taskId;
        this.caseId = caseId;
        this.caseNumber = caseNumber;
        this.kind = kind;
        this.message = message;
        this.dueAt = dueAt;
        this.createdAt = createdAt;
    }

    /** The notice says something new (a due date moved again): it replaces the old text and is unread again. */
    void renew(String newMessage, Instant newDueAt, Instant at) {
        this.message = newMessage;
        this.dueAt = newDueAt;
        this.createdAt = at;
        this.readAt = null;
    }

    void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    public Long getId() { return id; }
    public String getRecipient() { return recipient; }
    public String getTaskId() { return taskId; }
    public String getCaseNumber() { return caseNumber; }
    public Kind getKind() { return kind; }
    public String getMessage() { return message; }
    public Instant getDueAt() { return dueAt; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getReadAt() { return readAt; }
}
