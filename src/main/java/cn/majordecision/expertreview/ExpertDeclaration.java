package cn.majordecision.expertreview;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An expert's declaration on one case: no conflict, or the interest they have in it (Art. 20). Never changed. */
@Entity
@Table(name = "expert_declaration")
public class ExpertDeclaration {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "expert_user_id")
    private String expertUserId;

    @Column(name = "task_id")
    private String taskId;

    @Column(name = "no_conflict")
    private boolean noConflict;

    private String interest;

    @Column(name = "declared_at")
    private Instant declaredAt;

    protected ExpertDeclaration() {
    }

    ExpertDeclaration(Long caseId, String expertUserId, String taskId, boolean noConflict, String interest,
            Instant declaredAt) {
        this.caseId = caseId;
        this.expertUserId = expertUserId;
        this.taskId = taskId;
        this.noConflict = noConflict;
        this.interest = interest;
        this.declaredAt = declaredAt;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public String getExpertUserId() { return expertUserId; }
    public String getTaskId() { return taskId; }
    public boolean isNoConflict() { return noConflict; }
    public String getInterest() { return interest; }
    public Instant getDeclaredAt() { return declaredAt; }
}
