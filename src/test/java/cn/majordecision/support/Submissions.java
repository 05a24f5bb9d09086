package cn.majordecision.support;

import cn.majordecision.calendar.Deadlines;
import cn.majordecision.shared.ApplicationClock;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Valid form data for every task form, which a test changes only where its point lies. */
public final class Submissions {

    /** The reason {@link #meeting(String)} gives for meeting fewer than 7 working days after the package. */
    public static final String SHORT_REVIEW_REASON = "防汛工程须在汛期前开工，经审查机构同意提前提交会议讨论";

    private Submissions() {
    }

    /** The application's clock as this JVM's system properties set it (shifted or not), for code outside Spring. */
    public static Clock clock() {
        return ApplicationClock.fromSystemProperties();
    }

    /** Today in China on the application's clock. */
    public static LocalDate today() {
        return LocalDate.now(clock().withZone(Deadlines.CHINA));
    }

    /**
     * A filing outside the catalog with these flags; expert review and risk assessment are off unless the flags turn
     * them on, and every flag that switches a stage off carries a basis ({@link #skipBases(Map)}).
     */
    public static Map<String, Object> fileCase(String title, Map<String, Boolean> flags) {
        Map<String, Boolean> all = new HashMap<>(flags);
        all.putIfAbsent("technical", false);
        all.putIfAbsent("stabilityRisk", false);
        Map<String, Object> filing = new HashMap<>(Map.of(
                "title", title,
                "category", "CONSTRUCTION",
                "proposerType", "DEPARTMENT",
                "undertakingUnit", "镇规划建设办",
                "problem", "中心街路面破损，雨季积水。",
                "reasonsAndBasis", "《中华人民共和国公路法》。",
                "initialPlan", "分段改造1.8公里路面并新建雨污分流管网。",
                "necessityAndFeasibility", "群众反映强烈，资金已落实。",
                "outsideCatalogReason", "年度决策事项目录编制后新发生的事项。",
                "flags", all));
        filing.put("skipBases", skipBases(all));
        return filing;
    }

    /** A filing against a catalog item that leaves the flags to the item. */
    public static Map<String, Object> fileAgainstItem(String title, String item) {
        Map<String, Object> filing = fileCase(title, Map.of());
        filing.remove("outsideCatalogReason");
        filing.remove("flags");
        filing.remove("skipBases");
        filing.put("catalogItem", item);
        return filing;
    }

    /** A basis from the fixed list, with its particulars, for each flag whose value switches a stage off. */
    public static Map<String, Object> skipBases(Map<String, Boolean> flags) {
        Map<String, Object> bases = new HashMap<>();
        if (Boolean.TRUE.equals(flags.get("nonPublic"))) {
            bases.put("nonPublic", basis("STATE_SECRET", "依据《中华人民共和国保守国家秘密法》第十三条，本事项的选址资料属秘密级国家秘密。"));
        }
        if (Boolean.FALSE.equals(flags.get("technical"))) {
            bases.put("technical", basis("NOT_TECHNICAL", "本事项为常规管理事项，不涉及专业性、技术性较强的问题。"));
        }
        if (Boolean.FALSE.equals(flags.get("stabilityRisk"))) {
            bases.put("stabilityRisk", basis("NO_STABILITY_IMPACT", "本事项影响范围小，不涉及群众切身利益，不会影响社会稳定。"));
        }
        if (Boolean.TRUE.equals(flags.get("priorRiskAssessment"))) {
            bases.put("priorRiskAssessment", basis("PRIOR_REPORT", "县综治办出具的《社会稳定风险评估报告》（县稳评〔2025〕12号）。"));
        }
        return bases;
    }

    public static Map<String, Object> basis(String code, String text) {
        return map("code", code, "text", text);
    }

    /** The head launches the case, confirming its flags and their bases. */
    public static Map<String, Object> launch() {
        return map("launchDecision", "launch", "undertakingUnit", "镇规划建设办", "leadUnit", "镇规划建设办",
                "flagsConfirmed", true);
    }

    public static Map<String, Object> draft() {
        return map("draftText", "实施方案（草案）第一稿", "draftExplanation", "起草说明", "lawsReviewed", "《公路法》");
    }

    /** The submission with one more answer in it, such as the action chosen on a task. */
    public static Map<String, Object> withAction(String key, String value, Map<String, Object> data) {
        data.put(key, value);
        return data;
    }

    public static Map<String, Object> revision(String text) {
        return map("draftText", text, "draftExplanation", "起草说明（修改稿）", "changeSummary", "按意见修改");
    }

    /**
     * A lawful notice: 30 days from today, the day it is recorded (a notice cannot start before it is published). The
     * consultation then runs until its timer fires; tests end it with {@code EngineTime#closeConsultation}.
     */
    public static Map<String, Object> consultationNotice() {
        LocalDate start = today();
        return map("channels", List.of("website"), "howToSubmit", "网站留言", "periodStart", start.toString(),
                "periodEnd", start.plusDays(30).toString());
    }

    /** A hearing announced for today, its list published 8 and its materials sent 7 days before (Art. 16). */
    public static Map<String, Object> hearingNotice() {
        LocalDate hearing = today();
        return map("selectionMethod", "自愿报名、随机抽取", "participants", List.of(map("name", "沿街商户代表", "affiliation", "中心街")),
                "publishedOn", hearing.minusDays(8).toString(), "hearingDate", hearing.toString(),
                "materialsSentOn", hearing.minusDays(7).toString());
    }

