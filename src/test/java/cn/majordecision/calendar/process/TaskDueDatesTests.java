package cn.majordecision.calendar.process;

import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.calendar.TaskDeadlines;
import cn.majordecision.calendar.TestCalendars;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskDueDatesTests {

    private final TaskDeadlines rules = new TaskDeadlines("10 working days",
            Map.of("Task_ConcludeLegality", "7 working days", "Task_ConfirmArchive", "30 days"));

    private TaskDueDates dueDates(String now) {
        return new TaskDueDates(TestCalendars.deadlines(), rules, Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }

    @Test
    void aTaskGetsThePeriodOfItsRuleOrTheDefault() {
        // given: Thursday 12 February 2026, before Spring Festival
        Instant created = Instant.parse("2026-02-12T01:00:00Z");

        // when / then
        assertThat(dueDates("2026-02-12T01:00:00Z").dueDate("Task_ConcludeLegality", created).toInstant())
                .isEqualTo(Instant.parse("2026-02-28T16:00:00Z"));
        assertThat(dueDates("2026-02-12T01:00:00Z").dueDate("Task_DraftDecision", created).toInstant())
                .as("10 working days: 13, 14, 24-28 Feb, 2, 3, 4 Mar").isEqualTo(Instant.parse("2026-03-04T16:00:00Z"));
    }

    @Test
    void aTaskWhosePeriodRunsIntoAYearWithoutDataIsDueOnTheProvisionalCalendar() {
        // given: Monday 28 December 2026; 2027 is not entered, so 2027 counts weekends and 元旦 only
        Instant created = Instant.parse("2026-12-28T01:00:00Z");

        // when / then: 7 working days: 29, 30, 31 Dec, (1 Jan 元旦, 2-3 weekend) 4, 5, 6, 7 Jan
        assertThat(dueDates("2026-12-28T01:00:00Z").dueDate("Task_ConcludeLegality", created).toInstant())
                .isEqualTo(Instant.parse("2027-01-07T16:00:00Z"));
    }

    @Test
    void aMistypedPeriodInTheSettingsStopsTheApplicationWithTheTaskNamed() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TaskDeadlines("10 working days",
                        Map.of("Task_ConcludeLegality", "seven days")))
                .hasMessageContaining("app.deadlines.tasks.Task_ConcludeLegality");
    }
}
