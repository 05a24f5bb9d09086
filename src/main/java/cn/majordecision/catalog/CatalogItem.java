package cn.majordecision.catalog;

import cn.majordecision.cases.CaseFlags;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** One item of a decision catalog (决策事项). Changed only as a draft or by an approved change request. */
@Entity
@Table(name = "catalog_item")
public class CatalogItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "catalog_id")
    private Long catalogId;

    @Column(name = "item_number")
    private String number;

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

    @Column(name = "added_by")
    private String addedBy;

    @Column(name = "added_at")
    private Instant addedAt;

    @Column(name = "changed_by")
    private String changedBy;

    @Column(name = "changed_at")
    private Instant changedAt;

    @Version
    private long version;

    protected CatalogItem() {
    }

    CatalogItem(Long catalogId, String number, ItemContent content, String addedBy, Instant addedAt) {
        this.catalogId = catalogId;
        this.number = number;
        apply(content);
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    void change(ItemContent content, String by, Instant at) {
        apply(content);
        this.changedBy = by;
        this.changedAt = at;
    }

    private void apply(ItemContent content) {
        this.title = content.title();
        this.undertakingUnit = content.undertakingUnit();
        this.legalBasis = content.legalBasis();
        this.procedures = content.procedures();
        this.plannedCompletion = content.plannedCompletion();
    }

    public Long getId() { return id; }
    public Long getCatalogId() { return catalogId; }
    public String getNumber() { return number; }
    public String getTitle() { return title; }
    public String getUndertakingUnit() { return undertakingUnit; }
    public String getLegalBasis() { return legalBasis; }
    public CaseFlags getProcedures() { return procedures; }
    public LocalDate getPlannedCompletion() { return plannedCompletion; }
    public String getAddedBy() { return addedBy; }
    public Instant getAddedAt() { return addedAt; }
    public String getChangedBy() { return changedBy; }
    public Instant getChangedAt() { return changedAt; }
}
