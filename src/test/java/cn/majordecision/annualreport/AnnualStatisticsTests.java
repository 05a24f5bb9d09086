package cn.majordecision.annualreport;

import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.annualreport.ReportFacts.CaseFacts;
import cn.majordecision.annualreport.ReportFacts.Opinions;
import cn.majordecision.annualreport.ReportFacts.Record;
import cn.majordecision.annualreport.ReportFacts.Skip;
import cn.majordecision.forms.FormCatalog;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A whole year of cases built in memory, and every number of the annual report checked against it. */
class AnnualStatisticsTests {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOVERNMENT = "银湖镇人民政府";
    private static final Instant NOW = Instant.parse("2026-01-15T02:00:00Z");

    private long nextId = 1;

    @Test
    void countsEveryNumberOfAYearFromItsRecords() {
        // given a year of cases, some of them straddling the years
        AnnualReport report = compute(yearOfCases(), new AfterDecisionStatistics.Counts(List.of("YHZ-2025-001"),
                List.of("YHZ-2024-010", "YHZ-2024-010")), statusChanges());

        // then
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("cases.filed", List.of("YHZ-2025-001", "YHZ-2025-002", "YHZ-2025-003", "YHZ-2025-004", "YHZ-2025-006"));
        expected.put("cases.decided", List.of("YHZ-2025-001"));
        expected.put("cases.rejected", List.of("YHZ-2025-002"));
        expected.put("cases.withdrawn", List.of("YHZ-2025-003"));
        expected.put("cases.pending", List.of("YHZ-2024-011", "YHZ-2025-004", "YHZ-2025-006"));
        // the cases decided in 2025 against the stages required before a decision, skips by their bases
        expected.put("decided.total", List.of("YHZ-2025-001", "YHZ-2025-002"));
        expected.put("decided.PUBLIC_PARTICIPATION.performed", List.of("YHZ-2025-001"));
        expected.put("decided.PUBLIC_PARTICIPATION.skipped", List.of("YHZ-2025-002"));
        expected.put("decided.PUBLIC_PARTICIPATION.skipped.basis.STATE_SECRET", List.of("YHZ-2025-002"));
        expected.put("decided.PUBLIC_PARTICIPATION.missing", List.of());
        expected.put("decided.EXPERT_REVIEW.performed", List.of("YHZ-2025-001"));
        expected.put("decided.EXPERT_REVIEW.skipped", List.of("YHZ-2025-002"));
        expected.put("decided.EXPERT_REVIEW.skipped.basis.NOT_TECHNICAL", List.of("YHZ-2025-002"));
        expected.put("decided.EXPERT_REVIEW.missing", List.of());
        expected.put("decided.RISK_ASSESSMENT.performed", List.of("YHZ-2025-001"));
        expected.put("decided.RISK_ASSESSMENT.skipped", List.of("YHZ-2025-002"));
        expected.put("decided.RISK_ASSESSMENT.skipped.basis.NO_STABILITY_IMPACT", List.of("YHZ-2025-002"));
        expected.put("decided.RISK_ASSESSMENT.missing", List.of());
        expected.put("decided.LEGALITY_REVIEW.performed", List.of("YHZ-2025-001", "YHZ-2025-002"));
        expected.put("decided.LEGALITY_REVIEW.skipped", List.of());
        expected.put("decided.LEGALITY_REVIEW.missing", List.of());
        expected.put("steps.PUBLIC_PARTICIPATION.performed", List.of("YHZ-2025-001", "YHZ-2025-004"));
        expected.put("steps.PUBLIC_PARTICIPATION.skipped", List.of("YHZ-2025-002"));
        expected.put("steps.PUBLIC_PARTICIPATION.skipped.basis.STATE_SECRET", List.of("YHZ-2025-002"));
        expected.put("steps.EXPERT_REVIEW.performed", List.of("YHZ-2025-001"));
        expected.put("steps.EXPERT_REVIEW.skipped", List.of("YHZ-2025-002", "YHZ-2025-003"));
        // a skip recorded before bases were required
        expected.put("steps.EXPERT_REVIEW.skipped.basis.NONE", List.of("YHZ-2025-003"));
        expected.put("steps.EXPERT_REVIEW.skipped.basis.NOT_TECHNICAL", List.of("YHZ-2025-002"));
        expected.put("steps.RISK_ASSESSMENT.performed", List.of("YHZ-2024-011", "YHZ-2025-001"));
        expected.put("steps.RISK_ASSESSMENT.skipped", List.of("YHZ-2025-002"));
        expected.put("steps.RISK_ASSESSMENT.skipped.basis.NO_STABILITY_IMPACT", List.of("YHZ-2025-002"));
        expected.put("steps.LEGALITY_REVIEW.performed", List.of("YHZ-2025-001", "YHZ-2025-002"));
        expected.put("steps.LEGALITY_REVIEW.skipped", List.of());
        expected.put("steps.COLLECTIVE_DISCUSSION.performed", List.of("YHZ-2025-001", "YHZ-2025-002"));
        expected.put("steps.COLLECTIVE_DISCUSSION.skipped", List.of());
        expected.put("steps.PARTY_COMMITTEE.performed", List.of("YHZ-2024-010", "YHZ-2025-001"));
        expected.put("steps.PARTY_COMMITTEE.skipped", List.of());
        expected.put("steps.CONGRESS.performed", List.of());
        expected.put("steps.CONGRESS.skipped", List.of());
        expected.put("steps.PUBLICATION.performed", List.of("YHZ-2024-010", "YHZ-2025-001"));
        expected.put("steps.PUBLICATION.skipped", List.of("YHZ-2025-002"));
        expected.put("steps.PUBLICATION.skipped.basis.STATE_SECRET", List.of("YHZ-2025-002"));
        expected.put("consultation.held", List.of("YHZ-2025-001", "YHZ-2025-004"));
        expected.put("consultation.opinionsReceived", List.of("YHZ-2025-001", "YHZ-2025-004"));
        expected.put("consultation.opinionsPublished", List.of("YHZ-2025-001", "YHZ-2025-004"));
        expected.put("consultation.opinionsAdopted", List.of("YHZ-2025-001"));
        expected.put("hearings", List.of("YHZ-2025-001"));
        expected.put("experts.engaged", List.of("YHZ-2025-001"));
        expected.put("risk.assessments", List.of("YHZ-2024-011", "YHZ-2025-001"));
        expected.put("risk.high", List.of("YHZ-2025-001"));
        expected.put("risk.medium", List.of("YHZ-2025-001"));
        expected.put("risk.low", List.of("YHZ-2024-011"));
        expected.put("legality.reviewed", List.of("YHZ-2025-001", "YHZ-2025-002"));
        expected.put("legality.revised", List.of("YHZ-2025-001"));
        expected.put("meetings", List.of("YHZ-2025-001", "YHZ-2025-002"));
        expected.put("party.reports", List.of("YHZ-2024-010", "YHZ-2025-001"));
        expected.put("publication.published", List.of("YHZ-2024-010", "YHZ-2025-001"));
        expected.put("publication.onTime", List.of("YHZ-2025-001"));
        expected.put("publication.late", List.of("YHZ-2024-010"));
        expected.put("publication.lateUnexplained", List.of("YHZ-2024-010"));
        expected.put("catalog.planned", List.of("YHZ-2025-001", "YHZ-2025-004"));
        expected.put("catalog.completed", List.of("YHZ-2025-001"));
        expected.put("after.evaluations", List.of("YHZ-2025-001"));
        // counted apart from the status changes: a suspension confirmed later is not a second one
        expected.put("after.suspensions", List.of("YHZ-2024-010", "YHZ-2025-001"));
        expected.put("after.resumptions", List.of("YHZ-2024-010"));
        expected.put("after.adjustments", List.of());
        expected.put("after.terminations", List.of("YHZ-2024-010"));
        assertThat(report.metrics()).extracting(Metric::key).containsExactlyElementsOf(expected.keySet());
        expected.forEach((key, numbers) -> assertThat(report.metric(key).orElseThrow().caseNumbers()).as(key)
                .containsExactlyElementsOf(numbers));

        Map<String, Long> values = new LinkedHashMap<>();
        report.metrics().forEach(m -> values.put(m.key(), m.value()));
        Map<String, Long> counted = new LinkedHashMap<>();
        expected.forEach((key, numbers) -> counted.put(key, (long) numbers.size()));
        // the numbers that count opinions, records or catalog items rather than cases
        counted.put("consultation.opinionsReceived", 8L);
        counted.put("consultation.opinionsPublished", 7L);
        counted.put("consultation.opinionsAdopted", 2L);
        counted.put("experts.engaged", 3L);
        counted.put("risk.assessments", 3L);
        counted.put("catalog.planned", 3L);
        counted.put("catalog.completed", 1L);
        counted.put("after.suspensions", 3L);
        assertThat(values).containsExactlyEntriesOf(counted);

        assertThat(report.metric("catalog.planned").orElseThrow().itemNumbers())
                .containsExactly("ML-2025-01", "ML-2025-02", "ML-2025-03");
        assertThat(report.metric("catalog.completed").orElseThrow().itemNumbers()).containsExactly("ML-2025-01");
        assertThat(report.notes()).isEmpty();
        assertThat(report.government()).isEqualTo(GOVERNMENT);
        assertThat(report.year()).isEqualTo(2025);
        assertThat(report.computedAt()).isEqualTo(NOW);
    }

