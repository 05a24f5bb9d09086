package cn.majordecision.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which flag values leave a stage out, what a catalog item's procedures require at least, and the defaults. */
class CaseFlagsTests {

    private static final CaseFlags ITEM = new CaseFlags(false, true, true, false, true, false, false, false);

    @Test
    void theFourSkippingChoicesNeedABasisAndNoOtherDoes() {
        CaseFlags everythingOff = CaseFlags.NONE;
        CaseFlags secretWithPriorAssessment = new CaseFlags(true, true, true, true, false, false, false, false);

        assertThat(everythingOff.skipping()).containsExactly("technical", "stabilityRisk");
        assertThat(secretWithPriorAssessment.skipping()).containsExactly("nonPublic", "priorRiskAssessment");
        assertThat(CaseFlags.DEFAULTS.skipping()).isEmpty();
        assertThat(CaseFlags.skips("congressApproval", false)).isFalse();
        assertThat(CaseFlags.skips("hearing", false)).isFalse();
    }

    @Test
    void aFlagAskingForLessThanTheItemIsNamedAndAskingForMoreIsNot() {
        CaseFlags noExpertsNoHearing = new CaseFlags(false, false, true, false, false, false, false, false);
        CaseFlags more = new CaseFlags(false, true, true, false, true, true, true, false);
        CaseFlags secretAndExploratory = new CaseFlags(true, true, true, false, true, false, false, true);

        assertThat(noExpertsNoHearing.weakerThan(ITEM)).containsExactly("technical", "hearing");
        assertThat(more.weakerThan(ITEM)).isEmpty();
        assertThat(secretAndExploratory.weakerThan(ITEM)).containsExactly("nonPublic", "exploratoryReform");
    }

    @Test
    void aPriorAssessmentIsWeakerOnlyWhereTheItemRequiresARiskAssessment() {
        CaseFlags prior = new CaseFlags(false, true, true, true, true, false, false, false);
        CaseFlags itemWithoutRiskAssessment = new CaseFlags(false, true, false, false, true, false, false, false);

        assertThat(prior.weakerThan(ITEM)).containsExactly("priorRiskAssessment");
        assertThat(prior.weakerThan(itemWithoutRiskAssessment)).isEmpty();
    }

    @Test
    void aFlagLeftOutTakesItsDefaultAndExpertReviewAndRiskAssessmentDefaultOn() {
        Map<String, Boolean> given = new HashMap<>();
        given.put("nonPublic", true);
        given.put("technical", null);

        CaseFlags flags = CaseFlags.of(given, CaseFlags.DEFAULTS);
        CaseFlags fromItem = CaseFlags.of(null, CaseFlags.NONE.withExpertReviewAndRiskAssessment());

        assertThat(flags).isEqualTo(new CaseFlags(true, true, true, false, false, false, false, false));
        assertThat(fromItem.technical()).isTrue();
        assertThat(fromItem.stabilityRisk()).isTrue();
    }
}
