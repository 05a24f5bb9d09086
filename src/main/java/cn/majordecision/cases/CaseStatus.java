package cn.majordecision.cases;

/** Where a case stands as a whole; every status but ACTIVE is final. */
public enum CaseStatus {
    ACTIVE("办理中"),
    NOT_LAUNCHED("不予启动"),
    WITHDRAWN("已撤回"),
    REJECTED("会议决定不予通过"),
    PARTY_DISAGREED("党委不同意"),
    CONGRESS_NOT_APPROVED("人大未通过"),
    LAPSED("暂缓期满终止"),
    ARCHIVED("已归档");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
