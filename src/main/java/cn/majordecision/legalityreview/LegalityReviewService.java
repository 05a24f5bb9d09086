package cn.majordecision.legalityreview;

import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.cases.StageRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Knows whether a case may go to the collective meeting: a lawful (or exploratory) conclusion on its current draft. */
@Service
@Transactional(readOnly = true)
public class LegalityReviewService {

    static final String CONCLUSION_FORM = "conclude-legality";
    private static final Set<String> CLEARING = Set.of("lawful", "exploratory");

    private final CaseService cases;
    private final ObjectMapper mapper;

    LegalityReviewService(CaseService cases, ObjectMapper mapper) {
        this.cases = cases;
        this.mapper = mapper;
    }

    public boolean isClearedForMeeting(Long caseId) {
        DecisionCase decisionCase = cases.get(caseId);
        Optional<StageRecord> conclusion = cases.latestRecord(caseId, CONCLUSION_FORM);
        return conclusion.isPresent()
                && conclusion.get().getDraftVersion() == decisionCase.getCurrentDraftVersion()
                && CLEARING.contains(field(conclusion.get(), "legalityConclusion"));
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
