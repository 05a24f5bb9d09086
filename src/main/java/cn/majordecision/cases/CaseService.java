package cn.majordecision.cases;

import cn.majordecision.cases.CaseEvents.CaseClosed;
import cn.majordecision.cases.CaseEvents.CaseFiled;
import cn.majordecision.cases.CaseEvents.DraftAdded;
import cn.majordecision.cases.CaseEvents.StageRecorded;
import cn.majordecision.cases.CaseEvents.StageSkipped;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.RecordIntegrity;
import cn.majordecision.shared.FieldViolation;
import jakarta.persistence.criteria.Predicate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Files, finds, withdraws and records decision cases; the single writer of the case tables. */
@Service("decisionCaseService") // Camunda already registers a bean named caseService (CMMN)
@Transactional
public class CaseService {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The record of the collective meeting (Art. 30): once stored, the case can no longer be withdrawn. */
    public static final String MEETING_FORM = "record-meeting";
    /** A case number as {@link CaseNumbers} makes them, e.g. YHZ-2025-003. */
    private static final Pattern CASE_NUMBER = Pattern.compile("[A-Z]+-\\d{4}-\\d{3,}");
    /** Groups that may read case files; external reviewers see a case only through their task. */
    private static final Set<String> CASE_READERS = Set.of("officers", "heads", "auditors", "admins",
            "meeting-secretaries", "legal-reviewers", "party-committee", "archivists");

    private final CaseRepository cases;
    private final DraftVersionRepository drafts;
    private final StageRecordRepository records;
    private final StageSkipRepository skips;
    private final FlagRevisionRepository flagRevisions;
    private final RecordCorrectionRepository corrections;
    private final CaseNumbers numbers;
    private final CaseAccess access;
    private final CaseWorkflow workflow;
    private final ObjectProvider<CatalogLookup> catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final boolean partyCommitteeBeforeMeeting;

    CaseService(CaseRepository cases, DraftVersionRepository drafts, StageRecordRepository records,
            StageSkipRepository skips, FlagRevisionRepository flagRevisions, RecordCorrectionRepository corrections,
            CaseNumbers numbers, CaseAccess access, CaseWorkflow workflow, ObjectProvider<CatalogLookup> catalog,
            ApplicationEventPublisher events, Clock clock, @Value("${app.party-committee-before-meeting:false}") boolean partyCommitteeBeforeMeeting) {
        this.cases = cases;
        this.drafts = drafts;
        this.records = records;
        this.skips = skips;
        this.flagRevisions = flagRevisions;
        this.corrections = corrections;
        this.numbers = numbers;
        this.access = access;
        this.workflow = workflow;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
        this.partyCommitteeBeforeMeeting = partyCommitteeBeforeMeeting;
    }

    public DecisionCase file(FileCaseCommand command, Actor officer) {
        requireGroup(officer, "officers", "只有承办科室经办人可以提出决策事项。");
        if (officer.unit() != null && !officer.unit().equals(command.undertakingUnit())) {
            throw DomainException.invalid(List.of(new FieldViolation("undertakingUnit", "NOT_OWN_UNIT",
                    "承办单位须为您所在的单位（" + officer.unit() + "）；其他单位的事项请由该单位经办人提出。")));
        }
        Optional<CatalogLookup.CatalogItemRef> item = againstCatalog(command);
        CaseFlags defaults = item.map(i -> i.procedures().withExpertReviewAndRiskAssessment())
                .orElse(CaseFlags.DEFAULTS);
        CaseFlags flags = CaseFlags.of(command.flags(), defaults);
        item.ifPresent(i -> requireAtLeast(flags, i, "flags.", flags.asVariables().keySet()));
        Map<String, SkipBasis> bases = requireBases(flags.skipping(), command.skipBases(), null);
        DecisionCase decisionCase = cases.save(new DecisionCase(numbers.next(), command, flags, bases,
                officer.userId(), clock.instant()));
        Map<String, Object> variables = new HashMap<>(flags.asVariables());
        variables.put("caseId", decisionCase.getId());
        variables.put("partyCommitteeBeforeMeeting", partyCommitteeBeforeMeeting);
        decisionCase.attachProcess(workflow.start(decisionCase.getNumber(), variables));
        events.publishEvent(new CaseFiled(decisionCase.getId(), decisionCase.getNumber(), officer.userId()));
        return decisionCase;
    }

