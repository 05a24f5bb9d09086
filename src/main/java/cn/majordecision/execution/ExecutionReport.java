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

    @Lob
    @Column(name = "answer_text")
    private String answer;

    @Column(name = "answered_by")
    private String answeredBy;

    @Column(name = "answered_at")
    private Instant answeredAt;

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

    /** The decision organ's answer to a problem report (Art. 35), given once. */
    void answer(String text, String by, Instant at) {
        if (!"PROBLEM".equals(kind)) {
            throw cn.majordecision.shared.DomainException.conflict("NOT_A_PROBLEM_REPORT",
                    "这是一份执行情况报告，不是执行中发现的问题，无需答复。");
        }
        if (answeredAt != null) {
            throw cn.majordecision.shared.DomainException.conflict("PROBLEM_ALREADY_ANSWERED",
                    "该问题报告已由 %s 答复，答复不能修改。".formatted(answeredBy));
        }
        this.answer = text;
        this.answeredBy = by;
        this.answeredAt = at;
    }

    boolean awaitsAnswer() {
        return "PROBLEM".equals(kind) && answeredAt == null;
    }

    Long getId() { return id; }
    Long getCaseId() { return caseId; }
    String getKind() { return kind; }
    String getText() { return text; }
    String getSha256() { return sha256; }
    String getFiledBy() { return filedBy; }
    Instant getFiledAt() { return filedAt; }
    String getAnswer() { return answer; }
    String getAnsweredBy() { return answeredBy; }
    Instant getAnsweredAt() { return answeredAt; }
}
