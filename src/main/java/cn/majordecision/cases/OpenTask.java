package cn.majordecision.cases;

import java.time.Instant;
import java.util.List;

/**
 * An open user task as the case view shows it; {@code dueProvisional} when its due date rests on a year whose holiday
 * notice is not entered yet (it may move once the notice is stored).
 */
public record OpenTask(String id, String name, String taskKey, String formKey, String assignee,
        List<String> candidateGroups, Instant created, Instant due, boolean overdue, boolean dueProvisional) {
}
