package cn.majordecision.worklist;

import cn.majordecision.shared.Actor;
import java.time.Instant;
import java.util.List;

/** An open engine task, in the application's own terms. */
public record TaskSnapshot(String id, String name, String taskKey, String processKey, String formKey, String assignee,
        List<String> candidateGroups, Long caseId, Instant created, Instant due) {

    public boolean isAssignedTo(Actor actor) {
        return actor.userId().equals(assignee);
    }

    /** Whether the task is offered to one of the actor's groups (claimable when unassigned). */
    public boolean isOfferedTo(Actor actor) {
        return candidateGroups.stream().anyMatch(actor::isIn);
    }

    public TaskSnapshot withAssignee(String userId) {
        return new TaskSnapshot(id, name, taskKey, processKey, formKey, userId, candidateGroups, caseId, created, due);
    }
}
