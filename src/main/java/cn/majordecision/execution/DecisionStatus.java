package cn.majordecision.execution;

/** Where a published decision stands: in force until suspended, adjusted or terminated (Art. 37). */
public enum DecisionStatus {
    IN_FORCE("现行有效"),
    SUSPENDED("暂停执行"),
    ADJUSTED("已调整"),
    TERMINATED("已终止");

    private final String label;

    DecisionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
