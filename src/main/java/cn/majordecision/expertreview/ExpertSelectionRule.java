package cn.majordecision.expertreview;

import cn.majordecision.shared.FieldViolation;
import cn.majordecision.worklist.Submission;
import cn.majordecision.worklist.SubmissionRule;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import cn.majordecision.shared.ProcedurePolicy;
import org.springframework.stereotype.Component;

/**
 * An odd number of experts, at least the configured minimum, distinct, each an active expert of the pool who does not
 * work for the undertaking unit and has not declared an interest in the case (Art. 20).
 */
@Component
class ExpertSelectionRule implements SubmissionRule {

    private final ExpertEligibility eligibility;
    private final int minimumExperts;

    ExpertSelectionRule(ExpertEligibility eligibility, ProcedurePolicy policy) {
        this.eligibility = eligibility;
        this.minimumExperts = policy.minimumExperts();
    }

    @Override
    public Set<String> forms() {
        return Set.of("select-experts");
    }

    @Override
    public void check(Submission s, List<FieldViolation> violations) {
        List<Map<String, Object>> experts = s.list("experts");
        if (!isValidCount(experts.size(), minimumExperts)) {
            violations.add(new FieldViolation("experts", "EXPERT_COUNT",
                    "论证专家须为不少于 %d 人的单数，现选 %d 人。".formatted(minimumExperts, experts.size())));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < experts.size(); i++) {
            String userId = (String) experts.get(i).get("userId");
            String field = "experts[" + i + "].userId";
            if (!seen.add(userId)) {
                violations.add(new FieldViolation(field, "EXPERT_DUPLICATE", "同一专家不能重复选择：" + userId + "。"));
            } else {
                eligibility.check(userId, s.decisionCase())
                        .ifPresent(r -> violations.add(new FieldViolation(field, r.code(), r.message())));
            }
        }
    }

    static boolean isValidCount(int count, int minimum) {
        return count >= minimum && count % 2 == 1;
    }

    @Override
    public Map<String, Object> variables(Submission s) {
        return Map.of("experts", s.list("experts").stream().map(e -> (String) e.get("userId")).toList());
    }
}
