package cn.majordecision.annualreport;

import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.annualreport.ReportFacts.CaseFacts;
import cn.majordecision.annualreport.ReportFacts.Opinions;
import cn.majordecision.annualreport.ReportFacts.Record;
import cn.majordecision.annualreport.ReportFacts.Skip;
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
                List.of("YHZ-2024-010", "YHZ-2024-010")));

        // then
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("cases.filed", List.of("YHZ-2025-001", "YHZ-2025-002", "YHZ-2025-003", "YHZ-2025-004", "YHZ-2025-006"));
        expected.put("cases.decided", List.of("YHZ-2025-001"));
        expected.put("cases.rejected", List.of("YHZ-2025-002"));
        expected.put("cases.withdrawn", List.of("YHZ-2025-003"));
        expected.put("cases.pending", List.of("YHZ-2024-011", "YHZ-2025-004", "YHZ-2025-006"));
        expected.put("steps.PUBLIC_PARTICIPATION.performed", List.of("YHZ-2025-001", "YHZ-2025-004"));
        expected.put("steps.PUBLIC_PARTICIPATION.skipped", List.of("YHZ-2025-002"));
        expected.put("steps.EXPERT_REVIEW.performed", List.of("YHZ-2025-001"));
        expected.put("steps.EXPERT_REVIEW.skipped", List.of("YHZ-2025-002", "YHZ-2025-003"));
        expected.put("steps.RISK_ASSESSMENT.performed", List.of("YHZ-2024-011", "YHZ-2025-001"));
        expected.put("steps.RISK_ASSESSMENT.skipped", List.of("YHZ-2025-002"));
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
        expected.put("catalog.planned", List.of("YHZ-2025-001", "YHZ-2025-004"));
        expected.put("catalog.completed", List.of("YHZ-2025-001"));
        expected.put("after.evaluations", List.of("YHZ-2025-001"));
        expected.put("after.suspensions", List.of("YHZ-2024-010"));
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
        counted.put("after.suspensions", 2L);
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
                .contains("对涉及全镇经济社会发展的重大事项，始终坚持广泛征求群众意见、邀请专家进行论证、进行风险评估和合法性审查，"
                        + "最终通过镇府领导班子会议集体讨论决定，然后提交镇党委讨论审议。")
                .contains("全年公开征求意见2件，收到公众意见8条，公开7条，采纳（含部分采纳）2条；举行听证会1场；邀请专家参与论证3人次；"
                        + "开展风险评估3次，其中评估为高风险1次、中风险1次、低风险1次；作出合法性审查结论2件，"
                        + "根据合法性审查意见修改决策草案1件；提交镇府领导班子会议集体讨论2件；向镇党委请示报告2件。")
                .contains("依法不进行公众参与1件，不需专家论证2件，不需风险评估1件，依法不予公布1件。")
                .contains("全年公布重大行政决策2件，其中在决策作出后法定期限内按期公布1件。年度决策事项目录列入事项3项，年内完成决策1项。")
                .contains("全年开展决策后评估1次，停止执行决策0次。")
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
        assertThat(AnnualReportText.text(report)).contains("最终通过政府领导班子会议集体讨论决定，然后提交同级党委讨论审议")
                .contains("共提出重大行政决策事项0件");
    }

    private AnnualReport compute(List<CaseFacts> cases, AfterDecisionStatistics.Counts after) {
        ReportFacts.CatalogFacts catalog = new ReportFacts.CatalogFacts(true, List.of(
                new ReportFacts.Item("ML-2025-01", LocalDate.of(2025, 6, 30)),
                new ReportFacts.Item("ML-2025-02", LocalDate.of(2025, 12, 31)),
                new ReportFacts.Item("ML-2025-03", LocalDate.of(2025, 9, 30))));
        // a stand-in for "20 working days": four weeks
        return AnnualStatistics.compute(GOVERNMENT, 2025, NOW, new ReportFacts(cases, catalog, after),
                d -> d.plusDays(28));
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
                List.of(skip("PUBLIC_PARTICIPATION", "2025-03-05"), skip("EXPERT_REVIEW", "2025-03-05"),
                        skip("RISK_ASSESSMENT", "2025-03-05"), skip("PUBLICATION", "2025-03-05")),
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

    /** Ten in the morning, China time, of the day. */
    private static Instant at(String day) {
        return LocalDate.parse(day).atTime(10, 0).atZone(CHINA).toInstant();
    }
}
