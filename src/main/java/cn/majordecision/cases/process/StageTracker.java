package cn.majordecision.cases.process;

import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.Stage;
import cn.majordecision.shared.process.ProcessCaseIds;
import cn.majordecision.shared.process.ProcessDefinitionKeys;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Moves the case into the stage of every task the engine creates for it. */
@Component
class StageTracker {

    private final CaseService cases;
    private final ProcessDefinitionKeys processKeys;
    private final ProcessCaseIds processCaseIds;

    StageTracker(CaseService cases, ProcessDefinitionKeys processKeys, ProcessCaseIds processCaseIds) {
        this.cases = cases;
        this.processKeys = processKeys;
        this.processCaseIds = processCaseIds;
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
    public void onTaskCreated(DelegateTask task) {
        cases.enterStage(processCaseIds.of(task.getProcessInstanceId(), () -> CaseVariables.caseId(task)),
                Stage.ofTask(processKeys.keyOf(task.getProcessDefinitionId()), task.getTaskDefinitionKey()));
    }
}
