package cn.majordecision.expertreview;

import cn.majordecision.cases.DecisionCase;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whether one expert may review one case (Art. 20): in the pool, active, not working for the undertaking unit and
 * without a declared interest in the case. The selection, the draw and a replacement apply the same test.
 */
@Component
class ExpertEligibility {

    /** Why an expert may not review a case: a stable code and a sentence for the officer. */
    record Refusal(String code, String message) {
    }

    private final ExpertRepository experts;
    private final ExpertDeclarationRepository declarations;

    ExpertEligibility(ExpertRepository experts, ExpertDeclarationRepository declarations) {
        this.experts = experts;
        this.declarations = declarations;
    }

    Optional<Refusal> check(String userId, DecisionCase decisionCase) {
        Optional<Expert> found = userId == null ? Optional.empty() : experts.findByUserId(userId);
        if (found.isEmpty()) {
            return Optional.of(new Refusal("EXPERT_UNKNOWN", "“" + userId + "”不是专家库中的论证专家。"));
        }
        Expert expert = found.get();
        if (!expert.isActive()) {
            return Optional.of(new Refusal("EXPERT_INACTIVE", "专家" + expert.getName() + "已停用，不能选择。"));
        }
        return unconflicted(expert, decisionCase);
    }

    /** The case-specific part of the test, for an expert known to be in the pool. */
    Optional<Refusal> unconflicted(Expert expert, DecisionCase decisionCase) {
        if (sameUnit(expert.getAffiliation(), decisionCase.getUndertakingUnit())) {
            return Optional.of(new Refusal("EXPERT_SAME_UNIT", "专家" + expert.getName() + "的工作单位“"
                    + expert.getAffiliation() + "”是本事项的承办单位，与决策事项有直接利害关系，不能选择。"));
        }
        if (hasDeclaredInterest(expert.getUserId(), decisionCase.getId())) {
            return Optional.of(new Refusal("EXPERT_INTEREST_DECLARED", "专家" + expert.getName()
                    + "已申报与本事项存在利害关系，不能选择。"));
        }
        return Optional.empty();
    }

    boolean hasDeclaredInterest(String userId, Long caseId) {
        return declarations.findByCaseIdAndExpertUserIdOrderById(caseId, userId).stream()
                .anyMatch(d -> !d.isNoConflict());
    }

    private static boolean sameUnit(String affiliation, String undertakingUnit) {
        return affiliation != null && undertakingUnit != null && affiliation.strip().equals(undertakingUnit.strip());
    }
}
