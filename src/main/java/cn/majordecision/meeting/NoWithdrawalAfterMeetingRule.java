package cn.majordecision.meeting;

import cn.majordecision.shared.FieldViolation;
import cn.majordecision.worklist.Submission;
import cn.majordecision.worklist.SubmissionRule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Once the collective meeting was held, the case is decided at the meeting and can no longer be withdrawn (Art. 30):
 * not by the officer's withdrawal, and not by a task that offers withdrawal when a substantial revision sends the case
 * back to the legality review or the risk assessment.
 */
@Component
class NoWithdrawalAfterMeetingRule implements SubmissionRule {

    /** Form id to the field whose value "withdraw" would end the case as withdrawn. */
    private static final Map<String, String> WITHDRAWING_FIELDS = Map.of(
            "decide-after-unlawful", "unlawfulAction",
            "adjust-draft-for-risk", "riskAction");

    @Override
    public Set<String> forms() {
        return WITHDRAWING_FIELDS.keySet();
    }

    @Override
    public void check(Submission s, List<FieldViolation> violations) {
        String field = WITHDRAWING_FIELDS.get(s.formKey());
        if (s.decisionCase().isMeetingHeld() && "withdraw".equals(s.text(field))) {
            violations.add(new FieldViolation(field, "CASE_NOT_WITHDRAWABLE",
                    "本事项已经召开集体讨论会议，不能再撤回；请修改草案后重新送审，由会议作出决定（第三十条）。"));
        }
    }
}
