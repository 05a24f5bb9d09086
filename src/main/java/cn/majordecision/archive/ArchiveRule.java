package cn.majordecision.archive;

import cn.majordecision.shared.FieldViolation;
import cn.majordecision.worklist.Submission;
import cn.majordecision.worklist.SubmissionRule;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Archiving is confirmed only when its dossier can be rendered in full: a font, and a glyph for every character. */
@Component
class ArchiveRule implements SubmissionRule {

    private final Dossiers dossiers;

    ArchiveRule(Dossiers dossiers) {
        this.dossiers = dossiers;
    }

    @Override
    public Set<String> forms() {
        return Set.of("confirm-archive");
    }

    @Override
    public void check(Submission submission, List<FieldViolation> violations) {
        dossiers.checkRenderable(submission.decisionCase(), submission.data(), violations);
    }
}
