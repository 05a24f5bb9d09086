package cn.majordecision.worklist.process;

import cn.majordecision.shared.DomainException;
import cn.majordecision.worklist.TaskEngine;
import cn.majordecision.worklist.TaskSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The worklist on Camunda's task service. */
@Component
class CamundaTaskEngine implements TaskEngine {

    private final TaskService tasks;
    private final HistoryService history;
    private final RepositoryService repository;

    CamundaTaskEngine(TaskService tasks, HistoryService history, RepositoryService repository) {
        this.tasks = tasks;
        this.history = history;
        this.repository = repository;
    }

    @Override
    public Optional<TaskSnapshot> find(String taskId) {
        return Optional.ofNullable(tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult())
                .map(this::snapshot);
    }

    @Override
    public boolean existedOnce(String taskId) {
        return history.createHistoricTaskInstanceQuery().taskId(taskId).count() > 0;
    }

    @Override
    public List<TaskSnapshot> inbox(String userId, List<String> groups, int first, int max) {
        var query = tasks.createTaskQuery().or().taskAssignee(userId);
        if (!groups.isEmpty()) {
            query = query.taskCandidateGroupIn(groups);
        }
        return query.endOr().initializeFormKeys().orderByTaskCreateTime().asc().listPage(first, max).stream()
                .map(this::snapshot)
                .toList();
    }

    @Override
    public List<TaskSnapshot> openTasks(int max) {
        return tasks.createTaskQuery().initializeFormKeys().orderByDueDate().asc().listPage(0, max).stream()
                .map(this::snapshot)
                .toList();
    }

    @Override
    public void claim(String taskId, String userId) {
        guard(() -> tasks.claim(taskId, userId));
    }

    @Override
    public void unclaim(String taskId) {
        guard(() -> tasks.setAssignee(taskId, null));
    }

    @Override
    public void complete(String taskId, Map<String, Object> variables) {
        guard(() -> tasks.complete(taskId, variables));
    }

    /** A concurrent change by someone else is a conflict the client can retry, not a server error. */
    private static void guard(Runnable engineCall) {
        try {
            engineCall.run();
        } catch (OptimisticLockingException | NullValueException e) {
            throw DomainException.conflict("TASK_CHANGED", "该任务刚被他人处理，请刷新后重试。");
        }
    }

    private TaskSnapshot snapshot(Task task) {
        List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .toList();
        Object caseId = tasks.getVariable(task.getId(), "caseId");
        String formKey = task.getCamundaFormRef() != null ? task.getCamundaFormRef().getKey() : task.getFormKey();
        String processKey = repository.getProcessDefinition(task.getProcessDefinitionId()).getKey();
        return new TaskSnapshot(task.getId(), task.getName(), task.getTaskDefinitionKey(), processKey, formKey,
                task.getAssignee(), groups, caseId instanceof Number n ? n.longValue() : null,
                task.getCreateTime().toInstant(), task.getDueDate() == null ? null : task.getDueDate().toInstant());
    }
}
