package cn.majordecision.calendar;

import java.time.Instant;
import java.util.List;

/**
 * An open task's due date moved because a year of the calendar was stored (the State Council's notice replacing the
 * provisional year, or an administrator's correction). Published in the transaction that stores the year, so the
 * audit entry and the holder's notice are written with it.
 */
public record TaskDueDateMoved(String taskId, String taskName, Long caseId, String assignee,
        List<String> candidateGroups, Instant from, Instant to, int year, String notice) {
}
