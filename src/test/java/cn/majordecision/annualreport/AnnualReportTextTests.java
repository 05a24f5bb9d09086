package cn.majordecision.annualreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's text over varied numbers: each sentence says what its numbers show, and flips when they change. */
class AnnualReportTextTests {

    private static final Instant NOW = Instant.parse("2026-01-15T02:00:00Z");

    @Test
    void saysEveryDecidedCaseFollowedEveryStageOnlyWhenEachDid() {
        // given two decided cases that both went through every stage
        Map<String, Long> numbers = decided(2, 2, 2, 2, 2);

        // then
        assertThat(text(numbers)).contains("本年度经集体讨论作出决定的事项2件，均履行了公众参与、专家论证、风险评估和合法性审查程序。");

        // given one of them skipped the expert review on its basis
        numbers.put("decided.EXPERT_REVIEW.performed", 1L);
        numbers.put("decided.EXPERT_REVIEW.skipped", 1L);
        numbers.put("decided.EXPERT_REVIEW.skipped.basis.NOT_TECHNICAL", 1L);

        // then the "every case" covers only the others, and the skip is said with its basis
        assertThat(text(numbers)).contains("本年度经集体讨论作出决定的事项2件，均履行了公众参与、风险评估和合法性审查程序；"
                        + "专家论证：履行1件，标记为依法不适用1件（依据：“不涉及专业性、技术性较强的问题”1件）。")
                .doesNotContain("均履行了公众参与、专家论证");
    }

    @Test
    void saysAStageNeitherPerformedNorSkippedAndASkipWithoutBasis() {
        // given three decided cases: risk assessment done once, skipped once without a basis, and once neither
        Map<String, Long> numbers = decided(3, 3, 3, 1, 3);
        numbers.put("decided.RISK_ASSESSMENT.skipped", 1L);
        numbers.put("decided.RISK_ASSESSMENT.skipped.basis." + AnnualStatistics.NO_BASIS, 1L);
        numbers.put("decided.RISK_ASSESSMENT.missing", 1L);

        // then
        assertThat(text(numbers)).contains("风险评估：履行1件，标记为依法不适用1件（依据：未记录依据1件），既未履行也未标记为不适用1件。");

        // given none of them had one
        numbers.put("decided.RISK_ASSESSMENT.performed", 0L);
        numbers.put("decided.RISK_ASSESSMENT.missing", 2L);

        // then
        assertThat(text(numbers)).contains("风险评估：均未履行，标记为依法不适用1件（依据：未记录依据1件），既未履行也未标记为不适用2件。");
    }

    @Test
    void saysNoCaseWasDecidedRatherThanClaimingAnyProcedure() {
        // given nothing decided in the year
        String text = text(new LinkedHashMap<>());

        // then
        assertThat(text).contains("二、决策程序履行情况。本年度没有经集体讨论作出决定的事项。")
                .contains("没有公开征求意见的事项").contains("没有专家参与论证").contains("没有开展风险评估")
                .contains("没有作出合法性审查结论").contains("全年没有公布重大行政决策。")
                .doesNotContain("始终坚持").doesNotContain("均履行").doesNotContain("听证").doesNotContain("请示报告");
    }

    @Test
    void saysTheActivitiesWithTheirNumbers() {
        // given
        Map<String, Long> numbers = new LinkedHashMap<>();
        numbers.put("consultation.held", 2L);
        numbers.put("consultation.opinionsReceived", 9L);
        numbers.put("consultation.opinionsPublished", 8L);
        numbers.put("consultation.opinionsAdopted", 3L);
        numbers.put("hearings", 1L);
        numbers.put("experts.engaged", 5L);
        numbers.put("risk.assessments", 2L);
        numbers.put("risk.high", 0L);
        numbers.put("risk.medium", 2L);
        numbers.put("legality.reviewed", 2L);
        numbers.put("meetings", 2L);
        numbers.put("party.reports", 1L);

        // then
        assertThat(text(numbers)).contains("全年公开征求意见2件，收到公众意见9条，公开8条，采纳（含部分采纳）3条；举行听证会1场；"
                + "邀请专家参与论证5人次；开展风险评估2次，其中中风险2份；作出合法性审查结论2件；提交镇府领导班子会议集体讨论2件；"
                + "向镇党委请示报告1件。").doesNotContain("高风险").doesNotContain("修改决策草案");
    }

