package cn.majordecision.cases;

import java.util.List;
import java.util.stream.Collectors;

/** The flags that can switch a statutory stage off, what that costs, and the words that ask for their basis. */
public final class SkipBases {

    /** Each needs a basis when it switches its stage off (see {@link CaseFlags#skips(String, boolean)}). */
    public static final List<String> SKIPPABLE = List.of("nonPublic", "technical", "stabilityRisk",
            "priorRiskAssessment");

    private SkipBases() {
    }

    /** What the skipping value of the flag leaves out, with the article that would otherwise require it. */
    public static String consequence(String flag) {
        return switch (flag) {
            case "nonPublic" -> "不进行公众参与（第十四条）和决策公布（第三十二条）";
            case "technical" -> "不进行专家论证（第十九条）";
            case "stabilityRisk" -> "不进行风险评估（第二十二条）";
            case "priorRiskAssessment" -> "不再重复进行风险评估（第二十二条第二款）";
            default -> "不跳过任何程序";
        };
    }

    /** The grounds of the flag, quoted and separated, for messages. */
    public static String choices(String flag) {
        return SkipBasisCode.forFlag(flag).stream().map(c -> "“" + c.label() + "”").collect(Collectors.joining("、"));
    }

    /** What the statement must name for this ground. */
    public static String hint(SkipBasisCode code) {
        return switch (code) {
            case PRIOR_CASE -> "写明已作风险评估的决策事项编号及评估结论。";
            case PRIOR_REPORT -> "写明已有评价、评估报告的名称、文号或出具单位和日期。";
            case NOT_TECHNICAL -> "说明本事项为何不涉及专业性、技术性较强的问题。";
            case NO_STABILITY_IMPACT -> "说明本事项为何不会对社会稳定、公共安全等方面造成不利影响。";
            default -> "写明所依据的法律法规条款或所属的密级、类别。";
        };
    }
}
