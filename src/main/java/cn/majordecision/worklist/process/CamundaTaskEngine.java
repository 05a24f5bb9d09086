package cn.majordecision.worklist.process;

import cn.majordecision.shared.DomainException;
import cn.majordecision.worklist.TaskEngine;
import cn.majordecision.worklist.TaskSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The worklist on Camunda's task service. */
@Component
class CamundaTaskEngine implements TaskEngine {

    /** Keeps IN lists well below every database's limit. */
    private static final int IN_CLAUSE_LIMIT = 500;

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final RepositoryService repository;

    CamundaTaskEngine(TaskService tasks, RuntimeService runtime, HistoryService history, RepositoryService repository) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.history = history;
        this.repository = repository;
    }

    @Override
    public Optional<TaskSnapshot> find(String taskId) {
        try {
            return Optional.ofNullable(tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult())
                    .map(task -> snapshots(List.of(task)).get(0));
        } catch (NullValueException completedMeanwhile) {
            return Optional.empty(); // completed by someone else between reading the task and its candidate groups
        }
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
        return snapshots(query.endOr().initializeFormKeys().orderByTaskCreateTime().asc().listPage(first, max));
    }

    @Override
    public List<TaskSnapshot> openTasks(int max) {
        return snapshots(tasks.createTaskQuery().initializeFormKeys().orderByDueDate().asc().listPage(0, max));
    }

    @Override
    public void claim(String taskId, String userId) {
        try {
            guard(() -> tasks.claim(taskId, userId));
        } catch (TaskAlreadyClaimedException e) {
            // the other claim committed between our check and the engine's
            throw DomainException.conflict("TASK_CLAIMED_BY_OTHER", "该任务已由他人签收，不能重复签收。");
        }
    }

    @Override
    public void unclaim(String taskId) {
        guard(() -> tasks.setAssignee(taskId, null));
    }

    @Override
    public void assign(String taskId, String userId) {
        guard(() -> tasks.setAssignee(taskId, userId));
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

    /** Reads the case ids of all the tasks' process instances in a few queries, not one per task. */
    private List<TaskSnapshot> snapshots(List<Task> list) {
        List<String> instances = list.stream().map(Task::getProcessInstanceId).distinct().toList();
        Map<String, Long> caseIds = new HashMap<>();
        for (int from = 0; from < instances.size(); from += IN_CLAUSE_LIMIT) {
            List<String> chunk = instances.subList(from, Math.min(instances.size(), from + IN_CLAUSE_LIMIT));
            runtime.createVariableInstanceQuery().variableName("caseId")
                    .processInstanceIdIn(chunk.toArray(String[]::new)).list().stream()
                    .filter(v -> v.getValue() instanceof Number)
                    .forEach(v -> caseIds.putIfAbsent(v.getProcessInstanceId(), ((Number) v.getValue()).longValue()));
        }
        return list.stream().map(task -> snapshot(task, caseIds.get(task.getProcessInstanceId()))).toList();
    }

    private TaskSnapshot snapshot(Task task, Long caseId) {
        List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .toList();
        String formKey = task.getCamundaFormRef() != null ? task.getCamundaFormRef().getKey() : task.getFormKey();
        String processKey = repository.getProcessDefinition(task.getProcessDefinitionId()).getKey();
        return new TaskSnapshot(task.getId(), task.getName(), task.getTaskDefinitionKey(), processKey, formKey,
                task.getAssignee(), groups, caseId, task.getCreateTime().toInstant(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant());
    }
}
