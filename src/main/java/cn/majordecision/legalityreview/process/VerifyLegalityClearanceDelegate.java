package cn.majordecision.legalityreview.process;

import cn.majordecision.legalityreview.LegalityReviewService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Gate before the collective meeting: without clearance on the current draft the case goes back to review. */
@Component
class VerifyLegalityClearanceDelegate implements JavaDelegate {

    static final String NOT_CLEARED = "LEGALITY_NOT_CLEARED";

    private final LegalityReviewService legality;

    VerifyLegalityClearanceDelegate(LegalityReviewService legality) {
        this.legality = legality;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long caseId = ((Number) execution.getVariable("caseId")).longValue();
        if (!legality.isClearedForMeeting(caseId)) {
            throw new BpmnError(NOT_CLEARED, "No lawful legality conclusion on the current draft");
        }
    }
}
