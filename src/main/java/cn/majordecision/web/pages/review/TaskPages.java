package cn.majordecision.web.pages.review;

import cn.majordecision.calendar.Deadlines;
import cn.majordecision.calendar.WorkingDayCalendar;

import cn.majordecision.cases.DecisionCase;
import cn.majordecision.cases.StageRecord;
import cn.majordecision.documents.Documents;
import cn.majordecision.expertreview.ExpertDraws;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.worklist.InboxEntry;
import cn.majordecision.worklist.TaskSnapshot;
import cn.majordecision.worklist.TaskView;
import cn.majordecision.worklist.WorklistService;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The reviewer's pages: the inbox (mine, then my groups', overdue first) and a task with its form beside the case it
 * belongs to. Both read through {@link WorklistService} with the signed-in actor, so a page shows exactly what the task
 * API would answer to the same person; claiming and completing go to that API from the page.
 */
@Controller
class TaskPages {

    /** The most tasks one inbox page shows; beyond that the API pages through them. */
    private static final int INBOX_SIZE = 200;
    private static final String EXPERT_OPINION_FORM = "write-expert-opinion";
    private static final String EXPERT_SELECTION_FORM = "select-experts";

    record Row(String id, String name, String caseNumber, String caseTitle, Instant created, Instant due,
            boolean overdue, boolean dueProvisional, boolean mine) {
    }

    record RecordItem(StageRecord record, List<RecordText.Line> lines) {
    }

    private final WorklistService worklist;
    private final Documents documents;
    private final ExpertDraws draws;
    private final RecordText recordText;
    private final Deadlines deadlines;
    private final Clock clock;

    TaskPages(WorklistService worklist, Documents documents, ExpertDraws draws, RecordText recordText,
            Deadlines deadlines, Clock clock) {
        this.deadlines = deadlines;
        this.worklist = worklist;
        this.documents = documents;
        this.draws = draws;
        this.recordText = recordText;
        this.clock = clock;
    }

    /** The whole page, or (for htmx's refresh) only the lists. */
    @GetMapping("/app/tasks")
    String inbox(Actor actor, Model model, @RequestHeader(name = "HX-Request", required = false) String htmx) {
        Instant now = clock.instant();
        WorkingDayCalendar.Lookup days = deadlines.lookup();
        List<Row> rows = worklist.inbox(actor, 0, INBOX_SIZE).stream().map(entry -> row(entry, actor, now, days))
                .sorted(Comparator.comparing((Row r) -> !r.overdue())
                        .thenComparing(Row::due, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Row::created))
                .toList();
        model.addAttribute("mine", rows.stream().filter(Row::mine).toList());
        model.addAttribute("offered", rows.stream().filter(r -> !r.mine()).toList());
        model.addAttribute("refreshedAt", now);
        return htmx != null ? "review/inbox :: lists" : "review/inbox";
    }

    @GetMapping("/app/tasks/{taskId}")
    String task(@PathVariable String taskId, Actor actor, Model model) {
        if (taskId.length() > 64) {
            throw DomainException.notFound("TASK_NOT_FOUND", "未找到该任务。");
        }
        TaskView view = worklist.view(taskId, actor);
        TaskSnapshot task = view.task();
        DecisionCase decisionCase = view.decisionCase();
        boolean mine = task.isAssignedTo(actor);
        model.addAttribute("view", view);
        model.addAttribute("task", task);
        model.addAttribute("decisionCase", decisionCase);
        model.addAttribute("mine", mine);
        model.addAttribute("claimable", task.assignee() == null && task.isOfferedTo(actor));
        model.addAttribute("releasable", mine && !task.candidateGroups().isEmpty());
        model.addAttribute("overdue", task.due() != null && clock.instant().isAfter(task.due()));
        model.addAttribute("dueProvisional", deadlines.isProvisional(task.created(), task.due()));
        model.addAttribute("form", FormView.of(view.form()));
        // written through a variable: in a template "__x__" would be Thymeleaf's own preprocessing
        model.addAttribute("rowIndex", "__index__");
        model.addAttribute("declarationNeeded", mine && view.materialsWithheld()
                && EXPERT_OPINION_FORM.equals(task.formKey()));
        model.addAttribute("records", view.earlierRecords().stream()
                .map(r -> new RecordItem(r, recordText.lines(r.getFormKey(), r.getPayload()))).toList());
        model.addAttribute("draftText", view.currentDraft() == null ? null : view.currentDraft().getText());
        // an expert who has not declared sees no materials at all, documents included (Art. 20)
        model.addAttribute("documents", view.materialsWithheld() ? List.of() : documentsOf(decisionCase, actor));
        model.addAttribute("draws", mine && EXPERT_SELECTION_FORM.equals(task.formKey())
                ? draws.list(decisionCase.getNumber(), actor) : List.of());
        return "review/task";
    }

    private List<Documents.DocumentHistory> documentsOf(DecisionCase decisionCase, Actor actor) {
        try {
            return documents.list(decisionCase.getNumber(), actor).documents();
        } catch (DomainException hidden) {
            return List.of(); // the documents API would answer this person the same: nothing to show
        }
    }

    private Row row(InboxEntry entry, Actor actor, Instant now, WorkingDayCalendar.Lookup days) {
        TaskSnapshot task = entry.task();
        return new Row(task.id(), task.name(), entry.caseNumber(), entry.caseTitle(), task.created(), task.due(),
                task.due() != null && now.isAfter(task.due()), deadlines.isProvisional(days, task.created(), task.due()),
                task.isAssignedTo(actor));
    }
}
