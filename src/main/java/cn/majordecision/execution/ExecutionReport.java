package cn.majordecision.execution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** A progress or problem report of the execution unit; never changed once filed. */
@Entity
@Table(name = "execution_report")
class ExecutionReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    private String kind;

    @Lob
    @Column(name = "report_text")
    private String text;

    private String sha256;

    @Column(name = "filed_by")
    private String filedBy;

    @Column(name = "filed_at")
    private Instant filedAt;

    protected ExecutionReport() {
    }

    ExecutionReport(Long caseId, String kind, String text, String sha256, String filedBy, Instant filedAt) {
        this.caseId = caseId;
        this.kind = kind;
        this.text = text;
        this.sha256 = sha256;
        this.filedBy = filedBy;
        this.filedAt = filedAt;
    }

    Long getId() { return id; }
    Long getCaseId() { return caseId; }
    String getKind() { return kind; }
    String getText() { return text; }
    String getSha256() { return sha256; }
    String getFiledBy() { return filedBy; }
    Instant getFiledAt() { return filedAt; }
}
