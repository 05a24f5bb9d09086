package cn.majordecision.audit;

import cn.majordecision.calendar.CalendarYearReplaced;
import cn.majordecision.calendar.TaskDueDateMoved;
import cn.majordecision.identity.UserDirectory;
import cn.majordecision.notifications.DeadlineMissed;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes missed deadlines, due dates moved by a stored calendar year and changed settings (the working-day calendar)
 * to the log, synchronously, in the
 * transaction of the change: a calendar year is not stored without its entry, and the other way round.
 */
@Component
class SettingsAuditor {

    private final AuditLog log;
    private final UserDirectory users;

    SettingsAuditor(AuditLog log, UserDirectory users) {
        this.log = log;
        this.users = users;
    }

    @EventListener
    void on(DeadlineMissed event) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("taskId", event.taskId());
        payload.put("taskName", event.taskName());
        payload.put("caseNumber", event.caseNumber());
        payload.put("assignee", event.assignee());
        payload.put("due", event.due().toString());
        log.append(AuditEventType.DEADLINE_MISSED, event.caseId(), event.stage() == null ? null : event.stage().name(),
                CaseAuditor.SYSTEM, null, payload);
    }

    @EventListener
    void on(TaskDueDateMoved event) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("taskId", event.taskId());
        payload.put("taskName", event.taskName());
        payload.put("assignee", event.assignee());
        payload.put("from", event.from() == null ? null : event.from().toString());
        payload.put("to", event.to().toString());
        payload.put("calendarYear", event.year());
        payload.put("notice", event.notice());
        log.append(AuditEventType.DUE_DATE_MOVED, event.caseId(), null, CaseAuditor.SYSTEM, null, payload);
    }

    @EventListener
    void on(CalendarYearReplaced event) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("setting", "calendar");
        payload.put("year", event.year());
        payload.put("notice", event.notice());
        payload.put("restDays", event.restDays());
        payload.put("workDays", event.workDays());
        log.append(AuditEventType.SETTINGS_CHANGED, null, null, event.replacedBy(), roleOf(event.replacedBy()), payload);
    }

    private String roleOf(String userId) {
        return users.find(userId).map(actor -> String.join(",", new TreeSet<>(actor.groups()))).orElse(null);
    }
}
