package cn.majordecision.cases.process;

import cn.majordecision.cases.CaseWorkflow;
import cn.majordecision.cases.OpenTask;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Runs a case on the Camunda process {@value #PROCESS_KEY}. */
@Component
class CamundaCaseWorkflow implements CaseWorkflow {

    static final String PROCESS_KEY = "decision-case";
    static final String WITHDRAWN_MESSAGE = "CaseWithdrawn";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final Clock clock;

    CamundaCaseWorkflow(RuntimeService runtime, TaskService tasks, Clock clock) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public String start(String caseNumber, Map<String, Object> variables) {
        return runtime.startProcessInstanceByKey(PROCESS_KEY, caseNumber, variables).getId();
    }

    @Override
    public void updateFlags(String processInstanceId, Map<String, Object> flags) {
        runtime.setVariables(processInstanceId, flags);
    }

    @Override
    public void withdraw(String caseNumber) {
        runtime.createMessageCorrelation(WITHDRAWN_MESSAGE)
                .processInstanceBusinessKey(caseNumber)
                .correlateWithResult();
    }

    @Override
    public List<OpenTask> openTasks(String caseNumber) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).initializeFormKeys()
                .orderByTaskCreateTime().asc().list().stream()
                .map(this::toOpenTask)
                .toList();
    }

    private OpenTask toOpenTask(Task task) {
        List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .toList();
        String formKey = task.getCamundaFormRef() == null ? task.getFormKey() : task.getCamundaFormRef().getKey();
        Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        return new OpenTask(task.getId(), task.getName(), task.getTaskDefinitionKey(), formKey, task.getAssignee(),
                groups, task.getCreateTime().toInstant(), due, due != null && clock.instant().isAfter(due));
    }
}
