package cn.majordecision.catalog;

/** Events of the decision catalog; the audit log records each in the transaction of the change. */
public final class CatalogEvents {

    private CatalogEvents() {
    }

    /** An officer added or changed an item of a draft catalog. */
    public record ItemDrafted(int year, String itemNumber, String title, boolean added, String by) {
    }

    /** The party committee approved a year's catalog. */
    public record CatalogApproved(int year, String government, String meeting, int items, String by) {
    }

    /** An approved catalog was published. */
    public record CatalogPublished(int year, String government, int items, String by) {
    }

    /** An officer proposed to add or change an item of an approved catalog. */
    public record ChangeProposed(int year, long requestId, ChangeKind kind, String itemNumber, String reason, String by) {
    }

    /** The party committee approved (and so applied) or rejected a change request. */
    public record ChangeDecided(int year, long requestId, ChangeKind kind, String itemNumber, boolean approved,
            String opinion, String by) {
    }
}
