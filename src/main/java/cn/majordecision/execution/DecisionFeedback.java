package cn.majordecision.execution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** Feedback from the public on a published decision. Name and contact are personal data, for officers only. */
@Entity
@Table(name = "decision_feedback")
class DecisionFeedback {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "receipt_number")
    private String receiptNumber;

    @Column(name = "submitter_name")
    private String submitterName;

    private String contact;

    @Lob
    @Column(name = "feedback_text")
    private String text;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    protected DecisionFeedback() {
    }

    DecisionFeedback(Long caseId, String receiptNumber, String submitterName, String contact, String text,
            Instant submittedAt) {
        this.caseId = caseId;
        this.receiptNumber = receiptNumber;
        this.submitterName = submitterName;
        this.contact = contact;
        this.text = text;
        this.submittedAt = submittedAt;
    }

    Long getId() { return id; }
    Long getCaseId() { return caseId; }
    String getReceiptNumber() { return receiptNumber; }
    String getSubmitterName() { return submitterName; }
    String getContact() { return contact; }
    String getText() { return text; }
    Instant getSubmittedAt() { return submittedAt; }
}
