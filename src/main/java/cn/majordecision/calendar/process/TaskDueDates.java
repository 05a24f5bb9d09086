package cn.majordecision.calendar.process;

import cn.majordecision.calendar.Deadlines;
import cn.majordecision.calendar.TaskDeadlines;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives every user task its due date from its rule (legality review: 7 working days, Art. 26). A due date written in
 * the model wins. A period that runs into a year whose holidays are not entered yet is counted on the provisional
 * calendar and shown as provisional; {@link DueDateRecompute} settles it once the year is stored.
 */
@Component
class TaskDueDates {

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
            task.setDueDate(dueDate(task.getTaskDefinitionKey(), clock.instant()));
        }
    }

    /** The due date of a task with this BPMN id created at {@code created}. */
    Date dueDate(String taskKey, Instant created) {
        return Date.from(deadlines.due(created, rules.forTask(taskKey)));
    }
}