    /**
     * A case is filed against an approved item of the decision catalog, whose required procedures are the least the
     * case runs, or outside the catalog with a reason (Art. 3). One item has at most one active case.
     */
    private Optional<CatalogLookup.CatalogItemRef> againstCatalog(FileCaseCommand command) {
        String item = command.catalogItem();
        if (item == null) {
            if (command.outsideCatalogReason() == null || command.outsideCatalogReason().isBlank()) {
                throw DomainException.invalid(List.of(new FieldViolation("outsideCatalogReason",
                        "OUTSIDE_CATALOG_REASON_REQUIRED",
                        "请选择本事项所属的决策事项目录事项；未列入目录的，请说明理由。")));
            }
            return Optional.empty();
        }
        if (command.outsideCatalogReason() != null && !command.outsideCatalogReason().isBlank()) {
            throw DomainException.invalid(List.of(new FieldViolation("outsideCatalogReason", "CATALOG_ITEM_GIVEN",
                    "已选择目录事项 " + item + "，不需要填写目录外立项理由。")));
        }
        CatalogLookup.CatalogItemRef ref = catalogItem(item).orElseThrow(() -> DomainException.invalid(List.of(
                new FieldViolation("catalogItem", "CATALOG_ITEM_UNKNOWN", "决策事项目录中没有编号为 " + item + " 的事项。"))));
        if (!ref.approved()) {
            throw DomainException.conflict("CATALOG_NOT_APPROVED", "目录事项 " + item + " 所在的决策事项目录当前状态为“"
                    + ref.catalogStatusLabel() + "”，经党委同意后才能据以立项。");
        }
        if (!ref.undertakingUnit().equals(command.undertakingUnit())) {
            throw DomainException.invalid(List.of(new FieldViolation("undertakingUnit", "NOT_CATALOG_UNIT",
                    "目录事项 " + item + " 的承办单位是" + ref.undertakingUnit() + "，请由该单位立项。")));
        }
        cases.findByCatalogItemOrderByIdDesc(item).stream().filter(DecisionCase::isActive).findFirst()
                .ifPresent(active -> {
                    throw DomainException.conflict("CATALOG_ITEM_HAS_CASE",
                            "目录事项 " + item + " 已有办理中的决策事项 " + active.getNumber() + "，不能重复立项。");
                });
        return Optional.of(ref);
    }

    private Optional<CatalogLookup.CatalogItemRef> catalogItem(String number) {
        return catalog.stream().findFirst().flatMap(lookup -> lookup.find(number));
    }

    /**
     * The procedures the party committee approved for a catalog item are the least its case runs (Art. 3): a flag that
     * asks for less than the item is refused, naming the flag and the item. Only {@code checked} flags are looked at.
     */
    private static void requireAtLeast(CaseFlags flags, CatalogLookup.CatalogItemRef item, String fieldPrefix,
            Set<String> checked) {
        List<FieldViolation> weaker = flags.weakerThan(item.procedures()).stream().filter(checked::contains)
                .map(flag -> new FieldViolation(fieldPrefix + flag, "WEAKER_THAN_CATALOG_ITEM",
                        "目录事项 %s（%s）经党委同意的程序要求“%s”为%s，本事项不能低于该要求；确需调整的，请先按程序调整目录事项。"
                                .formatted(item.number(), item.title(), FlagLabels.of(flag),
                                        item.procedures().value(flag) ? "是" : "否")))
                .toList();
        if (!weaker.isEmpty()) {
            throw DomainException.invalid(weaker);
        }
    }

