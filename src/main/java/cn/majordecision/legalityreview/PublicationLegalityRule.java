package cn.majordecision.legalityreview;

import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.FieldViolation;
import cn.majordecision.worklist.Submission;
import cn.majordecision.worklist.SubmissionRule;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What is published is a draft that passed the legality review (Art. 25): the current draft version carries a lawful
 * (or exploratory) conclusion, or, revised after the meeting, the reviewer's confirmation that the revision leaves the
 * conclusion intact.
 */
@Component
class PublicationLegalityRule implements SubmissionRule {

    private final LegalityReviewService legality;

    PublicationLegalityRule(LegalityReviewService legality) {
        this.legality = legality;
    }

    @Override
    public Set<String> forms() {
        return Set.of("publish-decision");
    }

    @Override
    public void check(Submission s, List<FieldViolation> violations) {
        // a correction of the publication record does not publish again
        if (!s.isCorrection() && !legality.isClearedForPublication(s.decisionCase().getId())) {
            throw DomainException.conflict("LEGALITY_NOT_CLEARED",
                    "本事项当前草案既没有合法性审查“合法”结论，也没有审查部门“修改不影响审查结论”的确认，不能公布（第二十五条）。");
        }
    }
}
