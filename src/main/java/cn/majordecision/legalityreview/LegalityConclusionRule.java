package cn.majordecision.legalityreview;

import cn.majordecision.shared.FieldViolation;
import cn.majordecision.worklist.Submission;
import cn.majordecision.worklist.SubmissionRule;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A lawful conclusion needs all three findings of Art. 27 lawful; the exploratory-reform conclusion is only for cases
 * flagged as exploratory reform and states the legal risk (Art. 25).
 */
@Component
class LegalityConclusionRule implements SubmissionRule {

    private static final List<String> FINDINGS = List.of("authorityFinding", "procedureFinding", "contentFinding");

    @Override
    public Set<String> forms() {
        return Set.of(LegalityReviewService.CONCLUSION_FORM);
    }

    @Override
    public void check(Submission s, List<FieldViolation> violations) {
        String conclusion = s.text("legalityConclusion");
        if ("exploratory".equals(conclusion) && !s.decisionCase().getFlags().exploratoryReform()) {
            violations.add(new FieldViolation("legalityConclusion", "EXPLORATORY_NOT_FLAGGED",
                    "本事项未标记为探索性改革事项，不能作出“探索性改革”结论。"));
        }
        if ("lawful".equals(conclusion)) {
            for (String finding : FINDINGS) {
                if (!"lawful".equals(s.text(finding))) {
                    violations.add(new FieldViolation(finding, "FINDING_CONTRADICTS_CONCLUSION",
                            s.label(finding) + "存在问题时，审查结论不能为“合法”。"));
                }
            }
        }
    }
}
