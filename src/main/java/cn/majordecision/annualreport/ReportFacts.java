package cn.majordecision.annualreport;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the annual statistics read: every case with its records, skips and public-opinion counts, the year's decision
 * catalog, what happened after decisions ({@code null} when nothing records it) and every change of a published
 * decision's status, oldest first. Plain data, so that a whole year can be built in memory and every number checked.
 */
public record ReportFacts(List<CaseFacts> cases, CatalogFacts catalog, AfterDecisionStatistics.Counts afterDecision,
        List<StatusChange> statusChanges) {

    /** Without status changes. */
    public ReportFacts(List<CaseFacts> cases, CatalogFacts catalog, AfterDecisionStatistics.Counts afterDecision) {
        this(cases, catalog, afterDecision, List.of());
    }

    /**
     * A published decision's status as it was set ({@code IN_FORCE}, {@code SUSPENDED}, {@code ADJUSTED},
     * {@code TERMINATED}), when. A suspension is a change into {@code SUSPENDED}, so a later record that keeps the
     * decision suspended (the organ confirming the head's suspension) is not a second one.
     */
    public record StatusChange(String caseNumber, String status, Instant changedAt) {
    }

    /** One case: when it was filed, how it stands, its records and skips in the order they were stored. */
    public record CaseFacts(String number, Instant filedAt, String status, Instant closedAt, String catalogItem,
            List<Record> records, List<Skip> skips, Opinions opinions) {
    }

    /** A stored stage record: its stage, task, form, when it was completed and the submitted data. */
    public record Record(long id, String stage, String taskKey, String formKey, Instant completedAt, JsonNode data) {
    }

    /** A stage skipped by a flag, when, and the ground of the basis it was skipped on (null when none was given). */
    public record Skip(String stage, Instant skippedAt, String basisCode) {

        public Skip(String stage, Instant skippedAt) {
            this(stage, skippedAt, null);
        }
    }

    /** The public opinions of a case: received, published after screening, adopted in full or in part. */
    public record Opinions(long received, long published, long adopted) {
        public static final Opinions NONE = new Opinions(0, 0, 0);
    }

    /** The year's decision catalog: whether it exists, and its items with their planned completion. */
    public record CatalogFacts(boolean exists, List<Item> items) {
        public static final CatalogFacts NONE = new CatalogFacts(false, List.of());
    }

    /** A catalog item. */
    public record Item(String number, LocalDate plannedCompletion) {
    }
}
