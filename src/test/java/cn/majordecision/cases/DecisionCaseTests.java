package cn.majordecision.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.majordecision.shared.DomainException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DecisionCaseTests {

    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

    private final DecisionCase decisionCase = new DecisionCase("YHZ-2026-001", new FileCaseCommand("道路改造",
            DecisionCategory.CONSTRUCTION, ProposerType.DEPARTMENT, null, "目录编制后新发生", "镇规划建设办", null, "问题", "依据", "方案",
            "可行", CaseFlags.NONE), "wangfang", NOW);

    @Test
    void officerMayWithdrawBeforeTheMeeting() {
        decisionCase.enterStage(Stage.LEGALITY_REVIEW);
        decisionCase.withdraw("政策调整", NOW);
        assertThat(decisionCase.getStatus()).isEqualTo(CaseStatus.WITHDRAWN);
    }

    @Test
    void refusesWithdrawalOnceTheMeetingHasStarted() {
        decisionCase.enterStage(Stage.COLLECTIVE_DISCUSSION);
        assertThatThrownBy(() -> decisionCase.withdraw("政策调整", NOW))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("集体讨论决定");
        assertThat(decisionCase.getStatus()).isEqualTo(CaseStatus.ACTIVE);
    }

    @Test
    void aCaseWhoseMeetingWasHeldCanNeverBeWithdrawnEvenBackInLegalityReview() {
        // given the meeting was held and a substantial revision sent the case back to the legality review
        decisionCase.enterStage(Stage.COLLECTIVE_DISCUSSION);
        decisionCase.recordMeetingHeld();
        decisionCase.enterStage(Stage.LEGALITY_REVIEW);

        // then neither the officer nor the process can withdraw it
        assertThatThrownBy(() -> decisionCase.withdraw("政策调整", NOW))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("CASE_NOT_WITHDRAWABLE");
        assertThatThrownBy(() -> decisionCase.close(CaseStatus.WITHDRAWN, "不合法，撤回", NOW))
                .hasMessageContaining("已经召开集体讨论会议");
        assertThat(decisionCase.getStatus()).isEqualTo(CaseStatus.ACTIVE);
        assertThat(decisionCase.isMeetingHeld()).isTrue();
    }

    @Test
    void aClosedCaseRefusesEveryChangeAndSaysWhy() {
        decisionCase.close(CaseStatus.REJECTED, "会议决定不予通过", NOW);
        assertThatThrownBy(() -> decisionCase.enterStage(Stage.PARTY_COMMITTEE)).hasMessageContaining("会议决定不予通过");
        assertThatThrownBy(decisionCase::nextDraftVersion).isInstanceOf(DomainException.class);
    }

    @Test
    void draftVersionsOnlyCountUp() {
        assertThat(decisionCase.nextDraftVersion()).isEqualTo(1);
        assertThat(decisionCase.nextDraftVersion()).isEqualTo(2);
        assertThat(decisionCase.getCurrentDraftVersion()).isEqualTo(2);
    }

    @Test
    void flagsChangeOnlyBeforeTheStageTheyControl() {
        // given the case is at the risk assessment
        decisionCase.enterStage(Stage.RISK_ASSESSMENT);
        CaseFlags congress = new CaseFlags(false, false, false, false, false, false, true, false);
        CaseFlags technical = new CaseFlags(false, true, false, false, false, false, true, false);

        // when / then congress approval (a later stage) may change, expert review (behind) may not
        decisionCase.reviseFlags(congress, "liqiang");
        assertThat(decisionCase.getFlags().congressApproval()).isTrue();
        assertThatThrownBy(() -> decisionCase.reviseFlags(technical, "liqiang"))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("专家论证");
        assertThat(decisionCase.getFlags().technical()).isFalse();
    }
}