    @Test
    void saysPublicationOnTimeLateAndNotPublicAsCounted() {
        // given three published, all on time
        Map<String, Long> numbers = new LinkedHashMap<>();
        numbers.put("publication.published", 3L);
        numbers.put("publication.onTime", 3L);

        // then
        assertThat(text(numbers)).contains("全年公布重大行政决策3件，均在决定作出后20个工作日内公布。");

        // given one late with its reason
        numbers.put("publication.onTime", 2L);
        numbers.put("publication.late", 1L);
        assertThat(text(numbers)).contains("全年公布重大行政决策3件，其中决定作出后20个工作日内公布2件，逾期公布1件，均说明了逾期理由。");

        // given two late, one without a reason, and one case not public
        numbers.put("publication.onTime", 1L);
        numbers.put("publication.late", 2L);
        numbers.put("publication.lateUnexplained", 1L);
        numbers.put("steps.PUBLICATION.skipped", 1L);
        numbers.put("steps.PUBLICATION.skipped.basis.STATE_SECRET", 1L);
        assertThat(text(numbers)).contains("全年公布重大行政决策3件，其中决定作出后20个工作日内公布1件，逾期公布2件，其中1件未说明理由；"
                + "依法不予公开1件（依据：“涉及国家秘密”1件）。");
    }

    @Test
    void countsSuspensionsResumptionsAdjustmentsAndTerminationsApart() {
        // given
        Map<String, Long> numbers = new LinkedHashMap<>();
        numbers.put("after.evaluations", 0L);
        numbers.put("after.suspensions", 2L);
        numbers.put("after.resumptions", 1L);
        numbers.put("after.adjustments", 1L);
        numbers.put("after.terminations", 1L);

        // then
        assertThat(text(numbers)).contains("四、决策执行和后评估。全年没有开展决策后评估；暂停执行决策2次，暂停后恢复执行1次，调整决策1件，"
                + "停止执行（终止）决策1件。");

        // given only a suspension
        numbers.put("after.resumptions", 0L);
        numbers.put("after.adjustments", 0L);
        numbers.put("after.terminations", 0L);
        numbers.put("after.suspensions", 1L);
        assertThat(text(numbers)).contains("暂停执行决策1次。").doesNotContain("停止执行（终止）").doesNotContain("调整决策");

        // given nothing
        numbers.put("after.suspensions", 0L);
        assertThat(text(numbers)).contains("全年没有开展决策后评估；没有暂停执行、调整或停止执行的决策。");
    }

    @Test
    void saysTheOverallNumbersThatAreNotZero() {
        // given
        Map<String, Long> numbers = new LinkedHashMap<>();
        numbers.put("cases.filed", 4L);
        numbers.put("cases.decided", 2L);
        numbers.put("cases.pending", 2L);

        // then
        assertThat(text(numbers)).contains("2025年，银湖镇人民政府共提出重大行政决策事项4件；经集体讨论决定通过2件，年末尚在办理2件。")
                .doesNotContain("撤回").doesNotContain("不予通过");
    }

    /** A report of 2025 for the town with the given numbers (every metric listed counts that many cases). */
    private static String text(Map<String, Long> numbers) {
        List<Metric> metrics = new ArrayList<>();
        numbers.forEach((key, value) -> metrics.add(Metric.of(key, label(key), value, List.of())));
        if (!numbers.containsKey("catalog.planned")) {
            metrics.add(new Metric("catalog.planned", "列入年度决策事项目录（项）", 0, List.of(), List.of(),
                    AnnualStatistics.NO_CATALOG));
        }
        return AnnualReportText.text(new AnnualReport("银湖镇人民政府", 2025, NOW, metrics, List.of(), 20));
    }

    private static String label(String key) {
        return switch (key) {
            case "risk.high" -> "风险等级为“高”的评估报告（份）";
            case "risk.medium" -> "风险等级为“中”的评估报告（份）";
            case "risk.low" -> "风险等级为“低”的评估报告（份）";
            default -> key;
        };
    }

    /** {@code total} cases decided, with how many performed each required stage. */
    private static Map<String, Long> decided(long total, long participation, long experts, long risk, long legality) {
        Map<String, Long> numbers = new LinkedHashMap<>();
        numbers.put("decided.total", total);
        numbers.put("decided.PUBLIC_PARTICIPATION.performed", participation);
        numbers.put("decided.EXPERT_REVIEW.performed", experts);
        numbers.put("decided.RISK_ASSESSMENT.performed", risk);
        numbers.put("decided.LEGALITY_REVIEW.performed", legality);
        return numbers;
    }
}
