package cn.majordecision.compliance;

import cn.majordecision.cases.Stage;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.worklist.TaskGuard;
import cn.majordecision.worklist.TaskSnapshot;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A decision is published (Art. 32) or archived (Art. 33) only when every stage the statute requires before it has its
 * record, or was skipped by a flag that allows the skip: judged by the same rules as the compliance report, whichever
 * way the case reached the task.
 */
@Component
class StatutoryRecordsGate implements TaskGuard {

    private static final Map<String, Stage> GATED = Map.of(
            "publish-decision", Stage.PUBLICATION,
            "confirm-archive", Stage.ARCHIVING);

    private final ComplianceService compliance;

    StatutoryRecordsGate(ComplianceService compliance) {
        this.compliance = compliance;
    }

    @Override
    public void beforeCompletion(TaskSnapshot task, Actor actor) {
        Stage step = GATED.get(task.formKey());
        if (step == null || task.caseId() == null) {
            return;
        }
        List<ArticleCheck> unmet = compliance.unmetBefore(task.caseId(), step);
        if (!unmet.isEmpty()) {
            throw DomainException.conflict("STATUTORY_RECORDS_MISSING", "本事项还不能%s：%s。请按法定程序补办后再提交。".formatted(
                    step == Stage.PUBLICATION ? "公布" : "归档",
                    unmet.stream().map(a -> "第%s条“%s”没有记录".formatted(a.articles(), a.title()))
                            .collect(Collectors.joining("；"))));
        }
    }
}
