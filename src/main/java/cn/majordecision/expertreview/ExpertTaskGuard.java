package cn.majordecision.expertreview;

import cn.majordecision.cases.OpinionSeal;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.worklist.TaskGuard;
import cn.majordecision.worklist.TaskSnapshot;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * An expert sees a case's materials and may submit an opinion only after declaring no interest in it (Art. 20); an
 * expert who declared an interest may not submit at all.
 */
@Component
class ExpertTaskGuard implements TaskGuard {

    private final ExpertDeclarationRepository declarations;

    ExpertTaskGuard(ExpertDeclarationRepository declarations) {
        this.declarations = declarations;
    }

    @Override
    public boolean withholdsMaterials(TaskSnapshot task, Actor actor) {
        return OpinionSeal.OPINION_FORM.equals(task.formKey()) && task.isAssignedTo(actor)
                && !declarationOf(declarations, task, actor.userId()).map(ExpertDeclaration::isNoConflict)
                        .orElse(false);
    }

    @Override
    public void beforeCompletion(TaskSnapshot task, Actor actor) {
        if (!OpinionSeal.OPINION_FORM.equals(task.formKey()) || !task.isAssignedTo(actor)) {
            return;
        }
        Optional<ExpertDeclaration> declared = declarationOf(declarations, task, actor.userId());
        if (declared.isEmpty()) {
            throw DomainException.conflict("CONFLICT_DECLARATION_REQUIRED",
                    "请先声明与本事项无利害关系，再查阅材料并提交论证意见。");
        }
        if (!declared.get().isNoConflict()) {
            throw DomainException.conflict("EXPERT_INTEREST_DECLARED",
                    "您已申报与本事项存在利害关系，不能出具论证意见；承办科室将另行选择专家。");
        }
    }

    static Optional<ExpertDeclaration> declarationOf(ExpertDeclarationRepository declarations, TaskSnapshot task,
            String userId) {
        return declarations.findByCaseIdAndExpertUserIdOrderById(task.caseId(), userId).stream()
                .filter(d -> Objects.equals(d.getTaskId(), task.id())).findFirst();
    }
}
