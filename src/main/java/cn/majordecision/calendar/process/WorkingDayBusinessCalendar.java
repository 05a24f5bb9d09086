package cn.majordecision.calendar.process;

import cn.majordecision.calendar.Deadlines;
import cn.majordecision.calendar.TimeLimit;
import java.util.Date;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * Lets a BPMN timer or due date be written as a statutory period ("7 working days", "30 days", "7个工作日"):
 * it then ends at the end of its last day in Asia/Shanghai on the working-day calendar. Anything else (ISO 8601
 * dates and durations such as {@code P1Y}) goes to the engine's own calendar unchanged.
 */
class WorkingDayBusinessCalendar implements BusinessCalendar {

    private final Deadlines deadlines;
    private final BusinessCalendar standard;

    WorkingDayBusinessCalendar(Deadlines deadlines, BusinessCalendar standard) {
        this.deadlines = deadlines;
        this.standard = standard;
    }

    @Override
    public Date resolveDuedate(String description) {
        return resolveDuedate(description, ClockUtil.getCurrentTime());
    }

    @Override
    public Date resolveDuedate(String description, Date startDate) {
        if (!TimeLimit.isPeriod(description)) {
            return standard.resolveDuedate(description, startDate);
        }
        Date start = startDate == null ? ClockUtil.getCurrentTime() : startDate;
        return Date.from(deadlines.due(start.toInstant(), TimeLimit.parse(description)));
    }

    @Override
    public Date resolveDuedate(String description, Task task) {
        if (!TimeLimit.isPeriod(description)) {
            return standard.resolveDuedate(description, task);
        }
        Date start = task != null && task.getCreateTime() != null ? task.getCreateTime() : ClockUtil.getCurrentTime();
        return resolveDuedate(description, start);
    }
}