    @Test
    void reportsZeroWithANoteWhenNothingRecordsEvaluationsOrTheCatalog() {
        // given no after-decision statistics and no catalog
        AnnualReport report = AnnualStatistics.compute(GOVERNMENT, 2025, NOW,
                new ReportFacts(yearOfCases(), ReportFacts.CatalogFacts.NONE, null), d -> d.plusDays(28));

        // then
        Metric evaluations = report.metric("after.evaluations").orElseThrow();
        assertThat(evaluations.value()).isZero();
        assertThat(evaluations.note()).contains("尚未纳入");
        assertThat(report.metric("after.suspensions").orElseThrow().value()).isZero();
        assertThat(report.metric("catalog.planned").orElseThrow().value()).isZero();
        assertThat(report.metric("catalog.planned").orElseThrow().note()).contains("目录尚未编制");
        assertThat(report.notes()).containsExactly(AnnualStatistics.NO_CATALOG, AnnualStatistics.NO_AFTER_DECISION);
        assertThat(AnnualReportText.text(report)).contains("说明：" + AnnualStatistics.NO_CATALOG);
    }

    @Test
    void writesTheChineseParagraphsWithTheRealNumbers() {
        // given
        AnnualReport report = compute(yearOfCases(), new AfterDecisionStatistics.Counts(List.of("YHZ-2025-001"),
                List.of()));

        // when
        String text = AnnualReportText.text(report);

        // then
        assertThat(text).startsWith("2025年银湖镇人民政府重大行政决策情况")
                .contains("2025年，银湖镇人民政府共提出重大行政决策事项5件；经集体讨论决定通过1件，决定不予通过1件，撤回1件，年末尚在办理3件。")
                .contains("二、决策程序履行情况。本年度经集体讨论作出决定的事项2件，均履行了合法性审查程序；"
                        + "公众参与：履行1件，标记为依法不适用1件（依据：“涉及国家秘密”1件）；"
                        + "专家论证：履行1件，标记为依法不适用1件（依据：“不涉及专业性、技术性较强的问题”1件）；"
                        + "风险评估：履行1件，标记为依法不适用1件（依据：“实施不会对社会稳定、公共安全等方面造成不利影响”1件）。")
                .contains("全年公开征求意见2件，收到公众意见8条，公开7条，采纳（含部分采纳）2条；举行听证会1场；邀请专家参与论证3人次；"
                        + "开展风险评估3次，其中高风险1份、中风险1份、低风险1份；作出合法性审查结论2件，"
                        + "根据合法性审查意见修改决策草案1件；提交镇府领导班子会议集体讨论2件；向镇党委请示报告2件。")
                .contains("三、决策公布和目录管理。全年公布重大行政决策2件，其中决定作出后20个工作日内公布1件，逾期公布1件，均未说明理由；"
                        + "依法不予公开1件（依据：“涉及国家秘密”1件）。年度决策事项目录列入事项3项，年内完成决策1项。")
                .contains("四、决策执行和后评估。全年开展决策后评估1次；没有暂停执行、调整或停止执行的决策。")
                .doesNotContain("始终坚持").doesNotContain("均记录了依据")
                .doesNotContain("说明：");
    }

