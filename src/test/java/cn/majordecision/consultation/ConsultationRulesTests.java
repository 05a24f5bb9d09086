package cn.majordecision.consultation;

import static cn.majordecision.support.Submissions.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.majordecision.cases.CaseService;
import cn.majordecision.shared.ProcedurePolicy;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.cases.StageRecord;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.FieldViolation;
import cn.majordecision.support.TestForms;
import cn.majordecision.worklist.Submission;
import cn.majordecision.worklist.TaskSnapshot;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsultationRulesTests {

    private final CaseService cases = mock(CaseService.class);
    private ConsultationRules rules = at("2026-12-01T02:00:00Z");

    /** The rules as the system applies them at {@code instant} (UTC), the moment the submission is recorded. */
    private ConsultationRules at(String instant) {
        rules = new ConsultationRules(cases, new ObjectMapper(), Clock.fixed(Instant.parse(instant), ZoneOffset.UTC),
                ProcedurePolicy.NATIONAL);
        return rules;
    }

    @Test
    void acceptsThirtyDaysNotCountingTheFirstDay() {
        assertThat(check(notice("2026-12-01", "2026-12-31", null))).isEmpty();
    }

    @Test
    void refusesTwentyNineDaysWithoutAnUrgencyReason() {
        assertThat(check(notice("2026-12-01", "2026-12-30", null)))
                .extracting(v -> v.field() + ":" + v.code()).containsExactly("urgencyReason:URGENCY_REASON_REQUIRED");
        assertThat(check(notice("2026-12-01", "2026-12-30", "汛期临近"))).isEmpty();
    }

    @Test
    void closesAtTheEndOfTheLastDayInChinaTime() {
        Map<String, Object> variables = rules.variables(submission("publish-consultation-notice",
                notice("2026-12-01", "2026-12-31", null)));
        assertThat(variables).containsEntry("consultationClosesAt", Date.from(Instant.parse("2026-12-31T16:00:00Z")));
    }

    @Test
    void refusesANoticeRecordedAfterItsPeriodEndedForThePublicNeverHadAWindow() {
        // recorded on 12-05 (Beijing time) for the period 11-03..12-04
        at("2026-12-05T01:00:00Z");
        assertThat(check(notice("2026-11-03", "2026-12-04", null)))
                .extracting(v -> v.field() + ":" + v.code()).containsExactly("periodStart:PERIOD_START_BEFORE_NOTICE");
        assertThat(check(notice("2026-11-03", "2026-12-04", null)).get(0).message())
                .contains("2026-11-03").contains("2026-12-05").contains("第十五条");
    }

    @Test
    void countsTheThirtyDaysFromTheDayTheNoticeIsRecordedWhenTheTypedStartIsEarlier() {
        at("2026-12-02T01:00:00Z");
        List<FieldViolation> violations = check(notice("2026-12-01", "2026-12-31", null));
        assertThat(violations).extracting(v -> v.field() + ":" + v.code())
                .containsExactly("periodStart:PERIOD_START_BEFORE_NOTICE", "urgencyReason:URGENCY_REASON_REQUIRED");
        assertThat(violations.get(1).message()).contains("29 日");
        assertThat(check(notice("2026-12-02", "2027-01-01", null))).isEmpty();
    }

    @Test
    void theRecordingDayIsTheDayInBeijingNotTheServersDay() {
        // 00:30 on 12-01 in Beijing is still 11-30 in UTC
        at("2026-11-30T16:30:00Z");
        assertThat(check(notice("2026-12-01", "2026-12-31", null))).isEmpty();
        // 00:30 on 12-02 in Beijing: a period starting 12-01 began before the notice
        at("2026-12-01T16:30:00Z");
        assertThat(check(notice("2026-12-01", "2027-01-15", null))).extracting(FieldViolation::code)
                .containsExactly("PERIOD_START_BEFORE_NOTICE");
    }

    @Test
    void hearingMaterialsMustReachParticipantsSevenDaysAhead() {
        at("2026-12-14T02:00:00Z");
        Map<String, Object> data = hearingNotice("2026-12-01", "2026-12-20", "2026-12-14");
        assertThat(check("publish-hearing-notice", data)).extracting(FieldViolation::code)
                .containsExactly("HEARING_MATERIALS_LATE");
        data.put("materialsSentOn", "2026-12-13");
        assertThat(check("publish-hearing-notice", data)).isEmpty();
    }

    @Test
    void aHearingNoticeAnnouncesAHearingAheadAndRecordsOnlyWhatHasBeenDone() {
        at("2026-12-14T02:00:00Z");
        // a hearing already held when the notice is recorded
        assertThat(check("publish-hearing-notice", hearingNotice("2026-12-01", "2026-12-13", "2026-12-05")))
                .extracting(v -> v.field() + ":" + v.code()).containsExactly("hearingDate:HEARING_BEFORE_NOTICE");
        // materials "sent" tomorrow, the list "published" tomorrow, on the day of the hearing
        assertThat(check("publish-hearing-notice", hearingNotice("2026-12-15", "2026-12-15", "2026-12-15")))
                .extracting(v -> v.field() + ":" + v.code()).containsExactlyInAnyOrder(
                        "publishedOn:DATE_IN_FUTURE", "materialsSentOn:DATE_IN_FUTURE",
                        "materialsSentOn:HEARING_MATERIALS_LATE", "publishedOn:HEARING_NOTICE_LATE");
        // a hearing today, announced with the list 8 and the materials 7 days before
        assertThat(check("publish-hearing-notice", hearingNotice("2026-12-06", "2026-12-14", "2026-12-07"))).isEmpty();
    }

    @Test
    void aHearingIsRecordedOnlyOnceHeldAndNotEarlierThanAnnounced() {
        // given a notice recorded on 12-14 announcing the hearing for 12-20
        StageRecord notice = mock(StageRecord.class);
        when(notice.getCompletedAt()).thenReturn(Instant.parse("2026-12-14T02:00:00Z"));
        when(notice.getPayload()).thenReturn("{\"hearingDate\":\"2026-12-20\",\"participants\":[{\"name\":\"居民代表\"}]}");
        when(cases.latestRecord(7L, "publish-hearing-notice")).thenReturn(Optional.of(notice));

        // recorded on 12-19 as held on 12-20: not yet held
        at("2026-12-19T02:00:00Z");
        assertThat(check("record-hearing", hearingRecord("2026-12-20")))
                .extracting(v -> v.field() + ":" + v.code()).containsExactly("heldOn:HEARING_RECORD_IN_FUTURE");
        // recorded on 12-21: held before the notice, or before the announced date
        at("2026-12-21T02:00:00Z");
        assertThat(check("record-hearing", hearingRecord("2026-12-13"))).extracting(FieldViolation::code)
                .containsExactly("HEARING_BEFORE_NOTICE");
        assertThat(check("record-hearing", hearingRecord("2026-12-19"))).extracting(FieldViolation::code)
                .containsExactly("HEARING_DATE_NOT_AS_ANNOUNCED");
        // held as announced, or later (the materials were still sent 7 days ahead)
        assertThat(check("record-hearing", hearingRecord("2026-12-20"))).isEmpty();
        assertThat(check("record-hearing", hearingRecord("2026-12-21"))).isEmpty();
    }

    private static Map<String, Object> hearingNotice(String publishedOn, String hearingDate, String materialsSentOn) {
        return map("selectionMethod", "随机抽取", "participants", List.of(map("name", "居民代表")),
                "publishedOn", publishedOn, "hearingDate", hearingDate, "materialsSentOn", materialsSentOn);
    }

    private static Map<String, Object> hearingRecord(String heldOn) {
        return map("heldOn", heldOn, "recordSummary", "听证笔录摘要",
                "confirmations", List.of(map("name", "居民代表", "confirmed", true)));
    }

    private static Map<String, Object> notice(String start, String end, String urgency) {
        Map<String, Object> data = map("channels", List.of("website"), "howToSubmit", "网站留言", "periodStart", start,
                "periodEnd", end);
        if (urgency != null) {
            data.put("urgencyReason", urgency);
        }
        return data;
    }

    private List<FieldViolation> check(Map<String, Object> data) {
        return check("publish-consultation-notice", data);
    }

    private List<FieldViolation> check(String form, Map<String, Object> data) {
        Submission submission = submission(form, data);
        List<FieldViolation> violations = new ArrayList<>(submission.form().validate(data));
        rules.check(submission, violations);
        return violations;
    }

    private static Submission submission(String form, Map<String, Object> data) {
        DecisionCase decisionCase = mock(DecisionCase.class);
        when(decisionCase.getId()).thenReturn(7L);
        TaskSnapshot task = new TaskSnapshot("t1", "发布征求意见公告", "Task_PublishConsultationNotice",
                "public-consultation", form, "wangfang", List.of("officers"), 7L, Instant.parse("2026-12-01T02:00:00Z"), null);
        return new Submission(task, decisionCase, TestForms.get(form), data,
                new Actor("wangfang", "王芳", "镇规划建设办", Set.of("officers")));
    }
}
