package cn.majordecision.worklist;

import cn.majordecision.cases.CaseAccess;
import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.cases.DraftInput;
import cn.majordecision.cases.RecordCorrection;
import cn.majordecision.cases.Stage;
import cn.majordecision.cases.StageRecord;
import cn.majordecision.cases.SubmittedTask;
import cn.majordecision.forms.FormCatalog;
import cn.majordecision.forms.FormSchema;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.FieldViolation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Inbox, claim, task view and validated completion of the user tasks of every decision process. */
@Service
@Transactional
public class WorklistService {

    private static final Set<String> READERS = Set.of("auditors");

    private final TaskEngine engine;
    private final CaseService cases;
    private final CaseAccess access;
    private final FormCatalog forms;
    private final List<SubmissionRule> rules;
    private final List<TaskGuard> guards;
    private final ObjectMapper canonicalJson;
    private final MeterRegistry meters;

    WorklistService(TaskEngine engine, CaseService cases, CaseAccess access, FormCatalog forms,
            List<SubmissionRule> rules, List<TaskGuard> guards, ObjectMapper mapper, MeterRegistry meters) {
        this.engine = engine;
        this.cases = cases;
        this.access = access;
        this.forms = forms;
        this.rules = rules;
        this.guards = guards;
        this.canonicalJson = mapper.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        this.meters = meters;
        // every stage's counter exists from the start, so a rate over it is defined before its first completion
        for (Stage stage : Stage.values()) {
            completions(stage);
        }
    }

    @Transactional(readOnly = true)
    public List<InboxEntry> inbox(Actor actor, int page, int size) {
        return engine.inbox(actor.userId(), List.copyOf(actor.groups()), page * size, size).stream()
                .map(task -> Map.entry(task, cases.get(task.caseId())))
                .filter(pair -> mayWorkOn(pair.getKey(), pair.getValue(), actor))
                .map(pair -> new InboxEntry(pair.getKey(), pair.getValue().getNumber(), pair.getValue().getTitle()))
                .toList();
    }

    @Transactional(readOnly = true)
    public TaskView view(String taskId, Actor actor) {
        TaskSnapshot task = openTask(taskId);
        DecisionCase decisionCase = cases.get(task.caseId());
        if (!mayWorkOn(task, decisionCase, actor) && !actor.isInAny(READERS)) {
            throw unknownTask();
        }
        if (guards.stream().anyMatch(g -> g.withholdsMaterials(task, actor))) {
            return new TaskView(task, forms.get(task.formKey()).json(), decisionCase, null, List.of(), List.of(), true);
        }
        // sealed expert opinions of the current round are left out (Art. 19), see CaseService#opinionSeal
        List<StageRecord> earlier = cases.records(task.caseId(), actor);
        return new TaskView(task, forms.get(task.formKey()).json(), decisionCase,
                cases.currentDraft(task.caseId()).orElse(null), earlier, cases.procedureStatement(task.caseId()), false);
    }

    /** An open task as it is, without access checks: for feature modules that check access themselves. */
    @Transactional(readOnly = true)
    public Optional<TaskSnapshot> find(String taskId) {
        return engine.find(taskId);
    }

    /** Gives an open personal task to another user; the calling module has checked who may do this and to whom. */
    public TaskSnapshot reassign(String taskId, String userId) {
        TaskSnapshot task = openTask(taskId);
        engine.assign(taskId, userId);
        return task.withAssignee(userId);
    }

    public TaskSnapshot claim(String taskId, Actor actor) {
        TaskSnapshot task = openTask(taskId);
        if (task.isAssignedTo(actor)) {
            return task;
        }
        if (!mayWorkOn(task, cases.get(task.caseId()), actor)) {
            throw unknownTask();
        }
        if (task.assignee() != null) {
            throw DomainException.conflict("TASK_CLAIMED_BY_OTHER", "该任务已由他人签收，不能重复签收。");
        }
        engine.claim(taskId, actor.userId());
        return task.withAssignee(actor.userId());
    }