    /** The hearing of {@link #hearingNotice()}, held today and recorded the same day. */
    public static Map<String, Object> hearingRecord() {
        return map("heldOn", today().toString(), "recordSummary", "听证笔录摘要",
                "confirmations", List.of(map("name", "沿街商户代表", "confirmed", true)));
    }

    public static Map<String, Object> opinionHandling() {
        return map("opinionsReceived", 2, "opinions", List.of(
                map("summary", "建议夜间施工", "count", 1, "handling", "notAdopted", "reason", "夜间施工扰民"),
                map("summary", "建议保留停车位", "count", 1, "handling", "adopted")));
    }

    public static Map<String, Object> expertSelection(List<String> experts) {
        return map("experts", experts.stream().map(id -> map("userId", id, "name", id)).toList(),
                "noDirectInterest", true, "differingViewsIncluded", true);
    }

    public static Map<String, Object> expertOpinion(String name) {
        return map("necessity", "必要", "feasibility", "可行", "soundness", "科学", "conclusion", "support",
                "signature", name, "signed", true);
    }

    public static Map<String, Object> expertAdoption() {
        return expertAdoption(List.of("陈明", "刘洋", "𠮷祥"));
    }

    /** One adoption answer per expert (name or account), the first adopted, the others not, each with a reason. */
    public static Map<String, Object> expertAdoption(List<String> experts) {
        List<Map<String, Object>> adoptions = new java.util.ArrayList<>();
        for (int i = 0; i < experts.size(); i++) {
            adoptions.add(i == 0 ? map("expert", experts.get(i), "handling", "adopted", "reason", "意见合理，已据此完善方案")
                    : map("expert", experts.get(i), "handling", "notAdopted", "reason", "与上级规划要求不符"));
        }
        return map("adoptions", adoptions);
    }

    public static Map<String, Object> riskAssessment(String verdict) {
        return map("risks", List.of(map("point", "施工期间交通受阻", "measures", "分段施工，设置绕行线路")),
                "contingencyPlan", "应急预案", "riskLevel", "medium", "riskVerdict", verdict, "assessor", "镇综治办",
                "methods", List.of("visits", "consultation"));
    }

    public static Map<String, Object> legalityPackage() {
        return map("legalBasis", "《公路法》第八条", "materials", List.of("draft", "explanation", "legalBasis", "procedureStatement"),
                "procedureStatementConfirmed", true);
    }

    public static Map<String, Object> legalityPackageWithFairCompetitionReview() {
        Map<String, Object> data = legalityPackage();
        data.put("fairCompetitionReview", "经审查，不含排除、限制竞争的内容");
        return data;
    }

    public static Map<String, Object> materialsCheck(String decision) {
        return "return".equals(decision) ? map("materialsDecision", "return", "missingMaterials", "缺少风险评估报告")
                : map("materialsDecision", "accept");
    }

    public static Map<String, Object> legalOpinion() {
        return map("adviserName", "孙丽", "adviserRole", "legalAdviser", "opinion", "未发现违法情形");
    }

    public static Map<String, Object> legalityConclusion(String conclusion) {
        Map<String, Object> data = map("authorityFinding", "lawful", "procedureFinding", "lawful", "contentFinding",
                "lawful", "legalityConclusion", conclusion, "opinionText", "合法性审查意见书");
        if (!"lawful".equals(conclusion)) {
            data.put("contentFinding", "problem");
            data.put("contentNote", "部分条款缺乏上位法依据");
        }
        if ("exploratory".equals(conclusion)) {
            data.put("legalRisk", "无明确上位法依据，存在被撤销的风险");
        }
        return data;
    }

    /**
     * A meeting held today. Tests submit the legality package the same day, fewer than the 7 working days Art. 26
     * generally requires, so the record states why (remove {@code shortReviewReason} to see the refusal).
     */
    public static Map<String, Object> meeting(String decision) {
        Map<String, Object> data = map("meetingDate", today().toString(), "meetingType", "executive", "chair", "张伟",
                "membersPresent", List.of(member("张伟", decision), member("李明", decision), member("王红", decision)),
                "membersAbsent", List.of(map("name", "赵刚", "absenceReason", "出差")),
                "meetingDecision", decision, "minutes", "会议纪要",
                "shortReviewReason", SHORT_REVIEW_REASON);
        if ("defer".equals(decision)) {
            data.put("deferUntilDate", today().plusDays(30).toString());
        }
        return data;
    }

    public static Map<String, Object> member(String name, String view) {
        return map("name", name, "view", view);
    }

    public static Map<String, Object> partyReport() {
        return map("reportTitle", "关于中心街道路改造工程的请示", "reportText", "请示正文", "submittedOn", today().toString());
    }

    public static Map<String, Object> partyAnswer(String answer) {
        return "agree".equals(answer) ? map("partyAnswer", "agree", "meetingDate", today().toString())
                : map("partyAnswer", answer, "meetingDate", today().toString(), "opinion", "请进一步论证");
    }

    public static Map<String, Object> congressDecision(String decision) {
        return map("congressDecision", decision, "decidedOn", today().toString());
    }

    public static Map<String, Object> publication() {
        return map("documentNumber", "银政发〔2026〕12号", "publishedOn", today().toString(), "channels", List.of("website"),
                "links", "https://www.yinhu.gov.cn/zwgk/jc/2026-12.html", "adoptionStatement", "公众意见采纳情况详见附件");
    }

    public static Map<String, Object> archive() {
        return map("archiveNumber", "WS-2026-0012", "handedOverOn", today().toString(), "itemCount", 25);
    }

    public static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
