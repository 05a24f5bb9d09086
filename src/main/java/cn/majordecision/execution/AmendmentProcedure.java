package cn.majordecision.execution;

import cn.majordecision.cases.CaseEvents.CaseClosed;
import cn.majordecision.cases.CaseEvents.StageRecorded;
import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.CaseStatus;
import cn.majordecision.cases.StageRecord;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Follows the linked case that runs the procedure for a change of a decision (Art. 37): when its leadership meeting
 * approves (or, after a minor revision, the head confirms the revised draft the meeting approved), the original decision
 * is adjusted or terminated, in the same transaction as the record that decided it; when the linked case ends without
 * approval, the original stays as it was. Synchronous, so the change commits or rolls back with its deciding record.
 */
@Component
class AmendmentProcedure {

    private final DecisionAmendmentRepository amendments;
    private final ExecutionService execution;
    private final CaseService cases;
    private final ObjectMapper mapper;

    AmendmentProcedure(DecisionAmendmentRepository amendments, ExecutionService execution, CaseService cases,
            ObjectMapper mapper) {
        this.amendments = amendments;
        this.execution = execution;
        this.cases = cases;
        this.mapper = mapper;
    }

    @EventListener
    void on(StageRecorded recorded) {
        boolean meeting = CaseService.MEETING_FORM.equals(recorded.formKey());
        boolean confirmation = "confirm-revision".equals(recorded.formKey());
        if (!meeting && !confirmation) {
            return;
        }
        amendments.findByNewCaseIdAndState(recorded.caseId(), DecisionAmendment.State.UNDER_PROCEDURE)
                .ifPresent(amendment -> {
                    StageRecord record = cases.records(recorded.caseId()).stream()
                            .filter(r -> r.getId().equals(recorded.recordId())).findFirst().orElseThrow();
                    JsonNode data = payload(record);
                    if (meeting && "approve".equals(data.path("meetingDecision").asText())) {
                        decide(amendment, record, data, recorded.actor());
                    } else if (confirmation && data.path("revisionConfirmed").asBoolean(false)) {
                        // the meeting approved subject to a minor revision; the head has now confirmed the revised draft
                        cases.latestRecord(recorded.caseId(), CaseService.MEETING_FORM)
                                .ifPresent(held -> decide(amendment, held, payload(held), recorded.actor()));
                    }
                });
    }

    @EventListener
    void on(CaseClosed closed) {
        if (closed.status() == CaseStatus.ARCHIVED) {
            return;
        }
        amendments.findByNewCaseIdAndState(closed.caseId(), DecisionAmendment.State.UNDER_PROCEDURE)
                .ifPresent(amendment -> execution.amendmentNotAdopted(amendment, closed.status().name()));
    }

    private void decide(DecisionAmendment amendment, StageRecord meeting, JsonNode data, String by) {
        String date = data.path("meetingDate").asText("");
        LocalDate meetingDate = date.length() >= 10 ? LocalDate.parse(date.substring(0, 10)) : null;
        String type = data.path("meetingType").asText(null);
        execution.amendmentDecided(amendment, meeting, meetingDate, type, by);
    }

    private JsonNode payload(StageRecord record) {
        try {
            return mapper.readTree(cases.currentPayload(record));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored records are valid JSON: " + record.getId(), e);
        }
    }
}
