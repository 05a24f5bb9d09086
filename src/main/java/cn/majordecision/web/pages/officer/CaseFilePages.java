package cn.majordecision.web.pages.officer;

import cn.majordecision.cases.CaseAccess;
import cn.majordecision.cases.CaseDetail;
import cn.majordecision.cases.CaseFlags;
import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.CaseStatus;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.cases.DecisionCategory;
import cn.majordecision.cases.DraftVersion;
import cn.majordecision.cases.FlagLabels;
import cn.majordecision.cases.ProposerType;
import cn.majordecision.cases.SkipBases;
import cn.majordecision.cases.SkipBasisCode;
import cn.majordecision.cases.Stage;
import cn.majordecision.cases.StageRecord;
import cn.majordecision.catalog.CatalogStatus;
import cn.majordecision.catalog.DecisionCatalogs;
import cn.majordecision.consultation.OpinionAdoption;
import cn.majordecision.consultation.OpinionHandling;
import cn.majordecision.documents.CaseDocument;
import cn.majordecision.documents.Documents;
import cn.majordecision.documents.DraftDiffs;
import cn.majordecision.execution.Evaluations;
import cn.majordecision.execution.ExecutionService;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.RecordIntegrity;
import cn.majordecision.shared.DomainException;
import cn.majordecision.worklist.DeadlineEntry;
import cn.majordecision.worklist.DeadlineReportService;
import cn.majordecision.web.pages.review.RecordText;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Filing a case, the case page (records, documents, drafts, timeline, deadlines, actions) and opinion handling. */
@Controller
class CaseFilePages {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Set<Stage> AFTER_DECISION = Set.of(Stage.PUBLICATION, Stage.ARCHIVING);

    private final CaseService cases;
    private final CaseAccess access;
    private final DecisionCatalogs catalogs;
    private final Documents documents;
    private final DraftDiffs diffs;
    private final DeadlineReportService deadlines;
    private final RecordText recordText;
    private final OpinionHandling opinions;
    private final OpinionAdoption adoption;
    private final ExecutionService execution;
    private final Evaluations evaluations;
    private final Clock clock;
    private final RecordIntegrity integrity;

    CaseFilePages(CaseService cases, CaseAccess access, DecisionCatalogs catalogs, Documents documents,
            DraftDiffs diffs, DeadlineReportService deadlines, RecordText recordText, OpinionHandling opinions,
            OpinionAdoption adoption, ExecutionService execution, Evaluations evaluations, Clock clock,
            RecordIntegrity integrity) {
        this.integrity = integrity;
        this.cases = cases;
        this.access = access;
        this.catalogs = catalogs;
        this.documents = documents;
        this.diffs = diffs;
        this.deadlines = deadlines;
        this.recordText = recordText;
        this.opinions = opinions;
        this.adoption = adoption;
        this.execution = execution;
        this.evaluations = evaluations;
        this.clock = clock;
    }

    /** A flag as the filing form and the case header show it. */
    record Flag(String key, String label, boolean value) {
    }

    /**
     * What the filing form asks of a flag that can switch a stage off: whether ticking it or leaving it unticked does,
     * what that leaves out, and the grounds to choose from (Arts. 14, 19, 22).
     */
    record BasisChoice(boolean skipsWhenChecked, String consequence, List<SkipBasisCode> grounds) {
    }

