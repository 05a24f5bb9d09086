package cn.majordecision.repair;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A repair done to a case's engine state: what, on what, why, by whom, when. Never changed once written. */
@Entity
@Immutable
@Table(name = "engine_repair")
public class EngineRepair {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    @Enumerated(EnumType.STRING)
    private RepairAction action;

    private String detail;

    private String reason;

    @Column(name = "repaired_by")
    private String repairedBy;

    @Column(name = "repaired_at")
    private Instant repairedAt;

    protected EngineRepair() {
    }

    EngineRepair(Long caseId, RepairAction action, String detail, String reason, String repairedBy,
            Instant repairedAt) {
        this.caseId = caseId;
        this.action = action;
        this.detail = detail;
        this.reason = reason;
        this.repairedBy = repairedBy;
        this.repairedAt = repairedAt;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public RepairAction getAction() { return action; }
    public String getDetail() { return detail; }
    public String getReason() { return reason; }
    public String getRepairedBy() { return repairedBy; }
    public Instant getRepairedAt() { return repairedAt; }
}
