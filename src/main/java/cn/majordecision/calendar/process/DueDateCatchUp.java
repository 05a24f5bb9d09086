package cn.majordecision.calendar.process;

import cn.majordecision.calendar.CalendarYearReplaced;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Once an administrator stores a year, open tasks that could not get a due date for want of it get one. */
@Component
class DueDateCatchUp {

    private final TaskService tasks;
    private final TaskDueDates dueDates;

    DueDateCatchUp(TaskService tasks, TaskDueDates dueDates) {
        this.tasks = tasks;
        this.dueDates = dueDates;
    }

    @EventListener
    void onYearReplaced(CalendarYearReplaced replaced) {
        for (Task task : tasks.createTaskQuery().withoutDueDate().list()) {
            Date due = dueDates.dueDate(task.getTaskDefinitionKey(), task.getId(), task.getCreateTime().toInstant());
            if (due != null) {
                task.setDueDate(due);
                tasks.saveTask(task);
            }
        }
    }
}