    @GetMapping("/app/cases/new")
    String newCase(@RequestParam(required = false) Integer year, @RequestParam(required = false) String item,
            Actor actor, Model model) {
        if (!actor.isIn("officers")) {
            // the same refusal the API gives when someone else files a case
            throw DomainException.forbidden("ROLE_REQUIRED", "只有承办科室经办人可以提出决策事项。");
        }
        int catalogYear = year == null ? LocalDate.now(clock.withZone(CHINA)).getYear() : year;
        List<DecisionCatalogs.ItemView> items = catalogs.find(catalogYear, actor)
                .filter(c -> !CatalogStatus.DRAFT.name().equals(c.status().code()))
                .map(c -> c.items().stream()
                        .filter(i -> i.caseNumber() == null || !CaseStatus.ACTIVE.name().equals(i.caseStatus().code()))
                        .toList())
                .orElse(List.of());
        DecisionCatalogs.ItemView chosen = items.stream().filter(i -> i.number().equals(item)).findFirst().orElse(null);
        model.addAttribute("year", catalogYear);
        model.addAttribute("items", items);
        model.addAttribute("chosen", chosen);
        model.addAttribute("categories", DecisionCategory.values());
        model.addAttribute("proposerTypes", ProposerType.values());
        // the defaults the API applies to flags left out: the item's procedures, expert review and risk assessment on
        Map<String, Object> prefilled = (chosen == null ? CaseFlags.DEFAULTS
                : chosen.procedures().withExpertReviewAndRiskAssessment()).asVariables();
        model.addAttribute("flags", CaseFlags.NONE.asVariables().keySet().stream()
                .map(k -> new Flag(k, FlagLabels.of(k), Boolean.TRUE.equals(prefilled.get(k)))).toList());
        Map<String, BasisChoice> bases = new java.util.LinkedHashMap<>();
        SkipBases.SKIPPABLE.forEach(flag -> bases.put(flag, new BasisChoice(CaseFlags.skips(flag, true),
                SkipBases.consequence(flag), SkipBasisCode.forFlag(flag))));
        model.addAttribute("bases", bases);
        return "officer/new-case";
    }

    /** A value with the Chinese name of what it belongs to, such as a flag's basis. */
    record Labelled(String label, String value) {
    }

    /** One stage record with its fields labelled by its form. */
    /** {@code tampered}: the record no longer matches its audit entry. */
    record RecordView(StageRecord record, List<RecordText.Line> fields, boolean tampered) {
    }

    /** One document title with its versions and, for plain-text files, what changed in the latest version. */
    record DocumentView(String title, CaseDocument latest, List<CaseDocument> versions, String contentBase,
            DraftDiffs.TextDiff diff) {
    }

    /** One line of the case's timeline: when, what (a message key and its arguments), who. */
    record TimelineEntry(Instant at, String key, List<Object> args, String who) {
    }

    /** An open step with its statutory deadline. */
    record Step(cn.majordecision.cases.OpenTask task, Integer workingDaysLeft) {
    }

