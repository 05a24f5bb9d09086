package cn.majordecision.worklist;

import cn.majordecision.shared.FieldViolation;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A statutory rule over a whole submission that a form cannot express (e.g. a consultation shorter than 30 days
 * needs its urgency reason). Feature modules contribute them as beans; they run after the form's own checks.
 */
public interface SubmissionRule {

    /** The form ids this rule applies to. */
    Set<String> forms();

    /** Adds a violation for every broken rule. */
    void check(Submission submission, List<FieldViolation> violations);

    /** Extra process variables the submission sets (ids, dates and outcomes only). */
    default Map<String, Object> variables(Submission submission) {
        return Map.of();
    }

    /**
     * What the process acted on when the submission was recorded: a correction that changes it is refused. By default
     * the variables the rule sets; a rule whose {@link #apply} writes elsewhere adds what it wrote.
     */
    default Map<String, Object> actedOn(Submission submission) {
        return variables(submission);
    }

    /** Side effects in the module's own tables, in the same transaction as the record. */
    default void apply(Submission submission) {
    }

    /**
     * Side effects of a correction that passed every rule, in the same transaction as the correction: for data the
     * module keeps in step with the record. Nothing by default.
     */
    default void applyCorrection(Submission correction) {
    }
}
