package cn.majordecision.worklist.web;

import cn.majordecision.calendar.Deadlines;
import cn.majordecision.calendar.WorkingDayCalendar;

import cn.majordecision.cases.CaseViews;
import cn.majordecision.cases.OpenTask;
import cn.majordecision.cases.ProcedureStep;
import cn.majordecision.cases.StageRecord;
import cn.majordecision.shared.Actor;
import cn.majordecision.worklist.Completion;
import cn.majordecision.worklist.TaskSnapshot;
import cn.majordecision.worklist.TaskView;
import cn.majordecision.worklist.WorklistService;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** My inbox, claim and unclaim, a task with its form and case context, and completion with form data. */
@RestController
@Validated
@RequestMapping(path = "/api/tasks", produces = "application/json")
class TaskController {

    private final WorklistService worklist;
    private final Deadlines deadlines;
    private final Clock clock;

    TaskController(WorklistService worklist, Deadlines deadlines, Clock clock) {
        this.worklist = worklist;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    record TaskItem(String id, String name, String taskKey, String formKey, String assignee,
            List<String> candidateGroups, String caseNumber, String caseTitle, Instant created, Instant due,
            boolean overdue, boolean dueProvisional) {
    }

    record TaskDetail(TaskItem task, JsonNode form, CaseViews.CaseSummary decisionCase, CaseViews.Draft currentDraft,
            List<CaseViews.Record> earlierRecords, List<ProcedureStep> procedureStatement, boolean materialsWithheld) {
    }

    record CompletionView(long recordId, String stage, Instant completedAt, int draftVersion,
            Integer producedDraftVersion, String sha256, List<OpenTask> nextTasks) {
    }

    @GetMapping
    List<TaskItem> inbox(@RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负数。")
            @Max(value = 100_000, message = "页码最大为 100000。") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少 1 条。")
            @Max(value = 200, message = "每页最多 200 条。") int size, Actor actor) {
        WorkingDayCalendar.Lookup days = deadlines.lookup();
        return worklist.inbox(actor, page, size).stream()
                .map(entry -> item(entry.task(), entry.caseNumber(), entry.caseTitle(), days)).toList();
    }

    @GetMapping("/{taskId}")
    TaskDetail task(@PathVariable @Size(max = 64) String taskId, Actor actor) {
        TaskView view = worklist.view(taskId, actor);
        return new TaskDetail(item(view.task(), view.decisionCase().getNumber(), view.decisionCase().getTitle(),
                deadlines.lookup()),
                view.form(), CaseViews.summary(view.decisionCase()),
                view.currentDraft() == null ? null : CaseViews.draft(view.currentDraft()),
                view.earlierRecords().stream().map(CaseViews::record).toList(), view.procedureStatement(),
                view.materialsWithheld());
    }

    @PostMapping("/{taskId}/claim")
    TaskItem claim(@PathVariable @Size(max = 64) String taskId, Actor actor) {
        return item(worklist.claim(taskId, actor), null, null, deadlines.lookup());
    }

    @DeleteMapping("/{taskId}/claim")
    TaskItem unclaim(@PathVariable @Size(max = 64) String taskId, Actor actor) {
        return item(worklist.unclaim(taskId, actor), null, null, deadlines.lookup());
    }

    @PostMapping(path = "/{taskId}/complete", consumes = "application/json")
    CompletionView complete(@PathVariable @Size(max = 64) String taskId, @RequestBody Map<String, Object> data,
            Actor actor) {
        Completion completion = worklist.complete(taskId, actor, data);
        StageRecord record = completion.record();
        return new CompletionView(record.getId(), record.getStage().name(), record.getCompletedAt(),
                record.getDraftVersion(), record.getProducedDraftVersion(), record.getPayloadSha256(),
                completion.nextTasks());
    }

    private TaskItem item(TaskSnapshot task, String caseNumber, String caseTitle, WorkingDayCalendar.Lookup days) {
        return new TaskItem(task.id(), task.name(), task.taskKey(), task.formKey(), task.assignee(),
                task.candidateGroups(), caseNumber, caseTitle, task.created(), task.due(),
                task.due() != null && clock.instant().isAfter(task.due()),
                deadlines.isProvisional(days, task.created(), task.due()));
    }
}
