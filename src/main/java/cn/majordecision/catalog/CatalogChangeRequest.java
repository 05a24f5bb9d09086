package cn.majordecision.catalog;

import cn.majordecision.cases.CaseFlags;
import cn.majordecision.shared.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An officer's proposal to add an item to, or change an item of, an approved catalog. It applies only once the party
 * committee approves it; a decided request is never changed again.
 */
@Entity
@Table(name = "catalog_change_request")
public class CatalogChangeRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "catalog_id")
    private Long catalogId;

    @Enumerated(EnumType.STRING)
    private ChangeKind kind;

    /** The item changed; for an addition, the number it got when approved. */
    @Column(name = "item_number")
    private String itemNumber;

    private String title;

    @Column(name = "undertaking_unit")
    private String undertakingUnit;

    @Lob
    @Column(name = "legal_basis")
    private String legalBasis;

    @Embedded
    private CaseFlags procedures;

    @Column(name = "planned_completion")
    private LocalDate plannedCompletion;

    private String reason;

    @Enumerated(EnumType.STRING)
    private ChangeStatus status;

    @Column(name = "proposed_by")
    private String proposedBy;

    @Column(name = "proposed_at")
    private Instant proposedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    private String opinion;

    @Version
    private long version;

    protected CatalogChangeRequest() {
    }

    CatalogChangeRequest(Long catalogId, ChangeKind kind, String itemNumber, ItemContent content, String reason,
            String proposedBy, Instant proposedAt) {
        this.catalogId = catalogId;
        this.kind = kind;
        this.itemNumber = itemNumber;
        this.title = content.title();
        this.undertakingUnit = content.undertakingUnit();
        this.legalBasis = content.legalBasis();
        this.procedures = content.procedures();
        this.plannedCompletion = content.plannedCompletion();
        this.reason = reason;
        this.status = ChangeStatus.PROPOSED;
        this.proposedBy = proposedBy;
        this.proposedAt = proposedAt;
    }

    void decide(boolean approved, String opinion, String by, Instant at) {
        if (status != ChangeStatus.PROPOSED) {
            throw DomainException.conflict("CHANGE_ALREADY_DECIDED",
                    "该调整申请当前状态为“%s”，不能再次审定。".formatted(status.label()));
        }
        this.status = approved ? ChangeStatus.APPROVED : ChangeStatus.REJECTED;
        this.opinion = opinion;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    void assignItem(String number) {
        this.itemNumber = number;
    }

    ItemContent content() {
        return new ItemContent(title, undertakingUnit, legalBasis, procedures, plannedCompletion);
    }

    public Long getId() { return id; }
    public Long getCatalogId() { return catalogId; }
    public ChangeKind getKind() { return kind; }
    public String getItemNumber() { return itemNumber; }
    public String getReason() { return reason; }
    public ChangeStatus getStatus() { return status; }
    public String getProposedBy() { return proposedBy; }
    public Instant getProposedAt() { return proposedAt; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getOpinion() { return opinion; }
}
