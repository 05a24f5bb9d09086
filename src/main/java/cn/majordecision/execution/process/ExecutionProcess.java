package cn.majordecision.execution.process;

import cn.majordecision.cases.CaseService;
import cn.majordecision.execution.ExecutionEvents.AfterDecisionEvent;
import cn.majordecision.execution.ExecutionService;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs stage 12 on the process {@value #PROCESS_KEY}: started when the execution unit is named, told when the head
 * suspends or resumes execution, ended when the decision is terminated or adjusted. A synchronous listener, so the
 * engine state commits or rolls back with the change that caused it.
 */
@Component
class ExecutionProcess {

    static final String PROCESS_KEY = "decision-execution";
    static final String NEXT_REPORT_DUE = "nextReportDue";

    private final RuntimeService runtime;
    private final CaseService cases;
    private final ExecutionService execution;

    ExecutionProcess(RuntimeService runtime, CaseService cases, ExecutionService execution) {
        this.runtime = runtime;
        this.cases = cases;
        this.execution = execution;
    }

    @EventListener
    void on(AfterDecisionEvent event) {
        String number = cases.get(event.caseId()).getNumber();
        switch (event.kind()) {
            case EXECUTION_PLANNED -> start(event.caseId(), number);
            case EXECUTION_SUSPENDED -> correlate("ExecutionSuspended", number);
            case EXECUTION_RESUMED -> correlate("ExecutionResumed", number);
            case DECISION_TERMINATED, DECISION_ADJUSTED -> correlate("DecisionClosed", number);
            default -> { } // reports, feedback and evaluations are records; the process does not wait for them
        }
    }

    private void start(Long caseId, String number) {
        boolean running = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(number).count() > 0;
        if (running) {
            return; // a changed plan applies from the next due date the process asks for
        }
        execution.nextReportDue(caseId).ifPresent(due -> {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("caseId", caseId);
            variables.put(NEXT_REPORT_DUE, Date.from(due));
            runtime.startProcessInstanceByKey(PROCESS_KEY, number, variables);
        });
    }

    private void correlate(String message, String number) {
        // nothing waits for it when execution was never planned, or the message does not apply in its state
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(number).correlateAll();
    }
}