    /**
     * The basis of each flag in {@code needed}, which switches a stage off: a ground of that flag from the fixed list
     * and a statement of at least {@link SkipBasis#MIN_TEXT} characters; a prior case must name an existing case.
     * A basis for any other flag is refused, so none is stored that nobody meant.
     */
    private Map<String, SkipBasis> requireBases(List<String> needed, Map<String, SkipBasis> given, DecisionCase own) {
        List<FieldViolation> violations = new ArrayList<>();
        Map<String, SkipBasis> bases = new LinkedHashMap<>();
        for (String flag : needed) {
            SkipBasis basis = given.get(flag);
            String field = "skipBases." + flag;
            if (basis == null || basis.code() == null) {
                violations.add(new FieldViolation(field, "SKIP_BASIS_REQUIRED", "“%s”设为%s将%s，请选择依据并说明具体情形。"
                        .formatted(FlagLabels.of(flag), CaseFlags.skips(flag, true) ? "是" : "否",
                                SkipBases.consequence(flag))));
                continue;
            }
            if (!basis.code().flag().equals(flag)) {
                violations.add(new FieldViolation(field + ".code", "SKIP_BASIS_WRONG_FLAG", "“%s”不是“%s”的依据，请从%s中选择。"
                        .formatted(basis.code().label(), FlagLabels.of(flag), SkipBases.choices(flag))));
                continue;
            }
            String text = basis.text() == null ? "" : basis.text().strip();
            if (text.codePointCount(0, text.length()) < SkipBasis.MIN_TEXT) {
                violations.add(new FieldViolation(field + ".text", "SKIP_BASIS_TEXT_TOO_SHORT",
                        "请具体说明依据（至少 %d 个字）：%s".formatted(SkipBasis.MIN_TEXT, SkipBases.hint(basis.code()))));
                continue;
            }
            if (basis.code() == SkipBasisCode.PRIOR_CASE && !namesAnotherCase(text, own)) {
                violations.add(new FieldViolation(field + ".text", "SKIP_BASIS_CASE_UNKNOWN",
                        "请写明已作风险评估的决策事项编号（如 YHZ-2025-003），系统中须有该事项。"));
                continue;
            }
            bases.put(flag, new SkipBasis(basis.code(), text));
        }
        given.entrySet().stream().filter(e -> e.getValue() != null && !needed.contains(e.getKey()))
                .map(Map.Entry::getKey).forEach(flag -> violations.add(new FieldViolation(
                "skipBases." + flag, "SKIP_BASIS_NOT_NEEDED", "“%s”此次未设为跳过程序，不需要填写依据。"
                        .formatted(FlagLabels.of(flag)))));
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        return bases;
    }

