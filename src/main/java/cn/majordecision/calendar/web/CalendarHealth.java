package cn.majordecision.calendar.web;

import cn.majordecision.calendar.WorkingDayCalendar;
import java.util.List;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Tells operators in the readiness details which year's holiday notice is still to be entered. Always UP: deadlines
 * are then provisional, not wrong, and a node must not be taken out of service for a missing notice.
 */
@Component("calendar")
class CalendarHealth implements HealthIndicator {

    private final WorkingDayCalendar calendar;

    CalendarHealth(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public Health health() {
        List<Integer> awaiting = calendar.yearsAwaitingNotice();
        Health.Builder health = Health.up().withDetail("yearsAwaitingNotice", awaiting);
        awaiting.forEach(year -> health.withDetail("notice" + year, WorkingDayCalendar.awaitingNoticeMessage(year)));
        return health.build();
    }
}
