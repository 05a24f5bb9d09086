package cn.majordecision.expertreview.process;

import cn.majordecision.expertreview.ExpertRoundEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Correlates the message the boundary event on the expert opinion tasks waits for (expert-review.bpmn). */
@Component
class CamundaExpertRoundEngine implements ExpertRoundEngine {

    static final String ROUND_CLOSED_MESSAGE = "ExpertRoundClosed";

    private final RuntimeService runtime;

    CamundaExpertRoundEngine(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void closeRound(String caseNumber) {
        runtime.createMessageCorrelation(ROUND_CLOSED_MESSAGE).processInstanceBusinessKey(caseNumber)
                .correlateWithResult();
    }
}
