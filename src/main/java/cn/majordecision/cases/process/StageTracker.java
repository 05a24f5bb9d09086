package cn.majordecision.cases.process;

import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.Stage;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Moves the case into the stage of every task the engine creates for it. */
@Component
class StageTracker {

    private final CaseService cases;

    StageTracker(CaseService cases) {
        this.cases = cases;
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
    public void onTaskCreated(DelegateTask task) {
        ProcessDefinition definition = task.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(task.getProcessDefinitionId());
        cases.enterStage(CaseVariables.caseId(task), Stage.ofTask(definition.getKey(), task.getTaskDefinitionKey()));
    }
}
