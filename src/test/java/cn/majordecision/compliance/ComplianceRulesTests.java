package cn.majordecision.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.compliance.CaseFacts.Record;
import cn.majordecision.compliance.CaseFacts.Skip;
import cn.majordecision.forms.FormCatalog;
import cn.majordecision.shared.ProcedurePolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Each rule on hand-made records: done, skipped lawfully, missing, violated and not yet due. */
class ComplianceRulesTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The real forms, whose option labels the findings use. */
    private static final FormCatalog FORMS = new FormCatalog(JSON);
    /** Weekdays only, for 2025-03: no holidays in that month. */
    private static final Predicate<LocalDate> WEEKDAYS = d -> d.getDayOfWeek() != DayOfWeek.SATURDAY
            && d.getDayOfWeek() != DayOfWeek.SUNDAY;

    private final List<Record> records = new ArrayList<>();
    private final List<Skip> skips = new ArrayList<>();
    private final Map<String, Boolean> flags = new HashMap<>();
    private String status = "ACTIVE";

    @Test
    void aConsultationOfThirtyDaysIsDone() {
        record("PUBLIC_PARTICIPATION", "publish-consultation-notice", "2025-03-03", Map.of("periodStart", "2025-03-03",
                "periodEnd", "2025-04-02"));
        ArticleCheck check = check("14-15");
        assertThat(check.status()).isEqualTo(ComplianceStatus.DONE);
        assertThat(check.evidence()).extracting(ArticleCheck.Evidence::actor).containsExactly("wangfang");
    }

    @Test
    void aShorterConsultationIsDoneWithItsReasonAndViolatedWithout() {
        Map<String, Object> shortNotice = new HashMap<>(Map.of("periodStart", "2025-03-03", "periodEnd", "2025-03-18"));
        record("PUBLIC_PARTICIPATION", "publish-consultation-notice", "2025-03-03", shortNotice);
        assertThat(check("14-15").status()).isEqualTo(ComplianceStatus.VIOLATED);
        assertThat(check("14-15").finding()).contains("15 日").contains("未说明理由");

        records.clear();
        shortNotice.put("urgencyReason", "汛期临近");
        record("PUBLIC_PARTICIPATION", "publish-consultation-notice", "2025-03-03", shortNotice);
        assertThat(check("14-15").status()).isEqualTo(ComplianceStatus.DONE);
        assertThat(check("14-15").finding()).contains("汛期临近");
    }

    @Test
    void aNoticeRecordedAfterItsPeriodEndedIsViolatedForThePublicNeverHadAWindow() {
        // recorded on 12-05 for the period 11-03..12-04: no longer "DONE 期限 31 日"
        record("PUBLIC_PARTICIPATION", "publish-consultation-notice", "2025-12-05", Map.of("periodStart", "2025-11-03",
                "periodEnd", "2025-12-04"));
        ArticleCheck check = check("14-15");
        assertThat(check.status()).isEqualTo(ComplianceStatus.VIOLATED);
        assertThat(check.finding()).contains("2025-12-05").contains("没有提出意见的期间").contains("第十五条");
    }

    @Test
    void theConsultationCountsFromTheDayTheNoticeWasRecordedWhenItsTypedStartIsEarlier() {
        // typed 03-03..04-02 (30 days) but recorded on 03-10: 23 days for the public
        record("PUBLIC_PARTICIPATION", "publish-consultation-notice", "2025-03-10", Map.of("periodStart", "2025-03-03",
                "periodEnd", "2025-04-02"));
        assertThat(check("14-15").status()).isEqualTo(ComplianceStatus.VIOLATED);
        assertThat(check("14-15").finding()).contains("23 日").contains("2025-03-10 至 2025-04-02");
    }

    @Test
    void aStageSkippedByAFlagWithItsBasisIsSkippedLawfullyNamingTheFlagTheBasisAndWhoSetIt() {
        skips.add(new Skip("PUBLIC_PARTICIPATION", "nonPublic", true, "wangfang", at("2025-03-03"), "STATE_SECRET",
                "依据《保守国家秘密法》第十三条，选址资料属秘密级。"));
        skips.add(new Skip("EXPERT_REVIEW", "technical", false, "wangfang", at("2025-03-03"), "NOT_TECHNICAL",
                "常规管理事项，不涉及专业技术问题。"));
        ArticleCheck consultation = check("14-15");
        assertThat(consultation.status()).isEqualTo(ComplianceStatus.SKIPPED_LAWFULLY);
        assertThat(consultation.finding()).contains("涉及国家秘密").contains("选址资料属秘密级").contains("wangfang");
        assertThat(consultation.evidence().get(0).flag()).isEqualTo("nonPublic");
        assertThat(consultation.evidence().get(0).actor()).isEqualTo("wangfang");
        assertThat(check("16-17").status()).isEqualTo(ComplianceStatus.SKIPPED_LAWFULLY);
        assertThat(check("19-20").status()).isEqualTo(ComplianceStatus.SKIPPED_LAWFULLY);
        assertThat(check("19-20").finding()).contains("不涉及专业性、技术性较强的问题");
    }

    @Test
    void aStageSkippedWithoutABasisIsAViolation() {
        skips.add(new Skip("PUBLIC_PARTICIPATION", "nonPublic", true, "wangfang", at("2025-03-03")));
        skips.add(new Skip("RISK_ASSESSMENT", "stabilityRisk", false, "liqiang", at("2025-03-03"), null, null));
        assertThat(check("14-15").status()).isEqualTo(ComplianceStatus.VIOLATED);
        assertThat(check("14-15").finding()).contains("依法不予公开").contains("未说明法定依据");
        assertThat(check("22-24").status()).isEqualTo(ComplianceStatus.VIOLATED);
        assertThat(check("22-24").finding()).contains("liqiang").contains("未说明法定依据");
    }

    @Test
    void aSkipWhoseFlagOrBasisCannotJustifyItIsAViolation() {
        // a flag value that does not switch the stage off, a flag of another stage, a basis of another flag
        skips.add(new Skip("EXPERT_REVIEW", "technical", true, "wangfang", at("2025-03-03"), "NOT_TECHNICAL",
                "常规管理事项，不涉及专业技术问题。"));
        skips.add(new Skip("RISK_ASSESSMENT", "nonPublic", true, "wangfang", at("2025-03-03"), "STATE_SECRET",
                "依据《保守国家秘密法》第十三条，选址资料属秘密级。"));
        skips.add(new Skip("PUBLIC_PARTICIPATION", "nonPublic", true, "wangfang", at("2025-03-03"), "NOT_TECHNICAL",
                "常规管理事项，不涉及专业技术问题。"));
        assertThat(check("19-20").status()).isEqualTo(ComplianceStatus.VIOLATED);
        assertThat(check("19-20").finding()).contains("不能免除此程序");
        assertThat(check("22-24").status()).isEqualTo(ComplianceStatus.VIOLATED);
        assertThat(check("14-15").status()).isEqualTo(ComplianceStatus.VIOLATED);
        assertThat(check("14-15").finding()).contains("不是该标记的依据");
    }

    @Test
    void aPriorAssessmentWithItsReportSkipsTheRiskAssessmentLawfully() {
        skips.add(new Skip("RISK_ASSESSMENT", "priorRiskAssessment", true, "wangfang", at("2025-03-03"),
                "PRIOR_REPORT", "县综治办《社会稳定风险评估报告》（县稳评〔2025〕12号）。"));
        assertThat(check("22-24").status()).isEqualTo(ComplianceStatus.SKIPPED_LAWFULLY);
        assertThat(check("22-24").finding()).contains("县稳评〔2025〕12号");
    }

    @Test
    void aStageWithoutItsRecordIsNotYetDueUntilTheCaseGoesPastIt() {
        flags.put("technical", true);
        assertThat(check("19-20").status()).isEqualTo(ComplianceStatus.NOT_YET_DUE);
        record("LEGALITY_REVIEW", "submit-legality-package", "2025-03-03", Map.of());
        assertThat(check("19-20").status()).isEqualTo(ComplianceStatus.MISSING);
    }

    @Test
    void aHearingIsRequiredOnlyWhenOneIsToBeHeld() {
        assertThat(check("16-17").status()).isEqualTo(ComplianceStatus.SKIPPED_LAWFULLY);
        flags.put("hearing", true);
        record("EXPERT_REVIEW", "select-experts", "2025-03-03", Map.of());
        assertThat(check("16-17").status()).isEqualTo(ComplianceStatus.MISSING);
        record("PUBLIC_PARTICIPATION", "record-hearing", "2025-03-04", Map.of());
        assertThat(check("16-17").status()).isEqualTo(ComplianceStatus.VIOLATED);
        assertThat(check("16-17").finding()).contains("没有听证会公告");

        records.remove(records.size() - 1);
        record("PUBLIC_PARTICIPATION", "publish-hearing-notice", "2025-03-04", hearingNotice("2025-03-04"));
        record("PUBLIC_PARTICIPATION", "record-hearing", "2025-03-04", Map.of("heldOn", "2025-03-04"));
        assertThat(check("16-17").status()).isEqualTo(ComplianceStatus.DONE);
    }

    @Test
    void aHearingDatedAfterItsRecordOrBeforeItsNoticeIsViolated() {
        flags.put("hearing", true);
        // the notice recorded on 03-04 for a hearing on 03-10; the record made on 03-06 says it was held on 03-10
        record("PUBLIC_PARTICIPATION", "publish-hearing-notice", "2025-03-04", hearingNotice("2025-03-10"));
        record("PUBLIC_PARTICIPATION", "record-hearing", "2025-03-06", Map.of("heldOn", "2025-03-10"));
        assertThat(check("16-17").status()).isEqualTo(ComplianceStatus.VIOLATED);
        assertThat(check("16-17").finding()).contains("2025-03-06").contains("尚未举行");

        // (a record corrected afterwards) held on 03-03, the day before the notice was recorded
        records.remove(records.size() - 1);
        record("PUBLIC_PARTICIPATION", "record-hearing", "2025-03-12", Map.of("heldOn", "2025-03-03"));
        assertThat(check("16-17").status()).isEqualTo(ComplianceStatus.VIOLATED);
        assertThat(check("16-17").finding()).contains("早于听证会公告的登记日期 2025-03-04");

        // held on 03-10 as announced and recorded on 03-12
        records.remove(records.size() - 1);
        record("PUBLIC_PARTICIPATION", "record-hearing", "2025-03-12", Map.of("heldOn", "2025-03-10"));
        assertThat(check("16-17").status()).isEqualTo(ComplianceStatus.DONE);
        assertThat(check("16-17").finding()).contains("2025-03-10");
    }

    @Test
    void hearingMaterialsSentFewerThanSevenDaysBeforeTheHearingHeldAreViolated() {
        flags.put("hearing", true);
        Map<String, Object> notice = new HashMap<>(hearingNotice("2025-03-10"));
        notice.put("materialsSentOn", "2025-03-04");
        record("PUBLIC_PARTICIPATION", "publish-hearing-notice", "2025-03-04", notice);
        record("PUBLIC_PARTICIPATION", "record-hearing", "2025-03-10", Map.of("heldOn", "2025-03-10"));
        assertThat(check("16-17").status()).isEqualTo(ComplianceStatus.VIOLATED);
        assertThat(check("16-17").finding()).contains("不足7日").contains("第十六条");
    }

    @Test
    void anUncontrollableRiskIsViolatedOnlyOnceTheCaseWentOn() {
        record("RISK_ASSESSMENT", "assess-risk", "2025-03-03", Map.of("riskVerdict", "notControllable"));
        assertThat(check("22-24").status()).isEqualTo(ComplianceStatus.NOT_YET_DUE);
        record("LEGALITY_REVIEW", "submit-legality-package", "2025-03-04", Map.of());
        assertThat(check("22-24").status()).isEqualTo(ComplianceStatus.VIOLATED);
        record("RISK_ASSESSMENT", "assess-risk", "2025-03-05", Map.of("riskVerdict", "controllable"));
        records.sort((a, b) -> a.completedAt().compareTo(b.completedAt()));
        assertThat(check("22-24").status()).isEqualTo(ComplianceStatus.DONE);
    }

    @Test
    void theLegalityReviewerGetsSevenWorkingDaysBeforeTheMeeting() {
        // submitted Monday 3 March; 4-12 March hold 7 working days; a meeting on 13 March leaves them all
        legalityReview("2025-03-03");
        record("COLLECTIVE_DISCUSSION", "record-meeting", "2025-03-13", meeting("approve", "2025-03-13", "approve", "approve", "approve"));
        assertThat(check("25-28").status()).isEqualTo(ComplianceStatus.DONE);
        assertThat(check("25-28").finding()).contains("7 个工作日");

        records.remove(records.size() - 1);
        record("COLLECTIVE_DISCUSSION", "record-meeting", "2025-03-12", meeting("approve", "2025-03-12", "approve", "approve", "approve"));
        assertThat(check("25-28").status()).isEqualTo(ComplianceStatus.VIOLATED);
        assertThat(check("25-28").finding()).contains("仅 6 个工作日");

        // with the reason the meeting record states, the shorter time is lawful and the reason is shown
        records.remove(records.size() - 1);
        Map<String, Object> withReason = meeting("approve", "2025-03-12", "approve", "approve", "approve");
        withReason.put("shortReviewReason", "防汛工程须在汛期前开工");
        record("COLLECTIVE_DISCUSSION", "record-meeting", "2025-03-12", withReason);
        assertThat(check("25-28").status()).isEqualTo(ComplianceStatus.DONE);
        assertThat(check("25-28").finding()).contains("6 个工作日").contains("已说明理由：防汛工程须在汛期前开工");
    }

    @Test
    void theReviewTimeIsCountedFromThePackagesSystemTimeNotFromATypedMeetingDateLaterThanTheRecord() {
        // package recorded on 03-03; the meeting recorded on 03-05 but typed as held on 03-20
        legalityReview("2025-03-03");
        record("COLLECTIVE_DISCUSSION", "record-meeting", "2025-03-05", meeting("approve", "2025-03-20", "approve", "approve", "approve"));
        assertThat(check("25-28").status()).isEqualTo(ComplianceStatus.VIOLATED);
        assertThat(check("25-28").finding()).contains("仅 1 个工作日");
        assertThat(check("29-30").status()).isEqualTo(ComplianceStatus.VIOLATED);
        assertThat(check("29-30").finding()).contains("晚于登记日期");
    }

    @Test
    void aMeetingDatedBeforeTheLegalityConclusionWasRecordedIsViolated() {
        legalityReview("2025-03-10");
        record("COLLECTIVE_DISCUSSION", "record-meeting", "2025-03-20", meeting("approve", "2025-03-07", "approve", "approve", "approve"));
        assertThat(check("29-30").status()).isEqualTo(ComplianceStatus.VIOLATED);
        assertThat(check("29-30").finding()).contains("2025-03-07").contains("2025-03-10").contains("第二十五条");
    }

    @Test
    void aConclusionWithoutTheLegalAdvisersOpinionIsViolated() {
        record("LEGALITY_REVIEW", "submit-legality-package", "2025-03-03", Map.of());
        record("LEGALITY_REVIEW", "conclude-legality", "2025-03-05", Map.of("legalityConclusion", "lawful"));
        assertThat(check("25-28").status()).isEqualTo(ComplianceStatus.VIOLATED);
        assertThat(check("25-28").finding()).contains("第二十八条");
    }

    @Test
    void aMeetingWithoutLegalityClearanceIsViolated() {
        record("LEGALITY_REVIEW", "submit-legality-package", "2025-03-03", Map.of());
        record("LEGALITY_REVIEW", "give-legal-opinion", "2025-03-04", Map.of());
        record("LEGALITY_REVIEW", "conclude-legality", "2025-03-05", Map.of("legalityConclusion", "unlawful"));
        record("COLLECTIVE_DISCUSSION", "record-meeting", "2025-03-20", meeting("approve", "2025-03-20", "approve", "approve", "approve"));
        assertThat(check("29-30").status()).isEqualTo(ComplianceStatus.VIOLATED);
        assertThat(check("29-30").finding()).contains("第二十五条");
        assertThat(check("25-28").status()).isEqualTo(ComplianceStatus.MISSING);
    }

    @Test
    void theHeadDepartingFromTheMajorityNeedsAReason() {
        legalityReview("2025-03-03");
        Map<String, Object> departing = meeting("approve", "2025-03-20", "reject", "reject", "approve");
        departing.put("dissent", "两位成员不同意");
        record("COLLECTIVE_DISCUSSION", "record-meeting", "2025-03-20", departing);
        assertThat(check("29-30").status()).isEqualTo(ComplianceStatus.VIOLATED);
        assertThat(check("29-30").finding()).contains("第三十条").contains("理由");

        records.remove(records.size() - 1);
        departing.put("departureReason", "项目已列入省重点工程");
        record("COLLECTIVE_DISCUSSION", "record-meeting", "2025-03-20", departing);
        assertThat(check("29-30").status()).isEqualTo(ComplianceStatus.DONE);
    }

    @Test
    void aDissentMustBeRecordedAndAQuorumPresent() {
        legalityReview("2025-03-03");
        record("COLLECTIVE_DISCUSSION", "record-meeting", "2025-03-20", meeting("approve", "2025-03-20", "approve", "approve", "reject"));
        assertThat(check("29-30").finding()).contains("不同意见");

        records.remove(records.size() - 1);
        Map<String, Object> thin = meeting("approve", "2025-03-20", "approve");
        thin.put("membersAbsent", List.of(Map.of("name", "甲"), Map.of("name", "乙")));
        record("COLLECTIVE_DISCUSSION", "record-meeting", "2025-03-20", thin);
        assertThat(check("29-30").status()).isEqualTo(ComplianceStatus.VIOLATED);
        assertThat(check("29-30").finding()).contains("未达到法定人数");
    }

    @Test
    void judgesByTheSameConfiguredThresholdsAsTheSubmissionRules() {
        // given a province that sets 40 days of consultation, two thirds of a five-member roster, and five experts
        ProcedurePolicy province = new ProcedurePolicy(40, 7, 5, 10, new BigDecimal("0.6667"), Period.ofYears(1),
                List.of("甲", "乙", "丙", "丁", "戊"));
        record("PUBLIC_PARTICIPATION", "publish-consultation-notice", "2025-02-01", Map.of("periodStart", "2025-02-01",
                "periodEnd", "2025-03-08"));
        record("EXPERT_REVIEW", "select-experts", "2025-02-27", Map.of("experts", List.of(Map.of("userId", "a"),
                Map.of("userId", "b"), Map.of("userId", "c"))));
        record("EXPERT_REVIEW", "record-expert-adoption", "2025-02-28", Map.of());
        legalityReview("2025-03-03");
        // three present of a secretary's list of four: more than half of the list, not two thirds of the roster
        Map<String, Object> meeting = meeting("approve", "2025-03-14", "approve", "approve", "approve");
        meeting.put("membersAbsent", List.of(Map.of("name", "丁")));
        record("COLLECTIVE_DISCUSSION", "record-meeting", "2025-03-14", meeting);

        // then the national rules find a lawful case, the province's find each threshold it set broken
        assertThat(check("14-15").status()).isEqualTo(ComplianceStatus.DONE);
        assertThat(check(province, "14-15").finding()).contains("少于40日");
        assertThat(check("19-20").status()).isEqualTo(ComplianceStatus.DONE);
        assertThat(check(province, "19-20").finding()).contains("不是不少于 5 人的单数");
        assertThat(check("25-28").status()).isEqualTo(ComplianceStatus.DONE);
        assertThat(check(province, "25-28").finding()).contains("少于10个工作日");
        assertThat(check("29-30").status()).isEqualTo(ComplianceStatus.DONE);
        assertThat(check(province, "29-30").finding()).contains("出席 3 人，应到 5 人，须至少 4 人出席");
    }

    @Test
    void publicationStatesHowOpinionsWereAdoptedAndArchivingClosesTheCase() {
        record("PUBLIC_PARTICIPATION", "publish-consultation-notice", "2025-03-03", Map.of("periodStart", "2025-03-03",
                "periodEnd", "2025-04-02"));
        record("PUBLICATION", "publish-decision", "2025-05-06", Map.of("documentNumber", "镇政发〔2025〕3号"));
        assertThat(check("32").status()).isEqualTo(ComplianceStatus.VIOLATED);
        assertThat(check("31").status()).isEqualTo(ComplianceStatus.MISSING);
        assertThat(check("33").status()).isEqualTo(ComplianceStatus.NOT_YET_DUE);

        status = "ARCHIVED";
        assertThat(check("33").status()).isEqualTo(ComplianceStatus.MISSING);
        record("ARCHIVING", "confirm-archive", "2025-05-20", Map.of());
        assertThat(check("33").status()).isEqualTo(ComplianceStatus.DONE);
    }

    @Test
    void publicationOnANoticeBoardAloneIsViolatedAndTheWebsiteWithItsAddressIsDone() {
        record("COLLECTIVE_DISCUSSION", "record-meeting", "2025-03-03", meeting("approve", "2025-03-03"));
        record("PUBLICATION", "publish-decision", "2025-03-10", Map.of("publishedOn", "2025-03-10",
                "channels", List.of("noticeBoard"), "noticeBoardPlace", "镇政府公告栏"));
        ArticleCheck check = check("32");
        assertThat(check.status()).isEqualTo(ComplianceStatus.VIOLATED);
        assertThat(check.finding()).contains("仅通过公告栏公布，未在政府网站公布");

        record("PUBLICATION", "publish-decision", "2025-03-11", Map.of("publishedOn", "2025-03-11",
                "channels", List.of("website", "noticeBoard"), "links", "https://www.yinhu.gov.cn/1.html",
                "noticeBoardPlace", "镇政府公告栏"));
        check = check("32");
        assertThat(check.status()).isEqualTo(ComplianceStatus.DONE);
        assertThat(check.finding()).contains("已通过政府网站、公告栏公布").contains("决定于 2025-03-03 作出，2025-03-11 公布，计 6 个工作日，未超过20个工作日");
    }

    @Test
    void publicationNeedsEachChannelsParticularsAndTheGazetteWhereOneIsIssued() {
        record("PUBLICATION", "publish-decision", "2025-03-10", Map.of("publishedOn", "2025-03-10",
                "channels", List.of("website", "newspaper"), "links", "https://www.yinhu.gov.cn/1.html"));
        assertThat(check("32").finding()).contains("通过“报刊”公布但未记录其公布信息");

        ProcedurePolicy national = ProcedurePolicy.NATIONAL;
        ProcedurePolicy city = new ProcedurePolicy(30, 7, 3, 7, national.quorum(), national.maxDeferral(), List.of(), 20,
                true);
        records.clear();
        record("PUBLICATION", "publish-decision", "2025-03-10", Map.of("publishedOn", "2025-03-10",
                "channels", List.of("website"), "links", "https://www.yinhu.gov.cn/1.html"));
        assertThat(check("32").status()).isEqualTo(ComplianceStatus.DONE);
        assertThat(check(city, "32").status()).isEqualTo(ComplianceStatus.VIOLATED);
        assertThat(check(city, "32").finding()).contains("未在本级人民政府公报刊登");
    }

    @Test
    void publicationLaterThanThePeriodAfterTheDecisionNeedsItsReason() {
        // decided Mon 03-03; the 20th weekday after it is Mon 03-31
        record("COLLECTIVE_DISCUSSION", "record-meeting", "2025-03-03", meeting("approve", "2025-03-03"));
        Map<String, Object> onTime = new HashMap<>(Map.of("publishedOn", "2025-03-31", "channels", List.of("website"),
                "links", "https://www.yinhu.gov.cn/1.html"));
        record("PUBLICATION", "publish-decision", "2025-04-01", onTime);
        assertThat(check("32").status()).isEqualTo(ComplianceStatus.DONE);
        assertThat(check("32").finding()).contains("计 20 个工作日，未超过20个工作日");

        Map<String, Object> late = new HashMap<>(onTime);
        late.put("publishedOn", "2025-04-01");
        record("PUBLICATION", "publish-decision", "2025-04-01", late);
        assertThat(check("32").status()).isEqualTo(ComplianceStatus.VIOLATED);
        assertThat(check("32").finding()).contains("超过20个工作日，未说明逾期理由");

        late.put("lateReason", "印发流程延误");
        record("PUBLICATION", "publish-decision", "2025-04-01", late);
        assertThat(check("32").status()).isEqualTo(ComplianceStatus.DONE);
        assertThat(check("32").finding()).contains("已说明逾期理由：印发流程延误");
    }

    @Test
    void findingsNameOptionsByTheirLabels() {
        legalityReview("2025-03-03");
        CaseFacts facts = new CaseFacts("YHZ-2025-001", true, "ACTIVE", flags, "wangfang", List.copyOf(records),
                List.copyOf(skips));
        ArticleCheck check = ComplianceRules.check(facts, ProcedurePolicy.NATIONAL, WEEKDAYS, (from, to) -> false,
                FORMS).stream().filter(c -> c.articles().equals("25-28"))
                .findFirst().orElseThrow();
        assertThat(check.finding()).contains("结论为“合法”").doesNotContain("lawful");
    }

    @Test
    void aCaseThatEndedBeforeAStageIsNotBlamedForIt() {
        status = "NOT_LAUNCHED";
        ArticleCheck check = check("25-28");
        assertThat(check.status()).isEqualTo(ComplianceStatus.NOT_YET_DUE);
        assertThat(check.finding()).contains("已终结");
    }

    private void legalityReview(String submitted) {
        record("LEGALITY_REVIEW", "submit-legality-package", submitted, Map.of());
        record("LEGALITY_REVIEW", "give-legal-opinion", submitted, Map.of());
        record("LEGALITY_REVIEW", "conclude-legality", submitted, Map.of("legalityConclusion", "lawful"));
    }

    /** A hearing on {@code hearingDate}, the list published 8 and the materials sent 7 days before. */
    private static Map<String, Object> hearingNotice(String hearingDate) {
        LocalDate hearing = LocalDate.parse(hearingDate);
        return Map.of("hearingDate", hearingDate, "publishedOn", hearing.minusDays(8).toString(),
                "materialsSentOn", hearing.minusDays(7).toString());
    }

    private static Map<String, Object> meeting(String decision, String date, String... views) {
        List<Map<String, Object>> present = new ArrayList<>();
        for (int i = 0; i < views.length; i++) {
            present.add(Map.of("name", "成员" + i, "view", views[i]));
        }
        Map<String, Object> data = new HashMap<>();
        data.put("meetingDate", date);
        data.put("membersPresent", present);
        data.put("membersAbsent", List.of());
        data.put("meetingDecision", decision);
        return data;
    }

    private void record(String stage, String formKey, String day, Map<String, ?> data) {
        JsonNode json = JSON.valueToTree(data);
        Instant at = at(day).plusSeconds(records.size());
        records.add(new Record(records.size() + 1L, stage, formKey, "wangfang", "王芳", at, json));
    }

    private static Instant at(String day) {
        return LocalDate.parse(day).atTime(9, 0).atZone(ComplianceRules.CHINA).toInstant();
    }

    private ArticleCheck check(String articles) {
        return check(ProcedurePolicy.NATIONAL, articles);
    }

    private ArticleCheck check(ProcedurePolicy policy, String articles) {
        CaseFacts facts = new CaseFacts("YHZ-2025-001", "ACTIVE".equals(status), status, flags, "wangfang",
                List.copyOf(records), List.copyOf(skips));
        return ComplianceRules.check(facts, policy, WEEKDAYS, (from, to) -> false, FORMS).stream()
                .filter(c -> c.articles().equals(articles)).findFirst().orElseThrow();
    }
}
