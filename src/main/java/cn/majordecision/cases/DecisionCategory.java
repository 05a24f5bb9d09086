package cn.majordecision.cases;

/** The five categories of major decisions in Art. 3. */
public enum DecisionCategory {
    PUBLIC_POLICY("重大公共政策和措施"),
    PLAN("重要规划"),
    RESOURCES("重大自然资源、文化遗产保护利用"),
    CONSTRUCTION("重大公共建设项目"),
    OTHER("其他重大事项");

    private final String label;

    DecisionCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
