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

/** One version of the decision draft; a new version never overwrites an old one. */
@Entity
@Immutable
@Table(name = "draft_version")
public class DraftVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "version_number")
    private int versionNumber;

    @Lob
    @Column(name = "draft_text")
    private String text;

    @Lob
    private String explanation;

    @Lob
    @Column(name = "change_summary")
    private String changeSummary;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    protected DraftVersion() {
    }

    DraftVersion(Long caseId, int versionNumber, String text, String explanation, String changeSummary,
            String createdBy, Instant createdAt) {
        this.caseId = caseId;
        this.versionNumber = versionNumber;
        this.text = text;
        this.explanation = explanation;
        this.changeSummary = changeSummary;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public int getVersionNumber() { return versionNumber; }
    public String getText() { return text; }
    public String getExplanation() { return explanation; }
    public String getChangeSummary() { return changeSummary; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
}
