package cn.majordecision.expertreview;

import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.OpinionSeal;
import cn.majordecision.cases.StageRecord;
import cn.majordecision.shared.FieldViolation;
import cn.majordecision.worklist.Submission;
import cn.majordecision.worklist.SubmissionRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Every expert opinion of the round gets an adoption answer (adopted, partly adopted, not adopted, not applicable,
 * with a reason), as public opinions do; the task cannot be completed while one has none. An entry names its expert by
 * account or name; an entry for nobody who wrote an opinion is refused.
 */
@Component
class ExpertAdoptionRule implements SubmissionRule {

    private final CaseService cases;

    ExpertAdoptionRule(CaseService cases) {
        this.cases = cases;
    }

    @Override
    public Set<String> forms() {
        return Set.of("record-expert-adoption");
    }

    @Override
    public void check(Submission s, List<FieldViolation> violations) {
        Long caseId = s.decisionCase().getId();
        // a correction is judged against the round it recorded, not a later one
        long until = s.isCorrection() ? s.corrected().getId() : Long.MAX_VALUE;
        long selection = cases.records(caseId).stream()
                .filter(r -> OpinionSeal.SELECTION_FORM.equals(r.getFormKey()) && r.getId() < until)
                .mapToLong(StageRecord::getId).max().orElse(0L);
        List<StageRecord> opinions = cases.records(caseId).stream()
                .filter(r -> OpinionSeal.OPINION_FORM.equals(r.getFormKey()) && r.getId() > selection
                        && r.getId() < until).toList();
        List<Map<String, Object>> adoptions = s.list("adoptions");
        List<StageRecord> answered = new ArrayList<>();
        for (int i = 0; i < adoptions.size(); i++) {
            String named = adoptions.get(i).get("expert") instanceof String text ? text.strip() : null;
            StageRecord match = opinions.stream().filter(r -> names(r, named)).findFirst().orElse(null);
            if (match == null) {
                violations.add(new FieldViolation("adoptions[" + i + "].expert", "EXPERT_ADOPTION_UNKNOWN",
                        "“" + named + "”不是本轮提交论证意见的专家，请填写专家姓名或账号。"));
            } else {
                answered.add(match);
            }
        }
        for (StageRecord opinion : opinions) {
            if (answered.stream().noneMatch(a -> Objects.equals(a.getId(), opinion.getId()))) {
                violations.add(new FieldViolation("adoptions", "EXPERT_ADOPTION_MISSING",
                        "专家%s的论证意见尚未记录采纳情况，每份意见都须记录后才能办结。".formatted(opinion.getActorName())));
            }
        }
    }

    private static boolean names(StageRecord opinion, String named) {
        return named != null && (named.equals(opinion.getActor()) || named.equals(opinion.getActorName()));
    }
}
