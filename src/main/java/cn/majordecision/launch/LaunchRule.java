package cn.majordecision.launch;

import cn.majordecision.cases.CaseService;
import cn.majordecision.shared.FieldViolation;
import cn.majordecision.worklist.Submission;
import cn.majordecision.worklist.SubmissionRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** On launch, the units the head confirms become the case's undertaking and lead unit (Art. 11). */
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

    /** The confirmed units went into the case when the head launched it: a correction cannot change them. */
    @Override
    public Map<String, Object> actedOn(Submission submission) {
        Map<String, Object> units = new HashMap<>();
        if ("launch".equals(submission.text("launchDecision"))) {
            units.put("undertakingUnit", submission.text("undertakingUnit"));
            units.put("leadUnit", submission.text("leadUnit"));
        }
        return units;
    }

    @Override
    public void apply(Submission submission) {
        if ("launch".equals(submission.text("launchDecision"))) {
            cases.confirmUnits(submission.decisionCase().getId(), submission.text("undertakingUnit"),
                    submission.text("leadUnit"));
        }
    }
}
