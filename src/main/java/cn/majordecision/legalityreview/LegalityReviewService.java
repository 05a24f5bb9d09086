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

/** Knows whether a case may go to the collective meeting: a lawful (or exploratory) conclusion on its current draft. */
@Service
@Transactional(readOnly = true)
public class LegalityReviewService {

    static final String CONCLUSION_FORM = "conclude-legality";
    static final String PACKAGE_FORM = "submit-legality-package";
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

    private String field(StageRecord record, String key) {
        try {
            JsonNode data = mapper.readTree(record.getPayload());
            return data.path(key).asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
