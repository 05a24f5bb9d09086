package cn.majordecision.worklist.process;

import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.process.CandidateGroups;
import cn.majordecision.shared.process.ProcessCaseIds;
import cn.majordecision.shared.process.ProcessDefinitionKeys;
import cn.majordecision.worklist.TaskEngine;
import cn.majordecision.worklist.TaskSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The worklist on Camunda's task service. */
@Component
class CamundaTaskEngine implements TaskEngine {

    private final TaskService tasks;
    private final HistoryService history;
    private final ProcessDefinitionKeys processKeys;
    private final CandidateGroups candidateGroups;
    private final ProcessCaseIds processCaseIds;

    CamundaTaskEngine(TaskService tasks, HistoryService history, ProcessDefinitionKeys processKeys,
            CandidateGroups candidateGroups, ProcessCaseIds processCaseIds) {
        this.tasks = tasks;
        this.history = history;
        this.processKeys = processKeys;
        this.candidateGroups = candidateGroups;
        this.processCaseIds = processCaseIds;
    }

    @Override
    public Optional<TaskSnapshot> find(String taskId) {
        return Optional.ofNullable(tasks.createTaskQuery().taskId(taskId).singleResult())
                .map(task -> snapshots(List.of(task)).get(0));
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
        return snapshots(query.endOr().orderByTaskCreateTime().asc().listPage(first, max));
    }

    @Override
    public List<TaskSnapshot> openTasks(int max) {
        return snapshots(tasks.createTaskQuery().orderByDueDate().asc().listPage(0, max));
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

    /** Reads the case ids and candidate groups of all the tasks in a few queries, not several per task. */
    private List<TaskSnapshot> snapshots(List<Task> list) {
        Map<String, Long> caseIds = processCaseIds.of(list.stream().map(Task::getProcessInstanceId).toList());
        Map<String, List<String>> groups = candidateGroups.of(list.stream().map(Task::getId).toList());
        return list.stream().map(task -> snapshot(task, caseIds.get(task.getProcessInstanceId()),
                groups.getOrDefault(task.getId(), List.of()))).toList();
    }

    private TaskSnapshot snapshot(Task task, Long caseId, List<String> groups) {
        String formKey = processKeys.formKeyOf(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
        String processKey = processKeys.keyOf(task.getProcessDefinitionId());
        return new TaskSnapshot(task.getId(), task.getName(), task.getTaskDefinitionKey(), processKey, formKey,
                task.getAssignee(), List.copyOf(groups), caseId, task.getCreateTime().toInstant(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant());
    }
}
