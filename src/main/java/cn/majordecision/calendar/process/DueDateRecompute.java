package cn.majordecision.calendar.process;

import cn.majordecision.calendar.CalendarYearReplaced;
import cn.majordecision.calendar.Deadlines;
import cn.majordecision.calendar.TaskDueDateMoved;
import cn.majordecision.shared.process.CandidateGroups;
import cn.majordecision.shared.process.ProcessCaseIds;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once a year of the calendar is stored, every open task whose period touches that year is counted again from its
 * creation; each due date that moves is saved and announced ({@link TaskDueDateMoved}: audit entry, holder's notice),
 * in the transaction that stores the year.
 */
@Component
class DueDateRecompute {

    private final TaskService tasks;
    private final TaskDueDates dueDates;
    private final ApplicationEventPublisher events;
    private final CandidateGroups candidateGroups;
    private final ProcessCaseIds processCaseIds;

    DueDateRecompute(TaskService tasks, TaskDueDates dueDates, ApplicationEventPublisher events,
            CandidateGroups candidateGroups, ProcessCaseIds processCaseIds) {
        this.tasks = tasks;
        this.candidateGroups = candidateGroups;
        this.processCaseIds = processCaseIds;
        this.dueDates = dueDates;
        this.events = events;
    }

    @EventListener
    void onYearReplaced(CalendarYearReplaced replaced) {
        LocalDate firstDay = LocalDate.of(replaced.year(), 1, 1);
        Date yearStart = Date.from(firstDay.atStartOfDay(Deadlines.CHINA).toInstant());
        Date yearEnd = Date.from(Deadlines.endOf(firstDay.withDayOfYear(firstDay.lengthOfYear())));
        // a period touches the year when it starts before the year ends and is due after the year starts
        for (Task task : tasks.createTaskQuery().active().taskCreatedBefore(yearEnd).dueAfter(yearStart).list()) {
            recompute(task, replaced);
        }
        for (Task task : tasks.createTaskQuery().active().withoutDueDate().list()) {
            recompute(task, replaced);
        }
    }

    private void recompute(Task task, CalendarYearReplaced replaced) {
        Date due = dueDates.dueDate(task.getTaskDefinitionKey(), task.getCreateTime().toInstant());
        if (Objects.equals(due, task.getDueDate())) {
            return;
        }
        Instant from = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        task.setDueDate(due);
        tasks.saveTask(task);
        Long caseId = processCaseIds.of(List.of(task.getProcessInstanceId())).get(task.getProcessInstanceId());
        List<String> groups = candidateGroups.of(List.of(task.getId())).getOrDefault(task.getId(), List.of());
        events.publishEvent(new TaskDueDateMoved(task.getId(), task.getName(),
                caseId, task.getAssignee(), groups, from, due.toInstant(),
                replaced.year(), replaced.notice()));
    }
}
