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

    /** The value of each flag that lets its stage be skipped (nonPublic set, technical not set, ...). */
    private static final Map<String, Boolean> SKIPPING_VALUE = Map.of(
            "nonPublic", true,
            "technical", false,
            "stabilityRisk", false,
            "priorRiskAssessment", true,
            "congressApproval", false);

    private FlagLabels() {
    }

    /** Whether {@code value} of {@code flag} lets the stage it controls be skipped. */
    public static boolean skips(String flag, boolean value) {
        Boolean skipping = SKIPPING_VALUE.get(flag);
        return skipping != null && skipping == value;
    }

    public static String of(String flag) {
        return LABELS.getOrDefault(flag, flag);
    }
}
