package cn.majordecision.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the compliance rules read of a case: its flags (and who set them), whether it is still running, and its stored
 * stage records and skips in order. Plain data, so that every rule can be tested without a database.
 */
public record CaseFacts(String caseNumber, boolean active, String status, Map<String, Boolean> flags,
        String flagsSetBy, List<Record> records, List<Skip> skips) {

    /** A stored stage record: the form it was submitted on, who, when, and the submitted data. */
    public record Record(long id, String stage, String formKey, String actor, String actorName, Instant completedAt,
            JsonNode data) {
    }

    /**
     * A stage skipped because of a flag, with the basis given for the flag when it was skipped: the code of a ground
     * ({@code cn.majordecision.cases.SkipBasisCode}) and the officer's statement, both null when none was given.
     */
    public record Skip(String stage, String flag, boolean flagValue, String flagSetBy, Instant skippedAt,
            String basisCode, String basisText) {

        /** A skip with no basis given. */
        public Skip(String stage, String flag, boolean flagValue, String flagSetBy, Instant skippedAt) {
            this(stage, flag, flagValue, flagSetBy, skippedAt, null, null);
        }
    }

    boolean flag(String name) {
        return Boolean.TRUE.equals(flags.get(name));
    }
}
