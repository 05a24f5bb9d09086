package cn.majordecision.cases;

import java.util.Map;

/** Chinese names of the case flags, for records and messages. */
public final class FlagLabels {

    private static final Map<String, String> LABELS = Map.of(
            "nonPublic", "依法不予公开",
            "technical", "专业性、技术性较强",
            "stabilityRisk", "可能影响社会稳定、公共安全",
            "priorRiskAssessment", "已有有效的风险评估",
            "hearing", "举行听证会",
            "marketActivity", "涉及市场主体经济活动",
            "congressApproval", "须提请人大审议",
            "exploratoryReform", "探索性改革事项");

    private FlagLabels() {
    }

    public static String of(String flag) {
        return LABELS.getOrDefault(flag, flag);
    }
}
