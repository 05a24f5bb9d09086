package cn.majordecision.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.hibernate.annotations.Immutable;

/**
 * One change of one case flag by an officer, before the stage it controls started; a change that switches a stage
 * off carries its basis.
 */
@Entity
@Immutable
@Table(name = "flag_revision")
public class FlagRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    private String flag;

    @Column(name = "old_value")
    private boolean oldValue;

    @Column(name = "new_value")
    private boolean newValue;

    private String reason;

    @Column(name = "basis_code")
    private String basisCode;

    @Column(name = "basis_text")
    private String basisText;

    @Column(name = "revised_by")
    private String revisedBy;

    @Column(name = "revised_at")
    private Instant revisedAt;

    protected FlagRevision() {
    }

    FlagRevision(Long caseId, String flag, boolean oldValue, boolean newValue, String reason, SkipBasis basis,
            String revisedBy, Instant revisedAt) {
        this.caseId = caseId;
        this.flag = flag;
        this.oldValue = oldValue;
        this.newValue = newValue;
        this.reason = reason;
        this.basisCode = basis == null ? null : basis.code().name();
        this.basisText = basis == null ? null : basis.text();
        this.revisedBy = revisedBy;
        this.revisedAt = revisedAt;
    }

    public String getFlag() { return flag; }
    public boolean isOldValue() { return oldValue; }
    public boolean isNewValue() { return newValue; }
    public String getReason() { return reason; }
    public Optional<SkipBasis> basis() {
        return SkipBasisCode.find(basisCode).map(code -> new SkipBasis(code, basisText));
    }
    public String getRevisedBy() { return revisedBy; }
    public Instant getRevisedAt() { return revisedAt; }
}
