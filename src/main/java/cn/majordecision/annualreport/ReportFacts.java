package cn.majordecision.annualreport;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the annual statistics read: every case with its records, skips and public-opinion counts, the year's decision
 * catalog, and what happened after decisions ({@code null} when nothing records it). Plain data, so that a whole year
 * can be built in memory and every number checked.
 */
public record ReportFacts(List<CaseFacts> cases, CatalogFacts catalog, AfterDecisionStatistics.Counts afterDecision) {

    /** One case: when it was filed, how it stands, its records and skips in the order they were stored. */
    public record CaseFacts(String number, Instant filedAt, String status, Instant closedAt, String catalogItem,
            List<Record> records, List<Skip> skips, Opinions opinions) {
    }

    /** A stored stage record: its stage, task, form, when it was completed and the submitted data. */
    public record Record(long id, String stage, String taskKey, String formKey, Instant completedAt, JsonNode data) {
    }

    /** A stage skipped by a flag, and when. */
    public record Skip(String stage, Instant skippedAt) {
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