    public TaskSnapshot unclaim(String taskId, Actor actor) {
        TaskSnapshot task = openTask(taskId);
        if (!task.isAssignedTo(actor)) {
            throw mayWorkOn(task, cases.get(task.caseId()), actor) ? notYours() : unknownTask();
        }
        if (task.candidateGroups().isEmpty()) {
            throw DomainException.conflict("TASK_PERSONAL", "该任务是指定给您本人的，不能退回。");
        }
        engine.unclaim(taskId);
        return task.withAssignee(null);
    }

    /**
     * Validates the submission against the task's form and the statutory rules, then records it and completes the
     * task in one transaction: either all of it happens or nothing does.
     */
    public Completion complete(String taskId, Actor actor, Map<String, Object> data) {
        TaskSnapshot task = openTask(taskId);
        if (!task.isAssignedTo(actor)) {
            if (!mayWorkOn(task, cases.get(task.caseId()), actor)) {
                throw unknownTask();
            }
            if (task.assignee() != null) {
                throw notYours();
            }
            throw DomainException.conflict("TASK_NOT_CLAIMED", "请先签收该任务，再提交办理结果。");
        }
        guards.forEach(guard -> guard.beforeCompletion(task, actor));
        DecisionCase decisionCase = cases.get(task.caseId());
        FormSchema form = forms.get(task.formKey());
        List<FieldViolation> violations = new ArrayList<>(form.validate(data));
        Submission submission = new Submission(task, decisionCase, form, data, actor);
        List<SubmissionRule> applicable = rules.stream().filter(r -> r.forms().contains(task.formKey())).toList();
        if (violations.isEmpty()) {
            applicable.forEach(rule -> rule.check(submission, violations));
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        Stage stage = Stage.ofTask(task.processKey(), task.taskKey());
        StageRecord record = cases.recordSubmission(task.caseId(),
                new SubmittedTask(task.id(), task.taskKey(), task.name(), task.formKey(), stage), actor,
                canonical(data), draftOf(submission));
        Map<String, Object> variables = new HashMap<>(form.outcomes(data));
        for (SubmissionRule rule : applicable) {
            rule.apply(submission);
            variables.putAll(rule.variables(submission));
        }
        engine.complete(taskId, variables);
        countCompletion(stage);
        return new Completion(record, cases.openTasks(task.caseId()));
    }

    private Counter completions(Stage stage) {
        return Counter.builder("decision.task.completions").tag("stage", stage.name())
                .description("User tasks completed through the worklist").register(meters);
    }

    /** Counted once the completion has committed: a refused or rolled-back submission completed nothing. */
    private void countCompletion(Stage stage) {
        Counter counter = completions(stage);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }

    /**
     * Corrects what a completed task recorded (a wrong date, a typo) with a new record pointing at it. The data passes
     * the same form and the same statutory rules as a submission, with the case as it is now; what the process already
     * acted on (the outcome fields and the variables the rules set) and the draft text (which has its own versions)
     * cannot be corrected this way: that takes the procedure.
     */
    public RecordCorrection correct(String caseNumber, Long recordId, Actor actor, Map<String, Object> data,
            String reason) {
        StageRecord record = cases.ownRecord(caseNumber, recordId, actor);
        List<FieldViolation> missing = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            missing.add(new FieldViolation("reason", "REQUIRED", "请说明更正理由。"));
        } else if (reason.length() > 2000) {
            missing.add(new FieldViolation("reason", "TOO_LONG", "更正理由最多 2000 个字。"));
        }
        if (data == null) {
            missing.add(new FieldViolation("data", "REQUIRED", "请提供更正后的完整表单内容。"));
        }
        if (!missing.isEmpty()) {
            throw DomainException.invalid(missing);
        }
        DecisionCase decisionCase = cases.get(record.getCaseId());
        if (!decisionCase.isActive()) {
            throw DomainException.conflict("CASE_CLOSED", "事项已办结，记录不能再更正。");
        }
        FormSchema form = forms.get(record.getFormKey());
        List<FieldViolation> violations = new ArrayList<>(form.validate(data));
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        Map<String, Object> before = parse(cases.currentPayload(record));
        if (!form.outcomes(data).equals(form.outcomes(before))) {
            throw DomainException.conflict("OUTCOME_NOT_CORRECTABLE",
                    "办理结果已决定了流程走向，不能更正；如需改变决定，请按法定程序重新办理。");
        }
        if (!Objects.equals(data.get("draftText"), before.get("draftText"))) {
            throw DomainException.conflict("DRAFT_NOT_CORRECTABLE", "草案正文不能通过更正修改，请在修改草案的步骤中形成新版本。");
        }
        TaskSnapshot task = new TaskSnapshot(record.getTaskId(), record.getTaskName(), record.getTaskKey(), null,
                record.getFormKey(), actor.userId(), List.of(), record.getCaseId(), record.getCompletedAt(), null);
        Submission original = new Submission(task, decisionCase, form, before, actor);
        Submission correction = Submission.correcting(record, before, task, decisionCase, form, data, actor);
        List<SubmissionRule> applicable = rules.stream().filter(r -> r.forms().contains(record.getFormKey())).toList();
        for (SubmissionRule rule : applicable) {
            if (!Objects.equals(rule.actedOn(correction), rule.actedOn(original))) {
                throw DomainException.conflict("OUTCOME_NOT_CORRECTABLE",
                        "更正改变了流程已据以办理的内容，不能更正；如需改变，请按法定程序重新办理。");
            }
        }
        applicable.forEach(rule -> rule.check(correction, violations));
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        RecordCorrection stored = cases.recordCorrection(record, actor, reason.strip(), canonical(data));
        applicable.forEach(rule -> rule.applyCorrection(correction));
        return stored;
    }

