package cn.majordecision.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcedurePolicyTests {

    @Test
    void moreThanHalfOfTheRosterIsAQuorum() {
        ProcedurePolicy policy = policy("0.5", List.of("张伟", "李明", "王红", "赵刚"));
        assertThat(policy.isQuorate(2, 4)).isFalse();
        assertThat(policy.isQuorate(3, 4)).isTrue();
        assertThat(policy.quorumOf(4)).isEqualTo(3);
        assertThat(policy.quorumOf(5)).isEqualTo(3);
    }

    @Test
    void aStricterFractionAsksForMore() {
        ProcedurePolicy twoThirds = policy("0.6667", List.of("甲"));
        assertThat(twoThirds.quorumOf(6)).isEqualTo(5);
        assertThat(twoThirds.quorumOf(3)).isEqualTo(3);
    }

    @Test
    void aMistypedSettingStopsTheApplicationInsteadOfContradictingTheStatute() {
        assertThatThrownBy(() -> policy("1", List.of())).hasMessageContaining("app.meeting.quorum");
        assertThatThrownBy(() -> policy("0.4", List.of())).hasMessageContaining("过半数");
        assertThatThrownBy(() -> new ProcedurePolicy(20, 7, 3, 7, new BigDecimal("0.5"), Period.ofYears(1), List.of()))
                .hasMessageContaining("app.consultation.minimum-days").hasMessageContaining("30 日");
        assertThatThrownBy(() -> new ProcedurePolicy(30, 7, 3, 5, new BigDecimal("0.5"), Period.ofYears(1), List.of()))
                .hasMessageContaining("第二十六条");
        assertThatThrownBy(() -> policy("0.5", List.of("张伟", "张伟"))).hasMessageContaining("重复");
        assertThat(policy("0.5", List.of(" 张伟 ", "", "李明")).leadership()).containsExactly("张伟", "李明");
    }

    @Test
    void aPublicationPeriodLongerThanTwentyWorkingDaysStopsTheApplication() {
        assertThatThrownBy(() -> new ProcedurePolicy(30, 7, 3, 7, new BigDecimal("0.5"), Period.ofYears(1), List.of(),
                21, false)).hasMessageContaining("app.publication.working-days").hasMessageContaining("第三十二条");
        assertThatThrownBy(() -> new ProcedurePolicy(30, 7, 3, 7, new BigDecimal("0.5"), Period.ofYears(1), List.of(),
                0, false)).hasMessageContaining("app.publication.working-days");
        ProcedurePolicy stricter = new ProcedurePolicy(30, 7, 3, 7, new BigDecimal("0.5"), Period.ofYears(1), List.of(),
                15, true);
        assertThat(stricter.publicationWorkingDays()).isEqualTo(15);
        assertThat(stricter.gazette()).isTrue();
        assertThat(ProcedurePolicy.NATIONAL.publicationWorkingDays()).isEqualTo(20);
        assertThat(ProcedurePolicy.NATIONAL.gazette()).isFalse();
    }

    private static ProcedurePolicy policy(String quorum, List<String> roster) {
        return new ProcedurePolicy(30, 7, 3, 7, new BigDecimal(quorum), Period.ofYears(1), roster);
    }
}