    @Test
    void writesCsvWithAByteOrderMarkAndTheCaseNumbersOfEachMetric() {
        // given
        AnnualReport report = compute(yearOfCases(), new AfterDecisionStatistics.Counts(List.of(), List.of()));

        // when
        String csv = new String(AnnualReportText.csv(report), StandardCharsets.UTF_8);

        // then
        assertThat(csv).startsWith("\uFEFF指标代码,指标,数值,事项编号,目录事项,说明\r\n")
                .contains("cases.filed,提出决策事项（件）,5,YHZ-2025-001 YHZ-2025-002 YHZ-2025-003 YHZ-2025-004 YHZ-2025-006,,\r\n")
                .contains("catalog.planned,列入年度决策事项目录（项）,3,YHZ-2025-001 YHZ-2025-004,ML-2025-01 ML-2025-02 ML-2025-03,\r\n");
        assertThat(csv.split("\r\n")).hasSize(report.metrics().size() + 1);
    }

    @Test
    void namesTheGovernmentGenericallyWhenItIsNotATown() {
        AnnualReport report = AnnualStatistics.compute("青山县人民政府", 2025, NOW,
                new ReportFacts(List.of(), ReportFacts.CatalogFacts.NONE, null), d -> d);
        assertThat(AnnualReportText.text(report)).contains("青山县人民政府没有提出新的重大行政决策事项")
                .contains("没有提交政府领导班子会议集体讨论的事项").doesNotContain("镇");
    }

