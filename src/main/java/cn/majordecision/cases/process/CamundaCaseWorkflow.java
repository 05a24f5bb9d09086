package cn.majordecision.cases.process;

import cn.majordecision.calendar.Deadlines;
import cn.majordecision.calendar.WorkingDayCalendar;
import cn.majordecision.cases.CaseWorkflow;
import cn.majordecision.cases.OpenTask;
import cn.majordecision.shared.process.CandidateGroups;
import cn.majordecision.shared.process.ProcessDefinitionKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
    private final CandidateGroups candidateGroups;
    private final ProcessDefinitionKeys processKeys;

    CamundaCaseWorkflow(RuntimeService runtime, TaskService tasks, Clock clock, Deadlines deadlines,
            CandidateGroups candidateGroups, ProcessDefinitionKeys processKeys) {
        this.processKeys = processKeys;
        this.runtime = runtime;
        this.candidateGroups = candidateGroups;
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
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .orderByTaskCreateTime().asc().list();
        Map<String, List<String>> groups = candidateGroups.of(open.stream().map(Task::getId).toList());
        return open.stream().map(task -> toOpenTask(task, groups.getOrDefault(task.getId(), List.of()), days)).toList();
    }

    private OpenTask toOpenTask(Task task, List<String> groups, WorkingDayCalendar.Lookup days) {
        String formKey = processKeys.formKeyOf(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
        Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        Instant created = task.getCreateTime().toInstant();
        return new OpenTask(task.getId(), task.getName(), task.getTaskDefinitionKey(), formKey, task.getAssignee(),
                groups, created, due, due != null && clock.instant().isAfter(due),
                deadlines.isProvisional(days, created, due));
    }
}
