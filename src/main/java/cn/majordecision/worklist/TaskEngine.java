package cn.majordecision.worklist;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the worklist needs from the process engine; implemented in {@code worklist.process}. */
public interface TaskEngine {

    Optional<TaskSnapshot> find(String taskId);

    /** Whether the engine ever had this task (it may since have been completed or cancelled). */
    boolean existedOnce(String taskId);

    /** Tasks assigned to the user, and unassigned tasks of the user's groups. */
    List<TaskSnapshot> inbox(String userId, List<String> groups, int first, int max);

    /** Every open task, earliest due first, at most {@code max}. */
    List<TaskSnapshot> openTasks(int max);

    void claim(String taskId, String userId);

    void unclaim(String taskId);

    /** Sets the assignee of an open task, whoever had it. */
    void assign(String taskId, String userId);

    void complete(String taskId, Map<String, Object> variables);
}
