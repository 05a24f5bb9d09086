package cn.majordecision.launch;

import cn.majordecision.cases.CaseService;
import cn.majordecision.shared.FieldViolation;
import cn.majordecision.worklist.Submission;
import cn.majordecision.worklist.SubmissionRule;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * On launch, the units the head confirms become the case's undertaking and lead unit (Art. 11); so do the units of a
 * corrected launch record.
 */
@Component
class LaunchRule implements SubmissionRule {

    private final CaseService cases;

    LaunchRule(CaseService cases) {
        this.cases = cases;
    }

    @Override
    public Set<String> forms() {
        return Set.of("decide-launch");
    }

    @Override
    public void check(Submission submission, List<FieldViolation> violations) {
        // required-when rules live in the form; nothing else to check
    }

    /** A corrected unit goes into the case too: the case's units are the ones its launch record names. */
    @Override
    public void applyCorrection(Submission correction) {
        apply(correction);
    }

    @Override
    public void apply(Submission submission) {
        if ("launch".equals(submission.text("launchDecision"))) {
            cases.confirmUnits(submission.decisionCase().getId(), submission.text("undertakingUnit"),
                    submission.text("leadUnit"));
        }
    }
}
