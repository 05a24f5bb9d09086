package cn.majordecision.catalog;

import cn.majordecision.shared.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One government's decision catalog of one year; guards DRAFT → APPROVED (party committee) → PUBLISHED. */
@Entity
@Table(name = "decision_catalog")
public class DecisionCatalog {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String government;

    @Column(name = "catalog_year")
    private int year;

    @Enumerated(EnumType.STRING)
    private CatalogStatus status;

    @Column(name = "item_sequence")
    private int itemSequence;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "approval_meeting")
    private String approvalMeeting;

    @Column(name = "approved_by")
    private String approvedBy;

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Column(name = "published_by")
    private String publishedBy;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Version
    private long version;

    protected DecisionCatalog() {
    }

    DecisionCatalog(String government, int year, String createdBy, Instant createdAt) {
        this.government = government;
        this.year = year;
        this.status = CatalogStatus.DRAFT;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** The next item number, e.g. ML-2026-03; numbers are never reused. */
    String nextItemNumber() {
        itemSequence++;
        return "ML-%d-%02d".formatted(year, itemSequence);
    }

    /** Items are written directly only while the catalog is a draft; afterwards only by an approved change request. */
    void requireDraft() {
        if (status != CatalogStatus.DRAFT) {
            throw DomainException.conflict("CATALOG_NOT_DRAFT", "%d 年度决策事项目录当前状态为“%s”，不能直接修改；"
                    .formatted(year, status.label()) + "增加或调整事项请提出调整申请，经党委同意后生效。");
        }
    }

    void requireApproved() {
        if (status == CatalogStatus.DRAFT) {
            throw DomainException.conflict("CATALOG_NOT_APPROVED", "%d 年度决策事项目录当前状态为“%s”，尚未经党委同意，可直接修改草稿，无需提出调整申请。"
                    .formatted(year, status.label()));
        }
    }

    void approve(String meeting, String by, Instant at) {
        if (status != CatalogStatus.DRAFT) {
            throw DomainException.conflict("CATALOG_ALREADY_APPROVED",
                    "%d 年度决策事项目录当前状态为“%s”，已经党委同意，不能再次审定。".formatted(year, status.label()));
        }
        this.status = CatalogStatus.APPROVED;
        this.approvalMeeting = meeting;
        this.approvedBy = by;
        this.approvedAt = at;
    }

    void publish(String by, Instant at) {
        if (status != CatalogStatus.APPROVED) {
            throw DomainException.conflict("CATALOG_NOT_PUBLISHABLE", status == CatalogStatus.DRAFT
                    ? "%d 年度决策事项目录当前状态为“%s”，须经党委同意后才能公布。".formatted(year, status.label())
                    : "%d 年度决策事项目录当前状态为“%s”，不能重复公布。".formatted(year, status.label()));
        }
        this.status = CatalogStatus.PUBLISHED;
        this.publishedBy = by;
        this.publishedAt = at;
    }

    public boolean isApproved() {
        return status != CatalogStatus.DRAFT;
    }

    public Long getId() { return id; }
    public String getGovernment() { return government; }
    public int getYear() { return year; }
    public CatalogStatus getStatus() { return status; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public String getApprovalMeeting() { return approvalMeeting; }
    public String getApprovedBy() { return approvedBy; }
    public Instant getApprovedAt() { return approvedAt; }
    public String getPublishedBy() { return publishedBy; }
    public Instant getPublishedAt() { return publishedAt; }
}
