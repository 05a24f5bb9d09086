package cn.majordecision.expertreview;

import cn.majordecision.cases.CaseAccess;
import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.cases.OpenTask;
import cn.majordecision.cases.OpinionSeal;
import cn.majordecision.expertreview.ExpertReviewEvent.Kind;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.FieldViolation;
import cn.majordecision.worklist.TaskSnapshot;
import cn.majordecision.worklist.WorklistService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each expert declares, before seeing a case's materials, that they have no interest in it, or which interest they
 * have (Art. 20). Until a no-conflict declaration exists the task view withholds the materials and the opinion cannot
 * be submitted; an expert who declared an interest cannot submit at all, and the officer gives the task to another
 * qualifying expert.
 */
@Service
@Transactional
public class ExpertIndependence {

    private final WorklistService worklist;
    private final CaseService cases;
    private final CaseAccess access;
    private final ExpertEligibility eligibility;
    private final ExpertDeclarationRepository declarations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ExpertIndependence(WorklistService worklist, CaseService cases, CaseAccess access, 
            ExpertEligibility eligibility, ExpertDeclarationRepository declarations, ApplicationEventPublisher events,
            Clock clock) {
        this.worklist = worklist;
        this.cases = cases;
        this.access = access;
        this.eligibility = eligibility;
        this.declarations = declarations;
        this.events = events;
        this.clock = clock;
    }

    public record Declaration(Boolean noConflict, String interest) {
    }

    public record DeclarationView(String taskId, String caseNumber, String expert, boolean noConflict,
            String interest, Instant declaredAt, boolean materialsVisible) {
    }

    public record Replacement(String expertUserId) {
    }

    public record ReplacementView(String taskId, String caseNumber, String previousExpert, String expert) {
    }

    public DeclarationView declare(String taskId, Declaration declaration, Actor expert) {
        List<FieldViolation> violations = new ArrayList<>();
        if (declaration.noConflict() == null) {
            violations.add(new FieldViolation("noConflict", "REQUIRED", "请声明是否与本事项存在利害关系。"));
        } else if (!declaration.noConflict()) {
            if (declaration.interest() == null || declaration.interest().isBlank()) {
                violations.add(new FieldViolation("interest", "INTEREST_REQUIRED", "存在利害关系的，请说明是何种利害关系。"));
            }
        }
        if (declaration.interest() != null && declaration.interest().length() > 2000) {
            violations.add(new FieldViolation("interest", "TOO_LONG", "利害关系说明最多 2000 个字。"));
        }
        TaskSnapshot task = ownOpinionTask(taskId, expert);
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        if (declarationOf(task, expert.userId()).isPresent()) {
            throw DomainException.conflict("ALREADY_DECLARED", "您已就本任务作出声明，声明不能更改；如有变化，请联系承办科室。");
        }
        boolean noConflict = declaration.noConflict();
        String interest = noConflict ? null : declaration.interest().strip();
        ExpertDeclaration saved = declarations.save(new ExpertDeclaration(task.caseId(), expert.userId(), task.id(),
                noConflict, interest, clock.instant()));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("taskId", task.id());
        payload.put("expert", expert.userId());
        payload.put("noConflict", noConflict);
        if (interest != null) {
            payload.put("interest", interest);
        }
        events.publishEvent(new ExpertReviewEvent(Kind.CONFLICT_DECLARED, task.caseId(), expert.userId(), payload));
        return new DeclarationView(task.id(), cases.get(task.caseId()).getNumber(), expert.userId(), noConflict,
                interest, saved.getDeclaredAt(), noConflict);
    }

