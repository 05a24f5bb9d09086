package cn.majordecision.cases;

/** Who proposed the decision (Art. 10). */
public enum ProposerType {
    LEADER("决策机关领导人员"),
    DEPARTMENT("政府部门或下一级人民政府"),
    DEPUTY("人大代表、政协委员"),
    CITIZEN("公民、法人或者其他组织");

    private final String label;

    ProposerType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
