package cn.majordecision.calendar.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.majordecision.calendar.Deadlines;
import cn.majordecision.calendar.TestCalendars;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

class WorkingDayBusinessCalendarTests {

    private static final Date SEPTEMBER_30_2025 = Date.from(Instant.parse("2025-09-30T02:00:00Z"));

    private final Deadlines deadlines = TestCalendars.deadlines();

    @Test
    void aTimerWrittenInWorkingDaysCountsWorkingDays() {
        // given
        BusinessCalendar calendar = new WorkingDayBusinessCalendar(deadlines, new DurationBusinessCalendar());

        // when
        Date due = calendar.resolveDuedate("7 working days", SEPTEMBER_30_2025);

        // then
        assertThat(due.toInstant()).isEqualTo(Instant.parse("2025-10-16T16:00:00Z"));
    }

    @Test
    void isoDurationsKeepTheirEngineMeaning() {
        // given
        BusinessCalendar calendar = new WorkingDayBusinessCalendar(deadlines, new DurationBusinessCalendar());

        // when
        Date due = calendar.resolveDuedate("P1D", SEPTEMBER_30_2025);

        // then
        assertThat(due.toInstant()).isEqualTo(Instant.parse("2025-10-01T02:00:00Z"));
    }

    @Test
    void aTaskDueDateInWorkingDaysRunsFromTheTasksCreation() {
        // given
        BusinessCalendar calendar = new WorkingDayBusinessCalendar(deadlines, new DurationBusinessCalendar());
        Task task = mock(Task.class);
        when(task.getCreateTime()).thenReturn(SEPTEMBER_30_2025);

        // when
        Date due = calendar.resolveDuedate("7个工作日", task);

        // then
        assertThat(due.toInstant()).isEqualTo(Instant.parse("2025-10-16T16:00:00Z"));
    }

    @Test
    void thePluginMakesTheCalendarTheEnginesForDurationsDueDatesAndByName() {
        // given
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();

        // when
        new WorkingDayCalendarPlugin(deadlines).preInit(configuration);

        // then
        for (String name : new String[] {"duration", "dueDate", "workingDays"}) {
            assertThat(configuration.getBusinessCalendarManager().getBusinessCalendar(name)
                    .resolveDuedate("7 working days", SEPTEMBER_30_2025).toInstant())
                    .as(name).isEqualTo(Instant.parse("2025-10-16T16:00:00Z"));
        }
        assertThat(configuration.getBusinessCalendarManager().getBusinessCalendar("cycle")).isNotNull();
    }
}
