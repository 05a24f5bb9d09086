package cn.majordecision.calendar.process;

import cn.majordecision.calendar.Deadlines;
import cn.majordecision.calendar.TaskDeadlines;
import cn.majordecision.calendar.TimeLimit;
import cn.majordecision.shared.DomainException;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives every user task its due date from its rule (legality review: 7 working days, Art. 26). A due date written in
 * the model wins. When the period runs into a year whose holidays are not entered yet, the task keeps no due date
 * rather than a weekday guess, and the administrator is told; {@link DueDateCatchUp} fills it in once the year is
 * stored. Refusing the task instead would stop every case at the year's end for a missing notice.
 */
@Component
class TaskDueDates {

    private static final Logger log = LoggerFactory.getLogger(TaskDueDates.class);

    private final Deadlines deadlines;
    private final TaskDeadlines rules;
    private final Clock clock;

    TaskDueDates(Deadlines deadlines, TaskDeadlines rules, Clock clock) {
        this.deadlines = deadlines;
        this.rules = rules;
        this.clock = clock;
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
    public void onTaskCreated(DelegateTask task) {
        if (task.getDueDate() == null) {
            task.setDueDate(dueDate(task.getTaskDefinitionKey(), task.getId(), clock.instant()));
        }
    }

    /** The due date of a task created at {@code created}, or null while the calendar lacks the year. */
    Date dueDate(String taskKey, String taskId, java.time.Instant created) {
        TimeLimit limit = rules.forTask(taskKey);
        try {
            return Date.from(deadlines.due(created, limit));
        } catch (DomainException e) {
            if (!"CALENDAR_YEAR_MISSING".equals(e.code())) {
                throw e;
            }
            log.warn("任务 {}（{}）暂无办理期限（{}）：{}", taskId, taskKey, limit, e.getMessage());
            return null;
        }
    }
}
