package cn.majordecision.riskassessment;

import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.DraftVersion;
import cn.majordecision.shared.FieldViolation;
import cn.majordecision.worklist.Submission;
import cn.majordecision.worklist.SubmissionRule;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A risk judged not controllable may be decided on only after measures such as adjusting the draft (Art. 24): the
 * reassessment loop therefore needs a new draft version that differs from the one assessed, with what was changed.
 */
@Component
class RiskAdjustmentRule implements SubmissionRule {

    private final CaseService cases;

    RiskAdjustmentRule(CaseService cases) {
        this.cases = cases;
    }

    @Override
    public Set<String> forms() {
        return Set.of("adjust-draft-for-risk");
    }

    @Override
    public void check(Submission s, List<FieldViolation> violations) {
        // a correction cannot change the draft text, which is already the current version
        if (!"adjust".equals(s.text("riskAction")) || s.isCorrection()) {
            return;
        }
        // the form itself requires the adjusted draft and what was changed when the action is "adjust"
        String text = s.text("draftText");
        Optional<DraftVersion> current = cases.currentDraft(s.decisionCase().getId());
        if (text != null && current.isPresent() && text.strip().equals(current.get().getText().strip())) {
            violations.add(new FieldViolation("draftText", "DRAFT_UNCHANGED",
                    "修改稿与第 %d 稿完全相同；风险不可控的，须调整草案后再重新评估（第二十四条）。"
                            .formatted(current.get().getVersionNumber())));
        }
    }

    @Override
    public Map<String, Object> variables(Submission s) {
        return Map.of();
    }
}