    private boolean namesAnotherCase(String text, DecisionCase own) {
        Matcher numbers = CASE_NUMBER.matcher(text);
        while (numbers.find()) {
            String number = numbers.group();
            if ((own == null || !own.getNumber().equals(number)) && cases.findByNumber(number).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The cases filed against a catalog item, newest first, whoever may read them: the catalog decides what it shows. */
    @Transactional(readOnly = true)
    public List<DecisionCase> filedAgainst(String catalogItem) {
        return cases.findByCatalogItemOrderByIdDesc(catalogItem);
    }

    @Transactional(readOnly = true)
    public DecisionCase get(String number) {
        return cases.findByNumber(number).orElseThrow(() -> unknownCase(number));
    }

    @Transactional(readOnly = true)
    public DecisionCase get(Long caseId) {
        return cases.findById(caseId).orElseThrow(() -> unknownCase(String.valueOf(caseId)));
    }

    @Transactional(readOnly = true)
    public Page<DecisionCase> search(CaseQuery query, Pageable page, Actor reader) {
        requireReader(reader);
        Specification<DecisionCase> spec = (root, q, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (query.number() != null && !query.number().isBlank()) {
                where.add(cb.like(root.get("number"), "%" + escapeLike(query.number().trim()) + "%", '\\'));
            }
            if (query.title() != null && !query.title().isBlank()) {
                where.add(cb.like(root.get("title"), "%" + escapeLike(query.title().trim()) + "%", '\\'));
            }
            if (query.unit() != null && !query.unit().isBlank()) {
                String unit = "%" + escapeLike(query.unit().trim()) + "%";
                where.add(cb.or(cb.like(root.get("undertakingUnit"), unit, '\\'),
                        cb.like(root.get("leadUnit"), unit, '\\')));
            }
            if (query.status() != null) {
                where.add(cb.equal(root.get("status"), query.status()));
            }
            if (query.stage() != null) {
                where.add(cb.equal(root.get("stage"), query.stage()));
            }
            if (query.filedFrom() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("filedAt"), query.filedFrom().atStartOfDay(CHINA).toInstant()));
            }
            if (query.filedTo() != null) {
                where.add(cb.lessThan(root.get("filedAt"), query.filedTo().plusDays(1).atStartOfDay(CHINA).toInstant()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        return cases.findAll(spec.and(access.visibleTo(reader)), page);
    }

    /** The case, for someone whose role may read case files. */
    @Transactional(readOnly = true)
    public DecisionCase read(String number, Actor reader) {
        requireReader(reader);
        DecisionCase decisionCase = get(number);
        if (!access.mayRead(decisionCase, reader)) {
            throw unknownCase(number); // what one may not see, one is not told exists
        }
        return decisionCase;
    }

    /** The case, for an officer of its own unit: a unit granted reading may not act on it. */
    private DecisionCase forOwnUnit(String number, Actor officer) {
        DecisionCase decisionCase = read(number, officer);
        if (!access.isOwnUnit(decisionCase, officer)) {
            throw DomainException.forbidden("UNIT_NOT_YOURS", "该事项由" + decisionCase.getUndertakingUnit()
                    + "承办，您所在单位只能查阅，不能办理。");
        }
        return decisionCase;
    }

    @Transactional(readOnly = true)
    public CaseDetail detail(String number, Actor reader) {
        DecisionCase decisionCase = read(number, reader);
        Long id = decisionCase.getId();
        List<OpenTask> open = decisionCase.isActive() ? workflow.openTasks(number) : List.of();
        OpinionSeal seal = OpinionSeal.of(open, latestRecord(id, OpinionSeal.SELECTION_FORM));
        List<StageRecord> visible = records.findByCaseIdOrderById(id).stream().filter(r -> !seal.hides(r, reader))
                .toList();
        Set<Long> visibleIds = visible.stream().map(StageRecord::getId).collect(Collectors.toSet());
        return new CaseDetail(decisionCase, drafts.findByCaseIdOrderByVersionNumber(id), visible,
                skips.findByCaseIdOrderById(id), flagRevisions.findByCaseIdOrderById(id),
                corrections.findByCaseIdOrderById(id).stream().filter(c -> visibleIds.contains(c.getRecordId()))
                        .toList(),
                open);
    }

    /** Every stored record of a case, nothing sealed or filtered: for the rules that judge it, never for display. */
    @Transactional(readOnly = true)
    public CaseDetail storedRecord(Long caseId) {
        DecisionCase decisionCase = get(caseId);
        return new CaseDetail(decisionCase, drafts.findByCaseIdOrderByVersionNumber(caseId),
                records.findByCaseIdOrderById(caseId), skips.findByCaseIdOrderById(caseId),
                flagRevisions.findByCaseIdOrderById(caseId), corrections.findByCaseIdOrderById(caseId), List.of());
    }

    /** Which expert opinions of the case are sealed right now (Art. 19). */
    @Transactional(readOnly = true)
    public OpinionSeal opinionSeal(Long caseId) {
        DecisionCase decisionCase = get(caseId);
        if (!decisionCase.isActive()) {
            return OpinionSeal.NONE;
        }
        return OpinionSeal.of(workflow.openTasks(decisionCase.getNumber()),
                latestRecord(caseId, OpinionSeal.SELECTION_FORM));
    }

    /** The stage records of a case as this viewer may see them now: sealed expert opinions left out. */
    @Transactional(readOnly = true)
    public List<StageRecord> records(Long caseId, Actor viewer) {
        OpinionSeal seal = opinionSeal(caseId);
        return records.findByCaseIdOrderById(caseId).stream().filter(r -> !seal.hides(r, viewer)).toList();
    }

    /**
     * The statement of the statutory steps performed or skipped, with reasons, that the legality review package
     * must carry (Art. 26): generated from the records, never typed by hand.
     */
    @Transactional(readOnly = true)
    public List<ProcedureStep> procedureStatement(Long caseId) {
        DecisionCase decisionCase = get(caseId);
        List<StageRecord> done = records.findByCaseIdOrderById(caseId);
        List<StageSkip> skipped = skips.findByCaseIdOrderById(caseId);
        List<ProcedureStep> steps = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            if (!stage.isBefore(Stage.LEGALITY_REVIEW)) {
                break;
            }
            List<StageRecord> ofStage = done.stream().filter(r -> r.getStage() == stage).toList();
            Optional<StageSkip> skip = skipped.stream().filter(k -> k.getStage() == stage).findFirst();
            if (!ofStage.isEmpty()) {
                StageRecord last = ofStage.get(ofStage.size() - 1);
                steps.add(new ProcedureStep(stage, stage.label(), ProcedureStep.Status.PERFORMED,
                        "已履行：%d 项办理记录，最后一项由%s于 %s 办结。".formatted(ofStage.size(),
                                last.getActorName(), last.getCompletedAt().atZone(CHINA).toLocalDate())));
            } else if (skip.isPresent()) {
                StageSkip k = skip.get();
                steps.add(new ProcedureStep(stage, stage.label(), ProcedureStep.Status.SKIPPED,
                        "未履行（标记“%s”为%s）：%s（标记设置人：%s）".formatted(FlagLabels.of(k.getFlag()),
                                k.isFlagValue() ? "是" : "否", k.getReason(), k.getFlagSetBy())));
            } else {
                steps.add(new ProcedureStep(stage, stage.label(), ProcedureStep.Status.PENDING,
                        plannedSkip(decisionCase, stage).orElse("尚未进行。")));
            }
        }
        return steps;
    }

    /** What the flags say of a stage not reached yet: that it will be skipped, and on which basis. */
    private static Optional<String> plannedSkip(DecisionCase decisionCase, Stage stage) {
        CaseFlags flags = decisionCase.getFlags();
        return SkipBases.SKIPPABLE.stream().filter(flag -> Stage.controlledBy(flag) == stage
                        || "nonPublic".equals(flag) && stage == Stage.PUBLICATION)
                .filter(flag -> CaseFlags.skips(flag, flags.value(flag))).findFirst()
                .map(flag -> "尚未进行；依标记“%s”将不进行。依据：%s".formatted(FlagLabels.of(flag),
                        decisionCase.skipBasis(flag).map(SkipBasis::statement).orElse("未说明。")));
    }

    /** The open tasks of a case, right now (also inside the transaction that just completed one). */
    @Transactional(readOnly = true)
    public List<OpenTask> openTasks(Long caseId) {
        return workflow.openTasks(get(caseId).getNumber());
    }

    public DecisionCase withdraw(String number, String reason, Actor officer) {
        requireGroup(officer, "officers", "只有承办科室经办人可以撤回决策事项。");
        DecisionCase decisionCase = forOwnUnit(number, officer);
        decisionCase.withdraw(reason, clock.instant());
        workflow.withdraw(number);
        events.publishEvent(new CaseClosed(decisionCase.getId(), CaseStatus.WITHDRAWN, officer.userId(), reason));
        return decisionCase;
    }

    /**
     * The officer revises flags whose stages have not started; each change is kept with its reason, and a change that
     * switches a stage off with its basis. A flag left out keeps its value. A case filed against a catalog item
     * cannot be revised below the item's approved procedures.
     */
    public DecisionCase reviseFlags(String number, Map<String, Boolean> given, String reason,
            Map<String, SkipBasis> skipBases, Actor officer) {
        requireGroup(officer, "officers", "只有承办科室经办人可以修改事项标记。");
        DecisionCase decisionCase = forOwnUnit(number, officer);
        CaseFlags current = decisionCase.getFlags();
        CaseFlags revised = CaseFlags.of(given, current);
        Map<String, Object> before = current.asVariables();
        Set<String> changed = revised.asVariables().entrySet().stream()
                .filter(e -> !e.getValue().equals(before.get(e.getKey()))).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        if (decisionCase.getCatalogItem() != null) {
            catalogItem(decisionCase.getCatalogItem()).ifPresent(item -> requireAtLeast(revised, item, "flags.", changed));
        }
        List<String> nowSkipping = revised.skipping().stream().filter(changed::contains).toList();
        Map<String, SkipBasis> bases = requireBases(nowSkipping, skipBases == null ? Map.of() : skipBases,
                decisionCase);
        decisionCase.reviseFlags(revised, officer.userId());
        for (String flag : changed) {
            boolean value = revised.value(flag);
            if (SkipBases.SKIPPABLE.contains(flag)) {
                decisionCase.giveSkipBasis(flag, bases.get(flag));
            }
            flagRevisions.save(new FlagRevision(decisionCase.getId(), flag, !value, value, reason, bases.get(flag),
                    officer.userId(), clock.instant()));
            events.publishEvent(new CaseEvents.FlagRevised(decisionCase.getId(), flag, value, reason,
                    officer.userId(), bases.containsKey(flag) ? bases.get(flag).statement() : null));
        }
        workflow.updateFlags(decisionCase.getProcessInstanceId(), revised.asVariables());
        return decisionCase;
    }

    /** The head confirmed the flags and their bases when deciding to launch the case. */
    public void confirmFlags(Long caseId, String head) {
        get(caseId).confirmFlags(head, clock.instant());
    }

    /** Called when a task of the case is created: the case is now in that task's stage. */
    public void enterStage(Long caseId, Stage stage) {
        get(caseId).enterStage(stage);
    }

    /** Called when the process reaches an end event. */
    public void close(Long caseId, CaseStatus outcome) {
        DecisionCase decisionCase = get(caseId);
        if (decisionCase.getStatus() != outcome) {
            decisionCase.close(outcome, outcome.label(), clock.instant());
            events.publishEvent(new CaseClosed(caseId, outcome, null, outcome.label()));
        }
    }

    public void confirmUnits(Long caseId, String undertakingUnit, String leadUnit) {
        get(caseId).confirmUnits(undertakingUnit, leadUnit);
    }

    /**
     * Records that a conditional stage did not run because of {@code flag}, with who set the flag and, as the reason,
     * the basis the officer gave for it.
     */
    public StageSkip recordSkip(Long caseId, Stage stage, String flag) {
        DecisionCase decisionCase = get(caseId);
        boolean value = decisionCase.getFlags().value(flag);
        if (!CaseFlags.letsSkip(flag, value)) {
            // the engine's copy of the flags disagrees with the case's: never record (or take) such a skip
            throw DomainException.conflict("SKIP_NOT_JUSTIFIED",
                    "事项的标记“%s”为%s，不能跳过“%s”阶段；流程中的标记与事项记录不一致，请联系系统管理员。"
                            .formatted(FlagLabels.of(flag), value ? "是" : "否", stage.label()));
        }
        Optional<SkipBasis> basis = CaseFlags.skips(flag, value) ? decisionCase.skipBasis(flag) : Optional.empty();
        String reason = basis.map(SkipBasis::statement).orElseGet(() -> CaseFlags.skips(flag, value)
                ? "标记“%s”为%s，未说明依据。".formatted(FlagLabels.of(flag), value ? "是" : "否")
                : "标记“%s”为%s，本事项不经“%s”阶段。".formatted(FlagLabels.of(flag), value ? "是" : "否", stage.label()));
        String setBy = flagRevisions.findFirstByCaseIdAndFlagOrderByIdDesc(caseId, flag)
                .map(FlagRevision::getRevisedBy).orElse(decisionCase.getFiledBy());
        StageSkip skip = skips.save(new StageSkip(caseId, stage, flag, value, setBy, reason, basis.orElse(null),
                clock.instant()));
        events.publishEvent(new StageSkipped(caseId, stage, flag, value, setBy,
                basis.map(SkipBasis::statement).orElse(null)));
        return skip;
    }

    /**
     * Appends the record of a completed task, and the new draft version it brings if any. The record names the
     * draft version the submitter saw, so a review always points at what it reviewed. One record per task: the
     * unique task id refuses a second one even when two submissions race.
     */
    public StageRecord recordSubmission(Long caseId, SubmittedTask task, Actor actor, String payloadJson,
            Optional<DraftInput> draft) {
        DecisionCase decisionCase = get(caseId);
        decisionCase.requireActive();
        int seenVersion = decisionCase.getCurrentDraftVersion();
        Integer produced = null;
        if (draft.isPresent()) {
            produced = decisionCase.nextDraftVersion();
            DraftInput input = draft.get();
            drafts.save(new DraftVersion(caseId, produced, input.text(), input.explanation(), input.changeSummary(),
                    actor.userId(), clock.instant()));
            events.publishEvent(new DraftAdded(caseId, task.stage(), produced, actor.userId(),
                    RecordIntegrity.draftDigest(input.text(), input.explanation(), input.changeSummary())));
        }
        if (MEETING_FORM.equals(task.formKey())) {
            decisionCase.recordMeetingHeld();
        }
        StageRecord record = records.save(new StageRecord(caseId, task.stage(), task, actor.userId(),
                actor.displayName(), clock.instant(), seenVersion, produced, payloadJson, sha256(payloadJson)));
        events.publishEvent(new StageRecorded(caseId, record.getId(), task.stage(), task.formKey(), actor.userId(),
                task.taskId(), record.getPayloadSha256()));
        return record;
    }

    /**
     * The record, for the person who submitted it and may correct it. Someone who may read the case is told it is not
     * theirs; anybody else is told the case does not exist.
     */
    @Transactional(readOnly = true)
    public StageRecord ownRecord(String number, Long recordId, Actor actor) {
        StageRecord record = record(number, recordId);
        if (!record.getActor().equals(actor.userId())) {
            if (!actor.isInAny(CASE_READERS) || !access.mayRead(get(number), actor)) {
                throw unknownCase(number);
            }
            requireSubmitter(record, actor);
        }
        return record;
    }

    private static void requireSubmitter(StageRecord record, Actor actor) {
        if (!record.getActor().equals(actor.userId())) {
            throw DomainException.forbidden("NOT_YOUR_RECORD", "只有提交该记录的人员可以更正它。");
        }
    }

    @Transactional(readOnly = true)
    public StageRecord record(String number, Long recordId) {
        DecisionCase decisionCase = get(number);
        return records.findById(recordId).filter(r -> r.getCaseId().equals(decisionCase.getId()))
                .orElseThrow(() -> DomainException.notFound("RECORD_NOT_FOUND", "该事项中没有编号为 " + recordId + " 的办理记录。"));
    }

    /**
     * Appends a correction of a record's content by the person who submitted it. The record itself never changes;
     * readers see both, the correction pointing at what it corrects.
     */
    public RecordCorrection recordCorrection(StageRecord record, Actor actor, String reason, String payloadJson) {
        requireSubmitter(record, actor);
        RecordCorrection correction = corrections.save(new RecordCorrection(record.getCaseId(), record.getId(),
                actor.userId(), actor.displayName(), clock.instant(), reason, payloadJson, sha256(payloadJson)));
        events.publishEvent(new CaseEvents.RecordCorrected(record.getCaseId(), record.getId(), correction.getId(),
                actor.userId(), correction.getPayloadSha256()));
        return correction;
    }

    /** What the record says now: the payload of its latest correction, else its own. */
    @Transactional(readOnly = true)
    public String currentPayload(StageRecord record) {
        return corrections.findByCaseIdOrderById(record.getCaseId()).stream()
                .filter(c -> c.getRecordId().equals(record.getId())).reduce((a, b) -> b)
                .map(RecordCorrection::getPayload).orElse(record.getPayload());
    }

    @Transactional(readOnly = true)
    public Optional<StageRecord> recordOfTask(String taskId) {
        return records.findByTaskId(taskId);
    }

    @Transactional(readOnly = true)
    public Optional<StageRecord> latestRecord(Long caseId, String formKey) {
        return records.findFirstByCaseIdAndFormKeyOrderByIdDesc(caseId, formKey);
    }

    /**
     * Every case, oldest first, whoever may read it: for whole-government statistics, which show counts and case
     * numbers only.
     */
    @Transactional(readOnly = true)
    public List<DecisionCase> everyCase() {
        return cases.findAll(org.springframework.data.domain.Sort.by("id"));
    }

    /** The stages of a case skipped by a flag, in the order they were skipped. */
    @Transactional(readOnly = true)
    public List<StageSkip> skips(Long caseId) {
        return skips.findByCaseIdOrderById(caseId);
    }

    /** Every record of one form, across all cases, oldest first. */
    @Transactional(readOnly = true)
    public List<StageRecord> recordsOfForm(String formKey) {
        return records.findByFormKeyOrderById(formKey);
    }

    @Transactional(readOnly = true)
    public List<StageRecord> records(Long caseId) {
        return records.findByCaseIdOrderById(caseId);
    }

    @Transactional(readOnly = true)
    public Optional<StageSkip> skipOf(Long caseId, Stage stage) {
        return skips.findByCaseIdOrderById(caseId).stream().filter(s -> s.getStage() == stage).findFirst();
    }

    /** Every draft version of the case, oldest first. */
    @Transactional(readOnly = true)
    public List<DraftVersion> drafts(Long caseId) {
        return drafts.findByCaseIdOrderByVersionNumber(caseId);
    }

    @Transactional(readOnly = true)
    public Optional<DraftVersion> currentDraft(Long caseId) {
        DecisionCase decisionCase = get(caseId);
        return drafts.findByCaseIdAndVersionNumber(caseId, decisionCase.getCurrentDraftVersion());
    }

    @Transactional(readOnly = true)
    public Optional<DraftVersion> draft(Long caseId, int versionNumber) {
        return drafts.findByCaseIdAndVersionNumber(caseId, versionNumber);
    }

    private static void requireReader(Actor actor) {
        if (!actor.isInAny(CASE_READERS)) {
            throw DomainException.forbidden("ROLE_REQUIRED", "您的岗位无权查阅决策事项案卷。");
        }
    }

    private static void requireGroup(Actor actor, String group, String message) {
        if (!actor.isIn(group)) {
            throw DomainException.forbidden("ROLE_REQUIRED", message);
        }
    }

    private static DomainException unknownCase(String number) {
        return DomainException.notFound("CASE_NOT_FOUND", "未找到编号为 " + number + " 的决策事项。");
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
