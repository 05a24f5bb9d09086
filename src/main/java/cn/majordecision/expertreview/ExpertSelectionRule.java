package cn.majordecision.expertreview;

import cn.majordecision.identity.UserDirectory;
import cn.majordecision.shared.FieldViolation;
import cn.majordecision.worklist.Submission;
import cn.majordecision.worklist.SubmissionRule;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** An odd number of experts, at least the configured minimum, distinct, each a registered expert (Art. 20). */
@Component
class ExpertSelectionRule implements SubmissionRule {

    private final UserDirectory users;
    private final int minimumExperts;

    ExpertSelectionRule(UserDirectory users, @Value("${app.expert-review.minimum-experts:3}") int minimumExperts) {
        this.users = users;
        this.minimumExperts = minimumExperts;
    }

    @Override
    public Set<String> forms() {
        return Set.of("select-experts");
    }

    @Override
    public void check(Submission s, List<FieldViolation> violations) {
        List<Map<String, Object>> experts = s.list("experts");
        if (experts.size() < minimumExperts || experts.size() % 2 == 0) {
            violations.add(new FieldViolation("experts", "EXPERT_COUNT",
                    "论证专家须为不少于 %d 人的单数，现选 %d 人。".formatted(minimumExperts, experts.size())));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < experts.size(); i++) {
            String userId = (String) experts.get(i).get("userId");
            String field = "experts[" + i + "].userId";
            if (!seen.add(userId)) {
                violations.add(new FieldViolation(field, "EXPERT_DUPLICATE", "同一专家不能重复选择：" + userId + "。"));
            } else if (!users.isMember(userId, "experts")) {
                violations.add(new FieldViolation(field, "EXPERT_UNKNOWN", "“" + userId + "”不是系统中登记的论证专家。"));
            }
        }
    }

    @Override
    public Map<String, Object> variables(Submission s) {
        return Map.of("experts", s.list("experts").stream().map(e -> (String) e.get("userId")).toList());
    }
}
