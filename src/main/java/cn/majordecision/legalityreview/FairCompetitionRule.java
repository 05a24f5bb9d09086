package cn.majordecision.legalityreview;

import cn.majordecision.shared.FieldViolation;
import cn.majordecision.worklist.Submission;
import cn.majordecision.worklist.SubmissionRule;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** A case that touches market actors carries its fair-competition review into the meeting pack (Art. 29). */
@Component
class FairCompetitionRule implements SubmissionRule {

    @Override
    public Set<String> forms() {
        return Set.of("submit-legality-package");
    }

    @Override
    public void check(Submission s, List<FieldViolation> violations) {
        if (s.decisionCase().getFlags().marketActivity() && s.text("fairCompetitionReview") == null) {
            violations.add(new FieldViolation("fairCompetitionReview", "FAIR_COMPETITION_REVIEW_REQUIRED",
                    "本事项涉及市场主体经济活动，须填写公平竞争审查意见（第二十九条）。"));
        }
    }
}
