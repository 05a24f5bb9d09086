package cn.majordecision.cases;

import java.time.Instant;
import java.util.List;

/** An open user task as the case view shows it. */
public record OpenTask(String id, String name, String taskKey, String formKey, String assignee,
        List<String> candidateGroups, Instant created, Instant due, boolean overdue) {
}