    /**
     * YHZ-2024-010 suspended, resumed, suspended again (the organ confirming it later) and terminated in 2025;
     * YHZ-2025-001 suspended in 2025; a suspension of YHZ-2024-011 in 2024 is not a 2025 one.
     */
    private static List<ReportFacts.StatusChange> statusChanges() {
        return List.of(change("YHZ-2024-011", "SUSPENDED", "2024-12-01"),
                change("YHZ-2024-010", "SUSPENDED", "2025-02-01"),
                change("YHZ-2024-010", "IN_FORCE", "2025-03-01"),
                change("YHZ-2024-010", "SUSPENDED", "2025-04-01"),
                change("YHZ-2024-010", "SUSPENDED", "2025-04-10"),
                change("YHZ-2024-010", "TERMINATED", "2025-05-01"),
                change("YHZ-2025-001", "SUSPENDED", "2025-08-01"));
    }

    private static ReportFacts.StatusChange change(String number, String status, String day) {
        return new ReportFacts.StatusChange(number, status, at(day));
    }

    private AnnualReport compute(List<CaseFacts> cases, AfterDecisionStatistics.Counts after) {
        return compute(cases, after, List.of());
    }

    private AnnualReport compute(List<CaseFacts> cases, AfterDecisionStatistics.Counts after,
            List<ReportFacts.StatusChange> changes) {
        ReportFacts.CatalogFacts catalog = new ReportFacts.CatalogFacts(true, List.of(
                new ReportFacts.Item("ML-2025-01", LocalDate.of(2025, 6, 30)),
                new ReportFacts.Item("ML-2025-02", LocalDate.of(2025, 12, 31)),
                new ReportFacts.Item("ML-2025-03", LocalDate.of(2025, 9, 30))));
        // a stand-in for "20 working days": four weeks
        return AnnualStatistics.compute(GOVERNMENT, 2025, NOW, new ReportFacts(cases, catalog, after, changes),
                d -> d.plusDays(28), 20, new FormCatalog(JSON));
    }

