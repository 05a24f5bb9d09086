package cn.majordecision.catalog;

/** A change request to an approved catalog: proposed by an officer, then approved or rejected by the party committee. */
public enum ChangeStatus {
    PROPOSED("待党委审定"),
    APPROVED("党委已同意"),
    REJECTED("党委不同意");

    private final String label;

    ChangeStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