    @GetMapping("/app/cases/{number}")
    String casePage(@PathVariable String number, Actor actor, Model model) {
        CaseDetail detail = cases.detail(number, actor);
        DecisionCase c = detail.decisionCase();
        String base = "/api/cases/" + java.net.URLEncoder.encode(number, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20") + "/documents/";
        List<DocumentView> docs = documents.list(number, actor).documents().stream().map(h -> {
            DraftDiffs.TextDiff diff = null;
            if (h.versions().size() > 1) {
                CaseDocument previous = h.versions().get(h.versions().size() - 2);
                diff = diffs.documentDiff(number, previous.getId(), h.latest().getId(), actor).orElse(null);
            }
            return new DocumentView(h.title(), h.latest(), h.versions(), base, diff);
        }).toList();
        List<DraftVersion> drafts = detail.drafts();
        DraftDiffs.DraftDiff draftDiff = drafts.size() > 1
                ? diffs.diff(number, drafts.size() - 1, drafts.size(), actor) : null;
        Map<String, Integer> daysLeft = actor.isInAny(Set.of("officers", "auditors"))
                ? deadlines.report(actor, null, null).stream().filter(e -> e.caseNumber().equals(number))
                        .filter(e -> e.workingDaysLeft() != null)
                        .collect(Collectors.toMap(e -> e.task().id(), DeadlineEntry::workingDaysLeft, (a, b) -> a))
                : Map.of();
        boolean ownUnit = access.isOwnUnit(c, actor);
        model.addAttribute("c", c);
        model.addAttribute("detail", detail);
        model.addAttribute("flags", c.getFlags().asVariables().entrySet().stream()
                .map(e -> new Flag(e.getKey(), FlagLabels.of(e.getKey()), (Boolean) e.getValue())).toList());
        model.addAttribute("skipBases", c.getSkipBases().entrySet().stream()
                .map(e -> new Labelled(FlagLabels.of(e.getKey()), e.getValue().statement())).toList());
        // records that no longer match the audit log are shown as tampered (ADR 0021)
        List<RecordIntegrity.Mismatch> tampered = integrity.mismatchesOfCase(c.getId());
        model.addAttribute("tampered", tampered);
        model.addAttribute("records", detail.records().stream().map(r -> recordView(r, tampered)).toList());
        model.addAttribute("documents", docs);
        model.addAttribute("drafts", drafts);
        model.addAttribute("draftDiff", draftDiff);
        model.addAttribute("steps", detail.openTasks().stream()
                .map(t -> new Step(t, daysLeft.get(t.id()))).toList());
        model.addAttribute("timeline", timeline(detail, docs));
        model.addAttribute("stages", Stage.values());
        model.addAttribute("mayAct", ownUnit && actor.isIn("officers") && c.isActive());
        // once a meeting was held the case is not withdrawn (Art. 30); a running expert round may be closed early
        model.addAttribute("mayWithdraw", ownUnit && actor.isIn("officers") && c.isActive() && !c.isMeetingHeld());
        model.addAttribute("expertRoundOpen", detail.openTasks().stream()
                .anyMatch(t -> cn.majordecision.cases.OpinionSeal.OPINION_FORM.equals(t.formKey())));
        model.addAttribute("mayUpload", c.isActive() && (ownUnit || detail.openTasks().stream()
                .anyMatch(t -> actor.userId().equals(t.assignee()))));
        model.addAttribute("officerOfUnit", ownUnit && actor.isIn("officers"));
        if (AFTER_DECISION.contains(c.getStage()) || c.getStatus() == CaseStatus.ARCHIVED) {
            model.addAttribute("execution", quietly(() -> execution.view(number, actor)));
            model.addAttribute("evaluations", quietly(() -> evaluations.list(number, actor)));
        }
        return "officer/case";
    }

    @GetMapping("/app/cases/{number}/opinions")
    String opinions(@PathVariable String number, Actor actor, Model model) {
        DecisionCase c = cases.read(number, actor);
        model.addAttribute("c", c);
        model.addAttribute("list", opinions.list(number, actor));
        model.addAttribute("table", adoption.table(number, actor));
        model.addAttribute("mayAct", access.isOwnUnit(c, actor) && actor.isIn("officers"));
        return "officer/opinions";
    }

    /** A section the person may not see (or that does not apply yet) is left out rather than refusing the page. */
    private static <T> T quietly(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (DomainException notForThisPerson) {
            return null;
        }
    }

    private RecordView recordView(StageRecord record, List<RecordIntegrity.Mismatch> tampered) {
        return new RecordView(record, recordText.lines(record.getFormKey(), record.getPayload()),
                RecordIntegrity.tampered(tampered, RecordIntegrity.STAGE_RECORD, record.getId()));
    }

    /** What happened to the case, oldest first, from its own records: filing, steps, drafts, documents, closing. */
    private static List<TimelineEntry> timeline(CaseDetail detail, List<DocumentView> docs) {
        DecisionCase c = detail.decisionCase();
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(new TimelineEntry(c.getFiledAt(), "officer.timeline.filed", List.of(c.getNumber()), c.getFiledBy()));
        detail.records().forEach(r -> entries.add(new TimelineEntry(r.getCompletedAt(), "officer.timeline.record",
                List.of(r.getStage().label(), r.getTaskName()), r.getActorName())));
        detail.skips().forEach(s -> entries.add(new TimelineEntry(s.getSkippedAt(), "officer.timeline.skipped",
                List.of(s.getReason()), s.getFlagSetBy())));
        detail.flagRevisions().forEach(f -> entries.add(new TimelineEntry(f.getRevisedAt(), "officer.timeline.flag",
                List.of(FlagLabels.of(f.getFlag()), f.getReason()), f.getRevisedBy())));
        detail.drafts().forEach(d -> entries.add(new TimelineEntry(d.getCreatedAt(), "officer.timeline.draft",
                List.of(d.getVersionNumber()), d.getCreatedBy())));
        docs.forEach(d -> d.versions().forEach(v -> entries.add(new TimelineEntry(v.getUploadedAt(),
                "officer.timeline.document", List.of(v.getTitle(), v.getVersion()), v.getUploadedBy()))));
        if (c.getClosedAt() != null) {
            entries.add(new TimelineEntry(c.getClosedAt(), "officer.timeline.closed",
                    List.of(c.getStatus().label(), c.getClosingReason() == null ? "" : c.getClosingReason()), null));
        }
        entries.sort(Comparator.comparing(TimelineEntry::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return entries;
    }
}
