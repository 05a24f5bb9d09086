package cn.majordecision.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.majordecision.shared.DomainException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The decision's status after the head's emergency suspension and the organ's decision on it (Art. 37). */
class DecisionExecutionTests {

    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

    @Test
    void aSuspensionAwaitsTheOrganUntilItConfirmsOnce() {
        // given a decision the head suspended
        DecisionExecution execution = new DecisionExecution(7L);
        execution.suspendPendingOrgan("事故", "zhangwei", NOW);
        assertThat(execution.getStatus()).isEqualTo(DecisionStatus.SUSPENDED);
        assertThat(execution.isAwaitingOrgan()).isTrue();

        // when the organ confirms it
        execution.organConfirmed();

        // then it stays suspended, no longer awaiting, and cannot be confirmed again
        assertThat(execution.getStatus()).isEqualTo(DecisionStatus.SUSPENDED);
        assertThat(execution.isAwaitingOrgan()).isFalse();
        assertThatThrownBy(execution::organConfirmed).isInstanceOf(DomainException.class)
                .hasMessageContaining("已就本次暂停执行作出决定");
    }

    @Test
    void liftingOrATerminationEndsTheWaitForTheOrgan() {
        // given a suspended decision awaiting the organ
        DecisionExecution execution = new DecisionExecution(7L);
        execution.suspendPendingOrgan("事故", "zhangwei", NOW);

        // when a linked case's meeting terminates it
        execution.change(DecisionStatus.TERMINATED, "上位法废止", "zhenghong", NOW);

        // then it is terminated, nothing awaits the organ, and it can be neither suspended nor confirmed
        assertThat(execution.isAwaitingOrgan()).isFalse();
        assertThatThrownBy(() -> execution.suspendPendingOrgan("再次", "zhangwei", NOW))
                .isInstanceOf(DomainException.class).hasMessageContaining("已终止");
        assertThatThrownBy(execution::organConfirmed).isInstanceOf(DomainException.class)
                .hasMessageContaining("没有待决策机关决定的暂停执行");
    }

    @Test
    void aDecisionInForceCannotBeConfirmedAsSuspended() {
        DecisionExecution execution = new DecisionExecution(7L);

        assertThatThrownBy(execution::organConfirmed).isInstanceOf(DomainException.class)
                .hasMessageContaining("现行有效");
    }
}
