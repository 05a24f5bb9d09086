package cn.majordecision.execution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** A post-decision evaluation (Art. 36): why it was opened, who evaluates, and its report, written once. */
@Entity
@Table(name = "decision_evaluation")
class DecisionEvaluation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "trigger_kind")
    private String trigger;

    @Column(name = "evaluator_unit")
    private String evaluatorUnit;

    private String reason;

    @Column(name = "opened_by")
    private String openedBy;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "trigger_basis")
    private String triggerBasis;

    @Lob
    @Column(name = "report_json")
    private String reportJson;

    @Column(name = "report_sha256")
    private String reportSha256;

    @Column(name = "reported_by")
    private String reportedBy;

    @Column(name = "reported_at")
    private Instant reportedAt;

    protected DecisionEvaluation() {
    }

    DecisionEvaluation(Long caseId, String trigger, String triggerBasis, String evaluatorUnit, String reason,
            String openedBy, Instant openedAt) {
        this.caseId = caseId;
        this.triggerBasis = triggerBasis;
        this.trigger = trigger;
        this.evaluatorUnit = evaluatorUnit;
        this.reason = reason;
        this.openedBy = openedBy;
        this.openedAt = openedAt;
    }

    void report(String json, String sha256, String by, Instant at) {
        if (reportJson != null) {
            throw cn.majordecision.shared.DomainException.conflict("EVALUATION_ALREADY_REPORTED",
                    "该评估已于 %s 提交报告，报告不能修改；如需补充，请另行启动评估。".formatted(reportedAt));
        }
        this.reportJson = json;
        this.reportSha256 = sha256;
        this.reportedBy = by;
        this.reportedAt = at;
    }

    Long getId() { return id; }
    Long getCaseId() { return caseId; }
    String getTrigger() { return trigger; }
    String getEvaluatorUnit() { return evaluatorUnit; }
    String getTriggerBasis() { return triggerBasis; }
    String getReason() { return reason; }
    String getOpenedBy() { return openedBy; }
    Instant getOpenedAt() { return openedAt; }
    String getReportJson() { return reportJson; }
    String getReportSha256() { return reportSha256; }
    String getReportedBy() { return reportedBy; }
    Instant getReportedAt() { return reportedAt; }
}
