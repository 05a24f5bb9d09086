package cn.majordecision.cases.process;

import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.CaseStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Called by the end events of the main process: the case reaches its final status. */
@Component("caseOutcomeListener")
public class CaseOutcomeListener {

    private final CaseService cases;

    CaseOutcomeListener(CaseService cases) {
        this.cases = cases;
    }

    public void closed(DelegateExecution execution, String outcome) {
        cases.close(CaseVariables.caseId(execution), CaseStatus.valueOf(outcome));
    }
}
