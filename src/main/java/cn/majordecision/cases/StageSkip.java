package cn.majordecision.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.hibernate.annotations.Immutable;

/**
 * A conditional stage that did not run, with the flag that decided it, who set that flag and the basis given for it;
 * the reason is that basis as the officer stated it.
 */
@Entity
@Immutable
@Table(name = "stage_skip")
public class StageSkip {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    @Enumerated(EnumType.STRING)
    private Stage stage;

    private String flag;

    @Column(name = "flag_value")
    private boolean flagValue;

    @Column(name = "flag_set_by")
    private String flagSetBy;

    private String reason;

    @Column(name = "basis_code")
    private String basisCode;

    @Column(name = "basis_text")
    private String basisText;

    @Column(name = "skipped_at")
    private Instant skippedAt;

    protected StageSkip() {
    }

    StageSkip(Long caseId, Stage stage, String flag, boolean flagValue, String flagSetBy, String reason,
            SkipBasis basis, Instant skippedAt) {
        this.caseId = caseId;
        this.stage = stage;
        this.flag = flag;
        this.flagValue = flagValue;
        this.flagSetBy = flagSetBy;
        this.reason = reason;
        this.basisCode = basis == null ? null : basis.code().name();
        this.basisText = basis == null ? null : basis.text();
        this.skippedAt = skippedAt;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public Stage getStage() { return stage; }
    public String getFlag() { return flag; }
    public boolean isFlagValue() { return flagValue; }
    public String getFlagSetBy() { return flagSetBy; }
    public String getReason() { return reason; }
    /** The basis the flag was given when the stage was skipped; none for an ordinary flag or an old record. */
    public Optional<SkipBasis> basis() {
        return SkipBasisCode.find(basisCode).map(code -> new SkipBasis(code, basisText));
    }
    public Instant getSkippedAt() { return skippedAt; }
}
