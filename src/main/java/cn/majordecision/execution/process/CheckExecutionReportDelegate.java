package cn.majordecision.execution.process;

import cn.majordecision.execution.ExecutionService;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A report's due date passed: records a missed report and sets the timer to the next due date. */
@Component
class CheckExecutionReportDelegate implements JavaDelegate {

    private final ExecutionService execution;

    CheckExecutionReportDelegate(ExecutionService execution) {
        this.execution = execution;
    }

    @Override
    public void execute(DelegateExecution process) {
        Long caseId = (Long) process.getVariable("caseId");
        process.setVariable(ExecutionProcess.NEXT_REPORT_DUE,
                execution.reportDatePassed(caseId).map(Date::from).orElse(null));
    }
}
