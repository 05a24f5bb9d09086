package cn.majordecision.consultation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;

/** One opinion from the public, as typed. Name and contact are personal data and never leave the officers' side. */
@Entity
@Table(name = "public_opinion")
public class PublicOpinion {

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
    @Column(name = "opinion_text")
    private String text;

    @Column(name = "text_hash")
    private String textHash;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    private String screening;

    @Column(name = "withheld_reason")
    private String withheldReason;

    @Column(name = "duplicate_of")
    private String duplicateOf;

    private String adoption;

    @Column(name = "adoption_reason")
    private String adoptionReason;

    @Column(name = "handled_by")
    private String handledBy;

    @Column(name = "handled_at")
    private Instant handledAt;

    protected PublicOpinion() {
    }

    PublicOpinion(Long caseId, String receiptNumber, String submitterName, String contact, String text, String textHash,
            Instant submittedAt) {
        this.caseId = caseId;
        this.receiptNumber = receiptNumber;
        this.submitterName = submitterName;
        this.contact = contact;
        this.text = text;
        this.textHash = textHash;
        this.submittedAt = submittedAt;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public String getReceiptNumber() { return receiptNumber; }
    public String getSubmitterName() { return submitterName; }
    public String getContact() { return contact; }
    public String getText() { return text; }
    public String getTextHash() { return textHash; }
    public Instant getSubmittedAt() { return submittedAt; }
    public String getScreening() { return screening; }
    public String getWithheldReason() { return withheldReason; }
    public String getDuplicateOf() { return duplicateOf; }
    public String getAdoption() { return adoption; }
    public String getAdoptionReason() { return adoptionReason; }
    public String getHandledBy() { return handledBy; }
    public Instant getHandledAt() { return handledAt; }

    void screen(String screening, String withheldReason, String duplicateOf, String by, Instant at) {
        this.screening = screening;
        this.withheldReason = withheldReason;
        this.duplicateOf = duplicateOf;
        this.handledBy = by;
        this.handledAt = at;
    }

    void answer(String adoption, String reason, String by, Instant at) {
        this.adoption = adoption;
        this.adoptionReason = reason;
        this.handledBy = by;
        this.handledAt = at;
    }

    /**
     * Withheld for these reasons the opinion was still an opinion on the matter, only not one to publish: it is
     * answered in the adoption table with its reason (Art. 18). Spam, a duplicate (answered with its original) and a
     * text withheld for someone's personal data need no answer of their own.
     */
    static final Set<String> ANSWERED_WHEN_WITHHELD = Set.of("OFF_TOPIC", "ABUSIVE");

    /** Whether the opinion gets a row and an answer in the adoption table. */
    public boolean isInAdoptionTable() {
        return "PUBLISHED".equals(screening)
                || ("WITHHELD".equals(screening) && ANSWERED_WHEN_WITHHELD.contains(withheldReason));
    }

    /** Answered: in the adoption table with an answer, or withheld for a reason that needs none. */
    public boolean isAnswered() {
        if (isInAdoptionTable()) {
            return adoption != null;
        }
        return "WITHHELD".equals(screening);
    }
}
