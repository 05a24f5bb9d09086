package cn.majordecision.cases;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The lawful grounds on which a flag may switch a statutory stage off (Arts. 14, 19, 22 and 32), one list per
 * skipping flag. The officer picks one and states the particulars (the law or category, the earlier case or report).
 */
public enum SkipBasisCode {
    STATE_SECRET("nonPublic", "涉及国家秘密"),
    COMMERCIAL_SECRET("nonPublic", "涉及商业秘密"),
    PERSONAL_PRIVACY("nonPublic", "涉及个人隐私"),
    ENDANGERS_SECURITY("nonPublic", "公开后可能危及国家安全、公共安全、经济安全、社会稳定"),
    LAW_FORBIDS_DISCLOSURE("nonPublic", "法律、行政法规规定不予公开"),
    NOT_TECHNICAL("technical", "不涉及专业性、技术性较强的问题"),
    NO_STABILITY_IMPACT("stabilityRisk", "实施不会对社会稳定、公共安全等方面造成不利影响"),
    PRIOR_CASE("priorRiskAssessment", "已在其他决策事项中评估"),
    PRIOR_REPORT("priorRiskAssessment", "已按有关规定进行风险评价、评估");

    private final String flag;
    private final String label;

    SkipBasisCode(String flag, String label) {
        this.flag = flag;
        this.label = label;
    }

    /** The flag whose skipping value this basis justifies. */
    public String flag() {
        return flag;
    }

    public String label() {
        return label;
    }

    public static List<SkipBasisCode> forFlag(String flag) {
        return Arrays.stream(values()).filter(c -> c.flag.equals(flag)).toList();
    }

    public static Optional<SkipBasisCode> find(String code) {
        return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
    }
}
