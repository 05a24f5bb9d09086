package cn.majordecision.cases.process;

import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.Stage;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records a skipped stage; the model gives the stage and the deciding flag as input parameters. */
@Component
class RecordStageSkippedDelegate implements JavaDelegate {

    private final CaseService cases;

    RecordStageSkippedDelegate(CaseService cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long caseId = CaseVariables.caseId(execution);
        Stage stage = Stage.valueOf((String) execution.getVariableLocal("stage"));
        String flag = (String) execution.getVariableLocal("flag");
        cases.recordSkip(caseId, stage, flag);
    }
}
