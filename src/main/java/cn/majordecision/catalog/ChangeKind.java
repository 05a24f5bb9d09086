package cn.majordecision.catalog;

/** What a change request does to an approved catalog. */
public enum ChangeKind {
    ADD("增加事项"),
    CHANGE("调整事项");

    private final String label;

    ChangeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
