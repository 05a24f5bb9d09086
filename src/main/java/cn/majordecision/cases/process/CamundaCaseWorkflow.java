package cn.majordecision.cases.process;

import cn.majordecision.calendar.Deadlines;
import cn.majordecision.calendar.WorkingDayCalendar;

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
    private final Deadlines deadlines;

    CamundaCaseWorkflow(RuntimeService runtime, TaskService tasks, Clock clock, Deadlines deadlines) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.clock = clock;
        this.deadlines = deadlines;
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
        WorkingDayCalendar.Lookup days = deadlines.lookup();
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).initializeFormKeys()
                .orderByTaskCreateTime().asc().list().stream()
                .map(task -> toOpenTask(task, days))
                .toList();
    }

    private OpenTask toOpenTask(Task task, WorkingDayCalendar.Lookup days) {
        List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .toList();
        String formKey = task.getCamundaFormRef() == null ? task.getFormKey() : task.getCamundaFormRef().getKey();
        Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        Instant created = task.getCreateTime().toInstant();
        return new OpenTask(task.getId(), task.getName(), task.getTaskDefinitionKey(), formKey, task.getAssignee(),
                groups, created, due, due != null && clock.instant().isAfter(due),
                deadlines.isProvisional(days, created, due));
    }
}
