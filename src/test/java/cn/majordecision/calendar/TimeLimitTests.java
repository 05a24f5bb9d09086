package cn.majordecision.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimeLimitTests {

    @Test
    void readsWorkingAndCalendarDaysInEnglishAndChinese() {
        assertThat(TimeLimit.parse("7 working days")).isEqualTo(TimeLimit.workingDays(7));
        assertThat(TimeLimit.parse("1 working day")).isEqualTo(TimeLimit.workingDays(1));
        assertThat(TimeLimit.parse("7个工作日")).isEqualTo(TimeLimit.workingDays(7));
        assertThat(TimeLimit.parse("30 days")).isEqualTo(TimeLimit.calendarDays(30));
        assertThat(TimeLimit.parse("30日")).isEqualTo(TimeLimit.calendarDays(30));
    }

    @Test
    void refusesAnythingElseWithAMessageShowingTheAcceptedForms() {
        assertThatThrownBy(() -> TimeLimit.parse("P7D")).hasMessageContaining("7 working days");
        assertThatThrownBy(() -> TimeLimit.parse("0 days")).hasMessageContaining("1 至");
        assertThat(TimeLimit.isPeriod("P7D")).isFalse();
    }

    @Test
    void printsAsItIsWritten() {
        assertThat(TimeLimit.workingDays(7)).hasToString("7 working days");
        assertThat(TimeLimit.calendarDays(1)).hasToString("1 day");
    }
}
