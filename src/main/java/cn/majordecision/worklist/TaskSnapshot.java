package cn.majordecision.worklist;

import java.time.Instant;
import java.util.List;

/** An open engine task, in the application's own terms. */
public record TaskSnapshot(String id, String name, String taskKey, String processKey, String formKey, String assignee,
        List<String> candidateGroups, Long caseId, Instant created, Instant due) {

    public TaskSnapshot withAssignee(String userId) {
        return new TaskSnapshot(id, name, taskKey, processKey, formKey, userId, candidateGroups, caseId, created, due);
    }
}