    private Map<String, Object> parse(String json) {
        try {
            return canonicalJson.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored records are valid JSON", e);
        }
    }

    private static Optional<DraftInput> draftOf(Submission submission) {
        String text = submission.text("draftText");
        if (text == null) {
            return Optional.empty();
        }
        return Optional.of(new DraftInput(text, submission.text("draftExplanation"), submission.text("changeSummary")));
    }

    private TaskSnapshot openTask(String taskId) {
        Optional<TaskSnapshot> task = engine.find(taskId);
        if (task.isPresent()) {
            return task.get();
        }
        if (cases.recordOfTask(taskId).isPresent()) {
            throw DomainException.conflict("TASK_ALREADY_COMPLETED", "该任务已经办结，不能重复办理。");
        }
        if (engine.existedOnce(taskId)) {
            throw DomainException.conflict("TASK_CANCELLED", "该任务已终止：决策事项已撤回或已结束。");
        }
        throw unknownTask();
    }

    /**
     * Whether the task is the actor's to work on: assigned to them, or offered to one of their groups. A task offered
     * to officers is only for the officers of the case's own unit.
     */
    private boolean mayWorkOn(TaskSnapshot task, DecisionCase decisionCase, Actor actor) {
        if (task.isAssignedTo(actor)) {
            return true;
        }
        boolean onlyAsOfficer = task.candidateGroups().stream().filter(actor::isIn).allMatch("officers"::equals);
        return task.isOfferedTo(actor) && (!onlyAsOfficer || access.isOwnUnit(decisionCase, actor));
    }

    /** A task one may not work on is answered like one that does not exist: its id tells nothing. */
    private static DomainException unknownTask() {
        return DomainException.notFound("TASK_NOT_FOUND", "未找到该任务。");
    }

    private String canonical(Map<String, Object> data) {
        try {
            return canonicalJson.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Validated form data is always serialisable", e);
        }
    }

    private static DomainException notYours() {
        return DomainException.forbidden("TASK_NOT_YOURS", "该任务不属于您或您所在的岗位，无权办理。");
    }
}