    private List<CaseFacts> yearOfCases() {
        List<CaseFacts> cases = new ArrayList<>();
        // the full procedure in 2025: consultation, hearing, three experts, two risk reports, a legality revision
        cases.add(new CaseFacts("YHZ-2025-001", at("2025-01-10"), "ARCHIVED", at("2025-06-01"), "ML-2025-01", List.of(
                record("PUBLIC_PARTICIPATION", "publish-consultation-notice", "2025-02-01"),
                record("PUBLIC_PARTICIPATION", "record-hearing", "2025-03-02", "heldOn", "2025-03-01"),
                record("EXPERT_REVIEW", "write-expert-opinion", "2025-03-10"),
                record("EXPERT_REVIEW", "write-expert-opinion", "2025-03-10"),
                record("EXPERT_REVIEW", "write-expert-opinion", "2025-03-11"),
                record("RISK_ASSESSMENT", "assess-risk", "2025-03-20", "riskLevel", "high"),
                record("RISK_ASSESSMENT", "assess-risk", "2025-04-01", "riskLevel", "medium"),
                record("LEGALITY_REVIEW", "conclude-legality", "2025-04-10", "legalityConclusion", "revise"),
                task("LEGALITY_REVIEW", "Task_ReviseDraftForLegality", "revise-draft", "2025-04-12"),
                record("LEGALITY_REVIEW", "conclude-legality", "2025-04-25", "legalityConclusion", "lawful"),
                meeting("approve", "2025-05-10", "2025-05-10"),
                record("PARTY_COMMITTEE", "prepare-party-report", "2025-05-16", "submittedOn", "2025-05-15"),
                record("PUBLICATION", "publish-decision", "2025-05-20", "publishedOn", "2025-05-20")),
                List.of(), new Opinions(5, 4, 2)));
        // not public: participation, expert review, risk assessment and publication skipped; rejected at the meeting
        cases.add(new CaseFacts("YHZ-2025-002", at("2025-03-01"), "REJECTED", at("2025-04-20"), null, List.of(
                record("LEGALITY_REVIEW", "conclude-legality", "2025-04-01", "legalityConclusion", "lawful"),
                meeting("reject", "2025-04-20", "2025-04-20")),
                List.of(skip("PUBLIC_PARTICIPATION", "2025-03-05", "STATE_SECRET"),
                        skip("EXPERT_REVIEW", "2025-03-05", "NOT_TECHNICAL"),
                        skip("RISK_ASSESSMENT", "2025-03-05", "NO_STABILITY_IMPACT"),
                        skip("PUBLICATION", "2025-03-05", "STATE_SECRET")),
                Opinions.NONE));
        cases.add(new CaseFacts("YHZ-2025-003", at("2025-06-01"), "WITHDRAWN", at("2025-07-01"), null, List.of(),
                List.of(skip("EXPERT_REVIEW", "2025-06-10")), Opinions.NONE));
        cases.add(new CaseFacts("YHZ-2025-004", at("2025-11-01"), "ACTIVE", null, "ML-2025-02", List.of(
                record("PUBLIC_PARTICIPATION", "publish-consultation-notice", "2025-11-20")), List.of(),
                new Opinions(3, 3, 0)));
        // decided at a meeting held on 30 December 2024 though recorded in January; published late in 2025
        cases.add(new CaseFacts("YHZ-2024-010", at("2024-10-01"), "ARCHIVED", at("2025-03-05"), null, List.of(
                meeting("approve", "2024-12-30", "2025-01-02"),
                record("PARTY_COMMITTEE", "prepare-party-report", "2025-01-05"),
                record("PUBLICATION", "publish-decision", "2025-03-01", "publishedOn", "2025-03-01")),
                List.of(), Opinions.NONE));
        // filed at 01:00 on 1 January 2026 in China (still 31 December in UTC): not a 2025 case
        cases.add(new CaseFacts("YHZ-2025-005", Instant.parse("2025-12-31T17:00:00Z"), "ACTIVE", null, null, List.of(),
                List.of(), Opinions.NONE));
        // filed at 23:00 on 31 December 2025 in China, decided in 2026: pending at the end of 2025
        cases.add(new CaseFacts("YHZ-2025-006", Instant.parse("2025-12-31T15:00:00Z"), "ACTIVE", null, null, List.of(
                meeting("approve", "2026-01-05", "2026-01-05")), List.of(), Opinions.NONE));
        // filed in 2024 and deferred at its meeting: still pending; its 2025 risk report counts in 2025
        cases.add(new CaseFacts("YHZ-2024-011", at("2024-05-01"), "ACTIVE", null, null, List.of(
                record("LEGALITY_REVIEW", "conclude-legality", "2024-05-20", "legalityConclusion", "lawful"),
                meeting("defer", "2024-06-10", "2024-06-10"),
                record("RISK_ASSESSMENT", "assess-risk", "2025-01-03", "riskLevel", "low")),
                List.of(), Opinions.NONE));
        return cases;
    }

    private Record record(String stage, String formKey, String day, String... fields) {
        return task(stage, "Task_" + formKey, formKey, day, fields);
    }

    private Record task(String stage, String taskKey, String formKey, String day, String... fields) {
        ObjectNode data = JSON.createObjectNode();
        for (int i = 0; i < fields.length; i += 2) {
            data.put(fields[i], fields[i + 1]);
        }
        return new Record(nextId++, stage, taskKey, formKey, at(day), data);
    }

    private Record meeting(String decision, String meetingDate, String recordedOn) {
        return record("COLLECTIVE_DISCUSSION", "record-meeting", recordedOn, "meetingDecision", decision, "meetingDate",
                meetingDate);
    }

    private static Skip skip(String stage, String day) {
        return new Skip(stage, at(day));
    }

    private static Skip skip(String stage, String day, String basis) {
        return new Skip(stage, at(day), basis);
    }

    /** Ten in the morning, China time, of the day. */
    private static Instant at(String day) {
        return LocalDate.parse(day).atTime(10, 0).atZone(CHINA).toInstant();
    }
}
