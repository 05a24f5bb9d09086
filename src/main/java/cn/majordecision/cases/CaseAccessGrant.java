package cn.majordecision.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Lets the officers of another unit read one case, from a head's grant until it is revoked. */
@Entity
@Table(name = "case_access_grant")
public class CaseAccessGrant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    private String unit;

    private String reason;

    @Column(name = "granted_by")
    private String grantedBy;

    @Column(name = "granted_at")
    private Instant grantedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected CaseAccessGrant() {
    }

    CaseAccessGrant(Long caseId, String unit, String reason, String grantedBy, Instant grantedAt) {
        this.caseId = caseId;
        this.unit = unit;
        this.reason = reason;
        this.grantedBy = grantedBy;
        this.grantedAt = grantedAt;
    }

    void revoke(String by, Instant at) {
        this.revokedBy = by;
        this.revokedAt = at;
    }

    public boolean isActive() { return revokedAt == null; }
    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public String getUnit() { return unit; }
    public String getReason() { return reason; }
    public String getGrantedBy() { return grantedBy; }
    public Instant getGrantedAt() { return grantedAt; }
    public String getRevokedBy() { return revokedBy; }
    public Instant getRevokedAt() { return revokedAt; }
}
