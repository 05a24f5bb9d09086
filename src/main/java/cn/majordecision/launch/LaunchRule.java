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
 * corrected launch record. The head confirms the case's flags and the basis of each one that switches a stage off
 * (Arts. 14, 19, 22): no launch without it.
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
        if ("launch".equals(submission.text("launchDecision")) && !submission.checked("flagsConfirmed")) {
            violations.add(new FieldViolation("flagsConfirmed", "FLAGS_NOT_CONFIRMED",
                    "决定启动前，请核对本事项的标记及不履行程序的依据并勾选确认；有异议的，请告知承办科室修改标记后再决定，或决定不启动。"));
        }
    }

    /** A corrected unit goes into the case too: the case's units are the ones its launch record names. */
    @Override
    public void applyCorrection(Submission correction) {
        if ("launch".equals(correction.text("launchDecision"))) {
            cases.confirmUnits(correction.decisionCase().getId(), correction.text("undertakingUnit"),
                    correction.text("leadUnit"));
        }
    }

    @Override
    public void apply(Submission submission) {
        if ("launch".equals(submission.text("launchDecision"))) {
            cases.confirmUnits(submission.decisionCase().getId(), submission.text("undertakingUnit"),
                    submission.text("leadUnit"));
            cases.confirmFlags(submission.decisionCase().getId(), submission.actor().userId());
        }
    }
}
