package cn.majordecision.catalog;

/** Where a year's catalog stands: drafted, approved by the party committee, published. */
public enum CatalogStatus {
    DRAFT("草拟中"),
    APPROVED("已经党委同意"),
    PUBLISHED("已公布");

    private final String label;

    CatalogStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
