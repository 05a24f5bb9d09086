package cn.majordecision.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.majordecision.calendar.TestCalendars;
import cn.majordecision.cases.CaseFlags;
import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.cases.StageRecord;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.FieldViolation;
import cn.majordecision.shared.ProcedurePolicy;
import cn.majordecision.support.TestForms;
import cn.majordecision.worklist.Submission;
import cn.majordecision.worklist.TaskSnapshot;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Art. 32 at submission: the channels the statute names, each with its particulars, the adoption statement where
 * opinions were sought, and the period after the decision. Today is Sat 2026-11-28; the decision was made at the
 * meeting of Fri 2026-10-30, so its 20th working day is Fri 11-27.
 */
class PublicationRuleTests {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneOffset.UTC);
    private final CaseService cases = mock(CaseService.class);
    private final DecisionCase decisionCase = mock(DecisionCase.class);
    private final List<StageRecord> records = new ArrayList<>();
    private PublicationRule rule = rule(false);

    @BeforeEach
    void decided() {
        when(decisionCase.getId()).thenReturn(7L);
        when(decisionCase.getFlags()).thenReturn(CaseFlags.NONE);
        when(cases.records(7L)).thenReturn(records);
        records.add(record("record-meeting", "{\"meetingDecision\":\"approve\",\"meetingDate\":\"2026-10-30\"}"));
    }

    @Test
    void acceptsThePublicationInTheWebsiteWithItsAddressWithinThePeriod() {
        assertThat(check(publication())).isEmpty();
    }

    @Test
    void refusesANoticeBoardAloneAndAsksForItsPlace() {
        Map<String, Object> data = publication();
        data.put("channels", List.of("noticeBoard"));
        data.remove("links");

        List<FieldViolation> violations = check(data);

        assertThat(violations).extracting(v -> v.field() + ":" + v.code())
                .containsExactlyInAnyOrder("noticeBoardPlace:REQUIRED", "channels:WEBSITE_REQUIRED");
        assertThat(violations).filteredOn(v -> v.code().equals("WEBSITE_REQUIRED")).first()
                .extracting(FieldViolation::message).asString().contains("政府网站").contains("第三十二条").contains("公告栏");
        data.put("noticeBoardPlace", "镇政府一楼公告栏，2026年11月27日张贴");
        data.put("channels", List.of("website", "noticeBoard"));
        data.put("links", "https://www.yinhu.gov.cn/jc/12.html");
        assertThat(check(data)).isEmpty();
    }

    @Test
    void requiresTheGazetteWhereTheGovernmentIssuesOne() {
        rule = rule(true);
        assertThat(check(publication())).extracting(v -> v.field() + ":" + v.code())
                .containsExactly("channels:GAZETTE_REQUIRED");
        Map<String, Object> data = publication();
        data.put("channels", List.of("gazette", "website"));
        data.put("gazetteIssue", "2026年第11期");
        assertThat(check(data)).isEmpty();
    }

    @Test
    void requiresTheParticularsOfEachChannelChosen() {
        Map<String, Object> data = publication();
        data.put("channels", List.of("gazette", "website", "newspaper", "newMedia", "broadcast", "other"));
        data.remove("links");

        assertThat(check(data)).extracting(v -> v.field() + ":" + v.code()).containsExactlyInAnyOrder(
                "links:REQUIRED", "gazetteIssue:REQUIRED", "newspaperIssue:REQUIRED", "newMediaAccount:REQUIRED",
                "broadcastProgramme:REQUIRED", "otherChannel:REQUIRED");
    }

    @Test
    void refusesAWebsiteAddressThatIsNotOne() {
        Map<String, Object> data = publication();
        data.put("links", "https://www.yinhu.gov.cn/jc/12.html\n见镇政府网站");

        assertThat(check(data)).extracting(v -> v.field() + ":" + v.code()).containsExactly("links:LINK_INVALID");
    }

    @Test
    void requiresANonBlankAdoptionStatementWhereOpinionsWereSought() {
        Map<String, Object> data = publication();
        data.put("adoptionStatement", "   ");
        // no consultation, hearing or expert review: nothing to account for
        assertThat(check(data)).isEmpty();

        records.add(0, record("write-expert-opinion", "{}"));
        List<FieldViolation> violations = check(data);
        assertThat(violations).extracting(v -> v.field() + ":" + v.code())
                .containsExactly("adoptionStatement:ADOPTION_STATEMENT_REQUIRED");
        assertThat(violations.get(0).message()).contains("采纳情况").contains("第三十二条");
        data.put("adoptionStatement", "专家提出的三条意见均已采纳。");
        assertThat(check(data)).isEmpty();
    }

    @Test
    void requiresTheReasonWhenPublishedLaterThanTwentyWorkingDaysAfterTheDecision() {
        Map<String, Object> data = publication();
        data.put("publishedOn", "2026-11-28");

        List<FieldViolation> violations = check(data);

        assertThat(violations).extracting(v -> v.field() + ":" + v.code()).containsExactly("lateReason:LATE_REASON_REQUIRED");
        assertThat(violations.get(0).message()).contains("2026-10-30").contains("20 个工作日").contains("2026-11-27");
        data.put("lateReason", "文件印发流程延误");
        assertThat(check(data)).isEmpty();
    }

    @Test
    void countsThePeriodFromTheCongressApprovalWhereOneWasNeeded() {
        records.add(record("record-congress-decision", "{\"congressDecision\":\"approved\",\"decidedOn\":\"2026-11-10\"}"));
        Map<String, Object> data = publication();
        data.put("publishedOn", "2026-11-28");

        assertThat(check(data)).isEmpty();
    }

    @Test
    void refusesAPublicationDayInTheFutureOrBeforeTheDecision() {
        assertThat(check(with(publication(), "publishedOn", "2026-11-29"))).extracting(FieldViolation::code)
                .containsExactly("PUBLISHED_IN_FUTURE");
        assertThat(check(with(publication(), "publishedOn", "2026-10-29"))).extracting(FieldViolation::code)
                .containsExactly("PUBLISHED_BEFORE_DECISION");
    }

    private static Map<String, Object> with(Map<String, Object> data, String key, Object value) {
        data.put(key, value);
        return data;
    }

    private static Map<String, Object> publication() {
        return cn.majordecision.support.Submissions.map("documentNumber", "银政发〔2026〕12号", "publishedOn", "2026-11-27",
                "channels", List.of("website"), "links", "https://www.yinhu.gov.cn/jc/12.html");
    }

    private PublicationRule rule(boolean gazette) {
        ProcedurePolicy national = ProcedurePolicy.NATIONAL;
        ProcedurePolicy policy = new ProcedurePolicy(national.consultationMinimumDays(), national.hearingMaterialsDays(),
                national.minimumExperts(), national.legalityReviewWorkingDays(), national.quorum(), national.maxDeferral(),
                List.of(), 20, gazette);
        return new PublicationRule(cases, TestCalendars.deadlines(), policy, clock, new ObjectMapper());
    }

    private static StageRecord record(String formKey, String payload) {
        StageRecord record = mock(StageRecord.class);
        when(record.getFormKey()).thenReturn(formKey);
        when(record.getPayload()).thenReturn(payload);
        return record;
    }

    private List<FieldViolation> check(Map<String, Object> data) {
        TaskSnapshot task = new TaskSnapshot("t1", "公布决策", "Task_PublishDecision", "decision-case", "publish-decision",
                "wangfang", List.of("officers"), 7L, Instant.now(clock), null);
        Submission submission = new Submission(task, decisionCase, TestForms.get("publish-decision"), data,
                new Actor("wangfang", "王芳", "司法所", Set.of("officers")));
        List<FieldViolation> violations = new ArrayList<>(submission.form().validate(data));
        rule.check(submission, violations);
        return violations;
    }
}
