package cn.majordecision.cases;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;

/** The JSON shapes of a case, shared by the case API and the task view. */
public final class CaseViews {

    private CaseViews() {
    }

    public record Coded(String code, String label) {
    }

    public record CaseSummary(String number, String title, Coded category, Coded proposerType, String undertakingUnit,
            String leadUnit, Coded status, Coded stage, int currentDraftVersion, String filedBy, Instant filedAt,
            Instant closedAt) {
    }

    public record CasePage(List<CaseSummary> items, int page, int size, long totalItems, int totalPages) {
    }

    public record Proposal(String problem, String reasonsAndBasis, String initialPlan, String necessityAndFeasibility,
            String catalogItem, String outsideCatalogReason) {
    }

    public record Draft(int version, String text, String explanation, String changeSummary, String createdBy,
            Instant createdAt) {
    }

    public record Record(long id, Coded stage, String taskKey, String taskName, String formKey, String actor,
            String actorName, Instant completedAt, int draftVersion, Integer producedDraftVersion,
            @JsonRawValue String data, String sha256) {
    }

    /** The basis of a flag that switches a stage off: the ground (code and label) and the officer's statement. */
    public record Basis(String code, String label, String text) {
    }

    public record Skip(Coded stage, String flag, String flagLabel, boolean flagValue, String flagSetBy, String reason,
            Basis basis, Instant skippedAt) {
    }

    public record FlagChange(String flag, String flagLabel, boolean oldValue, boolean newValue, String reason,
            Basis basis, String revisedBy, Instant revisedAt) {
    }

    /** A filed case with the flags it runs on and the basis of each flag that switches a stage off. */
    public record FiledCase(@JsonUnwrapped CaseSummary summary, CaseFlags flags, Map<String, Basis> skipBases) {
    }

    public record Correction(long id, long correctsRecord, String actor, String actorName, Instant correctedAt,
            String reason, @JsonRawValue String data, String sha256) {
    }

    public record CaseDetailView(CaseSummary summary, Proposal proposal, CaseFlags flags, String flagsSetBy,
            Map<String, Basis> skipBases, String flagsConfirmedBy, Instant flagsConfirmedAt, String closingReason, List<OpenTask> openTasks, List<Draft> drafts, List<Record> records,
            List<Correction> corrections, List<Skip> skippedStages, List<FlagChange> flagRevisions) {
    }

    public static CaseSummary summary(DecisionCase c) {
        return new CaseSummary(c.getNumber(), c.getTitle(),
                new Coded(c.getCategory().name(), c.getCategory().label()),
                new Coded(c.getProposerType().name(), c.getProposerType().label()),
                c.getUndertakingUnit(), c.getLeadUnit(),
                new Coded(c.getStatus().name(), c.getStatus().label()),
                new Coded(c.getStage().name(), c.getStage().label()),
                c.getCurrentDraftVersion(), c.getFiledBy(), c.getFiledAt(), c.getClosedAt());
    }

    public static CasePage page(Page<DecisionCase> page) {
        return new CasePage(page.getContent().stream().map(CaseViews::summary).toList(), page.getNumber(),
                page.getSize(), page.getTotalElements(), page.getTotalPages());
    }

    public static CaseDetailView detail(CaseDetail detail) {
        DecisionCase c = detail.decisionCase();
        return new CaseDetailView(summary(c),
                new Proposal(c.getProblem(), c.getReasonsAndBasis(), c.getInitialPlan(), c.getNecessityAndFeasibility(),
                        c.getCatalogItem(), c.getOutsideCatalogReason()),
                c.getFlags(), c.getFlagsSetBy(), bases(c), c.getFlagsConfirmedBy(), c.getFlagsConfirmedAt(),
                c.getClosingReason(), detail.openTasks(),
                detail.drafts().stream().map(CaseViews::draft).toList(),
                detail.records().stream().map(CaseViews::record).toList(),
                detail.corrections().stream().map(CaseViews::correction).toList(),
                detail.skips().stream().map(CaseViews::skip).toList(),
                detail.flagRevisions().stream().map(f -> new FlagChange(f.getFlag(), FlagLabels.of(f.getFlag()),
                        f.isOldValue(), f.isNewValue(), f.getReason(), f.basis().map(CaseViews::basis).orElse(null),
                        f.getRevisedBy(), f.getRevisedAt())).toList());
    }

    public static FiledCase filed(DecisionCase c) {
        return new FiledCase(summary(c), c.getFlags(), bases(c));
    }

    /** The basis of each flag of the case that has one, keyed by flag. */
    public static Map<String, Basis> bases(DecisionCase c) {
        Map<String, Basis> bases = new LinkedHashMap<>();
        c.getSkipBases().forEach((flag, basis) -> bases.put(flag, basis(basis)));
        return bases;
    }

    public static Basis basis(SkipBasis b) {
        return new Basis(b.code().name(), b.code().label(), b.text());
    }

    public static Draft draft(DraftVersion d) {
        return new Draft(d.getVersionNumber(), d.getText(), d.getExplanation(), d.getChangeSummary(), d.getCreatedBy(),
                d.getCreatedAt());
    }

    public static Record record(StageRecord r) {
        return new Record(r.getId(), new Coded(r.getStage().name(), r.getStage().label()), r.getTaskKey(),
                r.getTaskName(), r.getFormKey(), r.getActor(), r.getActorName(), r.getCompletedAt(), r.getDraftVersion(),
                r.getProducedDraftVersion(), r.getPayload(), r.getPayloadSha256());
    }

    public static Correction correction(RecordCorrection c) {
        return new Correction(c.getId(), c.getRecordId(), c.getActor(), c.getActorName(), c.getCorrectedAt(),
                c.getReason(), c.getPayload(), c.getPayloadSha256());
    }

    public static Skip skip(StageSkip s) {
        return new Skip(new Coded(s.getStage().name(), s.getStage().label()), s.getFlag(), FlagLabels.of(s.getFlag()),
                s.isFlagValue(), s.getFlagSetBy(), s.getReason(), s.basis().map(CaseViews::basis).orElse(null),
                s.getSkippedAt());
    }
}
