package cn.majordecision.legalityreview;

import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.cases.StageRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Knows whether a case may go to the collective meeting: a lawful (or exploratory) conclusion on its current draft;
 * and whether it may be published: that, or the reviewer's confirmation that the draft revised after the meeting leaves
 * the conclusion intact.
 */
@Service
@Transactional(readOnly = true)
public class LegalityReviewService {

    static final String CONCLUSION_FORM = "conclude-legality";
    static final String PACKAGE_FORM = "submit-legality-package";
    static final String CONFIRMATION_FORM = "confirm-legality-after-revision";
    private static final Set<String> CLEARING = Set.of("lawful", "exploratory");

    private final CaseService cases;
    private final ObjectMapper mapper;

    LegalityReviewService(CaseService cases, ObjectMapper mapper) {
        this.cases = cases;
        this.mapper = mapper;
    }

    public boolean isClearedForMeeting(Long caseId) {
        return clearance(caseId).isPresent();
    }

    /** When the system recorded the conclusion that clears the current draft for the meeting, if one does. */
    public Optional<Instant> clearedAt(Long caseId) {
        return clearance(caseId).map(StageRecord::getCompletedAt);
    }

    /** When the system recorded the latest legality package, the start of the reviewer's time (Art. 26). */
    public Optional<Instant> packageSubmittedAt(Long caseId) {
        return cases.latestRecord(caseId, PACKAGE_FORM).map(StageRecord::getCompletedAt);
    }

    private Optional<StageRecord> clearance(Long caseId) {
        DecisionCase decisionCase = cases.get(caseId);
        return cases.latestRecord(caseId, CONCLUSION_FORM)
                .filter(c -> c.getDraftVersion() == decisionCase.getCurrentDraftVersion())
                .filter(c -> CLEARING.contains(field(c, "legalityConclusion")));
    }

    /** The current draft carries a clearing conclusion, or the reviewer confirmed its revision leaves it intact. */
    public boolean isClearedForPublication(Long caseId) {
        if (isClearedForMeeting(caseId)) {
            return true;
        }
        int current = cases.get(caseId).getCurrentDraftVersion();
        Optional<StageRecord> confirmation = cases.latestRecord(caseId, CONFIRMATION_FORM);
        return confirmation.isPresent() && confirmation.get().getDraftVersion() == current
                && "intact".equals(field(confirmation.get(), "legalityAfterRevision"));
    }

    private String field(StageRecord record, String key) {
        try {
            JsonNode data = mapper.readTree(record.getPayload());
            return data.path(key).asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
