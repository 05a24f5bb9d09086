package cn.majordecision.meeting;

import static cn.majordecision.support.Submissions.map;
import static cn.majordecision.support.Submissions.meeting;
import static cn.majordecision.support.Submissions.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.majordecision.cases.CaseFlags;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.legalityreview.LegalityReviewService;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.FieldViolation;
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
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MeetingRecordRuleTests {

    private final LegalityReviewService legality = mock(LegalityReviewService.class);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneOffset.UTC);
    private static final List<String> ROSTER = List.of("张伟", "李明", "王红", "赵刚");
    private final MeetingRecordRule rule = new MeetingRecordRule(legality, clock, policy(new BigDecimal("0.5")));
    private final DecisionCase decisionCase = mock(DecisionCase.class);

    @BeforeEach
    void cleared() {
        when(decisionCase.getId()).thenReturn(7L);
        when(decisionCase.getFlags()).thenReturn(CaseFlags.NONE);
        when(legality.isClearedForMeeting(any())).thenReturn(true);
    }

    @Test
    void acceptsAUnanimousQuorateMeeting() {
        assertThat(check(meeting("approve"))).isEmpty();
    }

    @Test
    void refusesTheMeetingWithoutLegalityClearance() {
        when(legality.isClearedForMeeting(7L)).thenReturn(false);
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
        MeetingRecordRule twoThirds = new MeetingRecordRule(legality, clock, policy(new BigDecimal("0.6667")));
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
        MeetingRecordRule unconfigured = new MeetingRecordRule(legality, clock, ProcedurePolicy.NATIONAL);
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
        when(legality.isClearedForMeeting(7L)).thenReturn(false);
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