    /** Gives an open opinion task whose expert declared an interest (or has not declared yet) to another expert. */
    public ReplacementView replace(String taskId, Replacement replacement, Actor officer) {
        TaskSnapshot task = worklist.find(taskId).filter(t -> OpinionSeal.OPINION_FORM.equals(t.formKey()))
                .orElseThrow(ExpertIndependence::unknownTask);
        DecisionCase decisionCase = cases.get(task.caseId());
        if (!officer.isIn("officers") || !access.mayRead(decisionCase, officer)) {
            throw unknownTask();
        }
        if (!access.isOwnUnit(decisionCase, officer)) {
            throw DomainException.forbidden("UNIT_NOT_YOURS", "该事项由" + decisionCase.getUndertakingUnit()
                    + "承办，您所在单位只能查阅，不能办理。");
        }
        String previous = task.assignee();
        if (previous != null && declarationOf(task, previous).map(ExpertDeclaration::isNoConflict).orElse(false)) {
            throw DomainException.conflict("EXPERT_NOT_REPLACEABLE",
                    "该专家已声明与本事项无利害关系，正在独立论证，不能更换。");
        }
        String next = replacement.expertUserId();
        List<FieldViolation> violations = new ArrayList<>();
        if (next == null || next.isBlank()) {
            violations.add(new FieldViolation("expertUserId", "REQUIRED", "请填写接替的专家账号。"));
        } else if (next.length() > 64) {
            violations.add(new FieldViolation("expertUserId", "EXPERT_UNKNOWN", "专家账号最多 64 个字符。"));
        } else {
            eligibility.check(next, decisionCase)
                    .ifPresent(r -> violations.add(new FieldViolation("expertUserId", r.code(), r.message())));
            if (violations.isEmpty() && inRound(decisionCase, next)) {
                violations.add(new FieldViolation("expertUserId", "EXPERT_DUPLICATE",
                        "该专家已在本轮论证中，不能重复选择：" + next + "。"));
            }
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        worklist.reassign(taskId, next);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("taskId", taskId);
        payload.put("previousExpert", previous);
        payload.put("expert", next);
        events.publishEvent(new ExpertReviewEvent(Kind.EXPERT_REPLACED, decisionCase.getId(), officer.userId(),
                payload));
        return new ReplacementView(taskId, decisionCase.getNumber(), previous, next);
    }

    /** The declarations of a case, for the officers and heads who read it. */
    @Transactional(readOnly = true)
    public List<DeclarationView> declarations(String number, Actor reader) {
        DecisionCase decisionCase = cases.read(number, reader);
        return declarations.findByCaseIdOrderById(decisionCase.getId()).stream()
                .map(d -> new DeclarationView(d.getTaskId(), number, d.getExpertUserId(), d.isNoConflict(),
                        d.getInterest(), d.getDeclaredAt(), d.isNoConflict()))
                .toList();
    }

    private boolean inRound(DecisionCase decisionCase, String userId) {
        List<OpenTask> open = cases.openTasks(decisionCase.getId());
        boolean assigned = open.stream().anyMatch(t -> OpinionSeal.OPINION_FORM.equals(t.formKey())
                && userId.equals(t.assignee()));
        Long selection = cases.latestRecord(decisionCase.getId(), OpinionSeal.SELECTION_FORM)
                .map(r -> r.getId()).orElse(0L);
        boolean wrote = cases.records(decisionCase.getId()).stream()
                .anyMatch(r -> OpinionSeal.OPINION_FORM.equals(r.getFormKey()) && r.getId() > selection
                        && userId.equals(r.getActor()));
        return assigned || wrote;
    }

    private Optional<ExpertDeclaration> declarationOf(TaskSnapshot task, String userId) {
        return ExpertTaskGuard.declarationOf(declarations, task, userId);
    }

    private TaskSnapshot ownOpinionTask(String taskId, Actor expert) {
        return worklist.find(taskId)
                .filter(t -> OpinionSeal.OPINION_FORM.equals(t.formKey()) && t.isAssignedTo(expert))
                .orElseThrow(ExpertIndependence::unknownTask);
    }

    private static DomainException unknownTask() {
        return DomainException.notFound("TASK_NOT_FOUND", "未找到该任务。");
    }
}
