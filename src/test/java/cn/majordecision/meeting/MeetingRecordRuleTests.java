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
    private final MeetingRecordRule rule = new MeetingRecordRule(legality, clock, new BigDecimal("0.5"), Period.ofYears(1));
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
        data.put("membersAbsent", List.of(map("name", "赵刚"), map("name", "钱红")));
        assertThat(check(data)).extracting(FieldViolation::code).containsExactly("QUORUM_NOT_MET");
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

    private Submission submission(Map<String, Object> data) {
        TaskSnapshot task = new TaskSnapshot("t1", "记录集体讨论", "Task_RecordMeeting", "decision-case", "record-meeting",
                "zhenghong", List.of("meeting-secretaries"), 7L, Instant.now(clock), null);
        return new Submission(task, decisionCase, TestForms.get("record-meeting"), data,
                new Actor("zhenghong", "郑红", "党政办", Set.of("meeting-secretaries")));
    }
}
