package cn.majordecision.calendar.process;

import cn.majordecision.calendar.Deadlines;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Makes the working-day calendar the engine's business calendar: timer durations, timer dates and task due dates
 * written as statutory periods count working days. Registered under the engine's own calendar names (which the
 * BPMN elements use implicitly) and under {@value #NAME}.
 */
@Component
class WorkingDayCalendarPlugin extends AbstractProcessEnginePlugin {

    static final String NAME = "workingDays";

    private final Deadlines deadlines;

    WorkingDayCalendarPlugin(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
        calendars.addBusinessCalendar(DurationBusinessCalendar.NAME,
                new WorkingDayBusinessCalendar(deadlines, new DurationBusinessCalendar()));
        calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME,
                new WorkingDayBusinessCalendar(deadlines, new DueDateBusinessCalendar()));
        calendars.addBusinessCalendar(NAME, new WorkingDayBusinessCalendar(deadlines, new DurationBusinessCalendar()));
        calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
        configuration.setBusinessCalendarManager(calendars);
    }
}
