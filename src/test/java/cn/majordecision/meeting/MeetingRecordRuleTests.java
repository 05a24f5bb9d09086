package cn.majordecision.meeting;

import static cn.majordecision.support.Submissions.map;
import static cn.majordecision.support.Submissions.member;
import static cn.majordecision.support.Submissions.withAction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.majordecision.calendar.TestCalendars;
import cn.majordecision.cases.CaseFlags;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.legalityreview.LegalityReviewService;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.FieldViolation;
import cn.majordecision.support.Submissions;
import cn.majordecision.shared.ProcedurePolicy;
import cn.majordecision.support.TestForms;
import cn.majordecision.worklist.Submission;
import cn.majordecision.worklist.TaskSnapshot;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MeetingRecordRuleTests {

    private final LegalityReviewService legality = mock(LegalityReviewService.class);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneOffset.UTC);
    private static final List<String> ROSTER = List.of("张伟", "李明", "王红", "赵刚");
    private final MeetingRecordRule rule = new MeetingRecordRule(legality, TestCalendars.deadlines(), clock,
            policy(new BigDecimal("0.5")));
    private final DecisionCase decisionCase = mock(DecisionCase.class);

    /** Filed on Mon 11-02, package recorded Mon 11-16, cleared Fri 11-20; the meeting is recorded on Sat 11-28. */
    @BeforeEach
    void cleared() {
        when(decisionCase.getId()).thenReturn(7L);
        when(decisionCase.getFlags()).thenReturn(CaseFlags.NONE);
        when(decisionCase.getFiledAt()).thenReturn(Instant.parse("2026-11-02T01:00:00Z"));
        when(legality.packageSubmittedAt(7L)).thenReturn(Optional.of(Instant.parse("2026-11-16T02:00:00Z")));
        when(legality.clearedAt(any())).thenReturn(Optional.of(Instant.parse("2026-11-20T02:00:00Z")));
    }

    /** A meeting held on Fri 11-27: 8 working days after the package, no reason needed. */
    private static Map<String, Object> meeting(String decision) {
        Map<String, Object> data = Submissions.meeting(decision);
        data.put("meetingDate", "2026-11-27");
        data.remove("shortReviewReason");
        return data;
    }

    @Test
    void acceptsAUnanimousQuorateMeeting() {
        assertThat(check(meeting("approve"))).isEmpty();
    }

    @Test
    void refusesAMeetingDatedAfterTheDayItIsRecorded() {
        Map<String, Object> data = withAction("meetingDate", "2026-11-29", meeting("approve"));
        assertThat(check(data)).extracting(v -> v.field() + ":" + v.code()).containsExactly("meetingDate:MEETING_DATE_IN_FUTURE");
        assertThat(check(withAction("meetingDate", "2026-11-28", meeting("approve")))).isEmpty();
    }

    @Test
    void refusesAMeetingDatedBeforeTheCaseWasFiledOrBeforeTheLegalityConclusionWasRecorded() {
        assertThat(check(withAction("meetingDate", "2026-10-30", meeting("approve"))))
                .extracting(FieldViolation::code).containsExactly("MEETING_BEFORE_FILING");
        List<FieldViolation> beforeConclusion = check(withAction("meetingDate", "2026-11-19", meeting("approve")));
        assertThat(beforeConclusion).extracting(FieldViolation::code).containsExactly("MEETING_BEFORE_LEGALITY_CONCLUSION");
        assertThat(beforeConclusion.get(0).message()).contains("2026-11-20").contains("第二十五条");
    }

    @Test
    void requiresTheReasonWhenFewerThanSevenWorkingDaysLieBetweenThePackageAndTheMeeting() {
        // Wed 11-25: 6 working days (11-17..11-20, 11-23, 11-24) after the package of Mon 11-16
        Map<String, Object> data = withAction("meetingDate", "2026-11-25", meeting("approve"));
        List<FieldViolation> violations = check(data);
        assertThat(violations).extracting(v -> v.field() + ":" + v.code())
                .containsExactly("shortReviewReason:SHORT_REVIEW_REASON_REQUIRED");
        assertThat(violations.get(0).message()).contains("2026-11-16").contains("仅 6 个工作日").contains("第二十六条")
                .doesNotContain("暂定");
        data.put("shortReviewReason", "防汛工程须在汛期前开工");
        assertThat(check(data)).isEmpty();
        // Thu 11-26: 7 working days
        assertThat(check(withAction("meetingDate", "2026-11-26", meeting("approve")))).isEmpty();
    }

    @Test
    void countsOnTheStatutoryCalendarWithItsHolidaysAndMakeUpDays() {
        // package recorded Wed 2026-09-23; Mid-Autumn 09-25..09-27 and National Day 10-01..10-07 are off, Sat 10-10 works
        when(decisionCase.getFiledAt()).thenReturn(Instant.parse("2026-09-01T01:00:00Z"));
        when(legality.packageSubmittedAt(7L)).thenReturn(Optional.of(Instant.parse("2026-09-23T02:00:00Z")));
        when(legality.clearedAt(any())).thenReturn(Optional.of(Instant.parse("2026-09-29T02:00:00Z")));
        // Sat 10-10, 17 calendar days later: 6 working days (09-24, 09-28..09-30, 10-08, 10-09)
        List<FieldViolation> violations = check(withAction("meetingDate", "2026-10-10", meeting("approve")));
        assertThat(violations).extracting(FieldViolation::code).containsExactly("SHORT_REVIEW_REASON_REQUIRED");
        assertThat(violations.get(0).message()).contains("仅 6 个工作日");
        // Mon 10-12: the make-up Saturday counts, 7 working days
        assertThat(check(withAction("meetingDate", "2026-10-12", meeting("approve")))).isEmpty();
    }

    @Test
    void saysWhenTheCountRestsOnAYearWhoseHolidayNoticeIsNotEnteredYet() {
        // given a meeting recorded in 2027, a year the calendar data does not hold yet
        MeetingRecordRule in2027 = new MeetingRecordRule(legality, TestCalendars.deadlines(),
                Clock.fixed(Instant.parse("2027-03-10T02:00:00Z"), ZoneOffset.UTC), policy(new BigDecimal("0.5")));
        when(decisionCase.getFiledAt()).thenReturn(Instant.parse("2027-01-04T01:00:00Z"));
        when(legality.packageSubmittedAt(7L)).thenReturn(Optional.of(Instant.parse("2027-03-01T02:00:00Z")));
        when(legality.clearedAt(any())).thenReturn(Optional.of(Instant.parse("2027-03-03T02:00:00Z")));
        Submission submission = submission(withAction("meetingDate", "2027-03-05", meeting("approve")));
        List<FieldViolation> violations = new ArrayList<>();

        // when
        in2027.check(submission, violations);

        // then the reason is asked for, and the clerk is told the count is provisional
        assertThat(violations).extracting(FieldViolation::code).containsExactly("SHORT_REVIEW_REASON_REQUIRED");
        assertThat(violations.get(0).message()).contains("仅 3 个工作日").contains("暂定日历");
    }

    @Test
    void refusesTheMeetingWithoutLegalityClearance() {
        when(legality.clearedAt(7L)).thenReturn(Optional.empty());
        assertThatThrownBy(() -> check(meeting("approve")))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("LEGALITY_NOT_CLEARED");
    }

    @Test
    void refusesADecisionWithoutQuorum() {
        Map<String, Object> data = meeting("approve");
        data.put("membersPresent", List.of(member("张伟", "approve"), member("李明", "approve")));
        data.put("membersAbsent", List.of(map("name", "赵刚"), map("name", "王红")));
        assertThat(check(data)).extracting(FieldViolation::code).containsExactly("QUORUM_NOT_MET");
    }

    @Test
    void countsTheQuorumAgainstTheRosterNotAgainstWhomTheSecretaryListed() {
        // given three members present and the fourth member of the roster left out of the record
        Map<String, Object> data = meeting("approve");
        data.put("membersPresent", List.of(member("张伟", "approve"), member("李明", "approve")));
        data.put("membersAbsent", List.of());

        // then the record must list him, and two of four are no quorum
        assertThat(check(data)).extracting(FieldViolation::code)
                .containsExactlyInAnyOrder("MEMBER_NOT_LISTED", "QUORUM_NOT_MET");
    }

    @Test
    void refusesAMemberWhoIsNotOnTheLeadershipRosterOrIsListedTwice() {
        Map<String, Object> data = meeting("approve");
        data.put("membersPresent", List.of(member("张伟", "approve"), member("李明", "approve"),
                member("王红", "approve"), member("钱红", "approve")));
        data.put("membersAbsent", List.of(map("name", "赵刚"), map("name", "李明")));
        assertThat(check(data)).extracting(FieldViolation::field, FieldViolation::code).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("membersPresent[3].name", "MEMBER_NOT_ON_ROSTER"),
                org.assertj.core.groups.Tuple.tuple("membersAbsent[1].name", "MEMBER_REPEATED"));
    }

    @Test
    void readsTheQuorumFractionFromThePolicy() {
        // given two thirds of the roster must be present
        MeetingRecordRule twoThirds = new MeetingRecordRule(legality, TestCalendars.deadlines(), clock,
                policy(new BigDecimal("0.6667")));
        Map<String, Object> data = meeting("approve");
        data.put("membersPresent", List.of(member("张伟", "approve"), member("李明", "approve"), member("王红", "approve")));
        data.put("membersAbsent", List.of(map("name", "赵刚")));
        List<FieldViolation> violations = new ArrayList<>();
        twoThirds.check(submission(data), violations);
        assertThat(violations).isEmpty();

        // when only two of the four attend
        data.put("membersPresent", List.of(member("张伟", "approve"), member("李明", "approve")));
        data.put("membersAbsent", List.of(map("name", "赵刚"), map("name", "王红")));
        twoThirds.check(submission(data), violations);
        assertThat(violations).extracting(FieldViolation::message).containsExactly(
                "出席人数 2 人，应到 4 人（领导班子名单），须至少 3 人出席，未达到法定人数，不能作出决定（第三十条）。");
    }

    @Test
    void refusesEveryMeetingWhileNoLeadershipRosterIsConfigured() {
        MeetingRecordRule unconfigured = new MeetingRecordRule(legality, TestCalendars.deadlines(), clock,
                ProcedurePolicy.NATIONAL);
        assertThatThrownBy(() -> unconfigured.check(submission(meeting("approve")), new ArrayList<>()))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("LEADERSHIP_NOT_CONFIGURED");
    }

    @Test
    void aCorrectionCannotRemoveTheDissentNorChangeAMembersView() {
        // given a meeting where two members rejected and the head approved with his reason
        Map<String, Object> recorded = meeting("approve");
        recorded.put("membersPresent", List.of(member("张伟", "approve"), member("李明", "reject"), member("王红", "reject")));
        recorded.put("departureReason", "项目关系群众切身利益");
        recorded.put("dissent", "李明、王红认为资金测算不足");

        // when the correction turns the rejections into approvals and drops the dissent and the reason
        Map<String, Object> corrected = new java.util.HashMap<>(meeting("approve"));
        corrected.put("membersPresent", List.of(member("张伟", "approve"), member("李明", "approve"), member("王红", "approve")));

        // then it is refused, field by field
        assertThat(checkCorrection(recorded, corrected)).extracting(FieldViolation::code)
                .containsExactlyInAnyOrder("VIEWS_NOT_CORRECTABLE", "DISSENT_NOT_REMOVABLE", "DEPARTURE_REASON_NOT_REMOVABLE");
        // while a corrected typo in the minutes passes, even after the draft changed and clearance is gone
        when(legality.clearedAt(7L)).thenReturn(Optional.empty());
        Map<String, Object> typo = new java.util.HashMap<>(recorded);
        typo.put("minutes", "会议纪要（更正错字）");
        assertThat(checkCorrection(recorded, typo)).isEmpty();
    }

    @Test
    void requiresTheReasonWhenTheHeadDepartsFromTheMajorityAndKeepsTheDissent() {
        // given two of three members reject, the head approves
        Map<String, Object> data = meeting("approve");
        data.put("membersPresent", List.of(member("张伟", "approve"), member("李明", "reject"), member("王红", "reject")));

        // then both the departure reason and the dissent are required
        assertThat(check(data)).extracting(FieldViolation::field).containsExactlyInAnyOrder("departureReason", "dissent");
        data.put("departureReason", "项目关系群众切身利益，须尽快实施");
        data.put("dissent", "李明、王红认为资金测算不足");
        assertThat(check(data)).isEmpty();
    }

    @Test
    void defersAtMostOneYearAndTellsTheEngineWhenToReturn() {
        Map<String, Object> data = meeting("defer");
        data.put("deferUntilDate", "2027-12-01");
        assertThat(check(data)).extracting(FieldViolation::code).containsExactly("DEFERRAL_OUT_OF_RANGE");
        data.put("deferUntilDate", "2027-03-01");
        assertThat(check(data)).isEmpty();
        assertThat(rule.variables(submission(data))).containsEntry("deferUntil",
                Date.from(Instant.parse("2027-02-28T16:00:00Z")));
    }

    private List<FieldViolation> check(Map<String, Object> data) {
        Submission submission = submission(data);
        List<FieldViolation> violations = new ArrayList<>(submission.form().validate(data));
        rule.check(submission, violations);
        return violations;
    }

    private List<FieldViolation> checkCorrection(Map<String, Object> recorded, Map<String, Object> corrected) {
        Submission original = submission(recorded);
        Submission correction = new Submission(original.task(), decisionCase, original.form(), corrected,
                original.actor(), mock(cn.majordecision.cases.StageRecord.class), recorded);
        List<FieldViolation> violations = new ArrayList<>(correction.form().validate(corrected));
        rule.check(correction, violations);
        return violations;
    }

    private static ProcedurePolicy policy(BigDecimal quorum) {
        return new ProcedurePolicy(30, 7, 3, 7, quorum, Period.ofYears(1), ROSTER);
    }

    private Submission submission(Map<String, Object> data) {
        TaskSnapshot task = new TaskSnapshot("t1", "记录集体讨论", "Task_RecordMeeting", "decision-case", "record-meeting",
                "zhenghong", List.of("meeting-secretaries"), 7L, Instant.now(clock), null);
        return new Submission(task, decisionCase, TestForms.get("record-meeting"), data,
                new Actor("zhenghong", "郑红", "党政办", Set.of("meeting-secretaries")));
    }
}
