package cn.majordecision.notifications;

import cn.majordecision.cases.Stage;
import java.time.Instant;

/**
 * The deadline watch found a task past its due date for the first time. Published once per task, in the transaction
 * that stores the first overdue notice, so that the audit log records the missed deadline exactly once.
 */
public record DeadlineMissed(String taskId, String taskName, Long caseId, String caseNumber, Stage stage,
        String assignee, Instant due) {
}
