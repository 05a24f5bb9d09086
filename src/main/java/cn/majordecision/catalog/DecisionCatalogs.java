package cn.majordecision.catalog;

import cn.majordecision.catalog.CatalogEvents.CatalogApproved;
import cn.majordecision.catalog.CatalogEvents.CatalogPublished;
import cn.majordecision.catalog.CatalogEvents.ChangeDecided;
import cn.majordecision.catalog.CatalogEvents.ChangeProposed;
import cn.majordecision.catalog.CatalogEvents.ItemDrafted;
import cn.majordecision.cases.CaseAccess;
import cn.majordecision.cases.CaseFlags;
import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.CaseStatus;
import cn.majordecision.cases.CaseViews.Coded;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.cases.Stage;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.FieldViolation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The decision catalog of each year (Art. 3): officers draft the items of their unit; the party committee approves the
 * catalog, which is then published; afterwards an item is added or changed only by a change request the party
 * committee approves. Each item shows the case filed against it and whether it is overdue.
 */
@Service
@Transactional
public class DecisionCatalogs {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Set<String> READERS = Set.of("officers", "heads", "party-committee", "meeting-secretaries",
            "legal-reviewers", "archivists", "auditors", "admins");
    private static final Set<String> PUBLISHERS = Set.of("officers", "meeting-secretaries");
    private static final Set<CaseStatus> DECIDED = Set.of(CaseStatus.REJECTED, CaseStatus.PARTY_DISAGREED,
            CaseStatus.CONGRESS_NOT_APPROVED, CaseStatus.ARCHIVED);

    private final DecisionCatalogRepository catalogs;
    private final CatalogItemRepository items;
    private final CatalogChangeRequestRepository changes;
    private final CaseService cases;
    private final CaseAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String government;

    DecisionCatalogs(DecisionCatalogRepository catalogs, CatalogItemRepository items,
            CatalogChangeRequestRepository changes, CaseService cases, CaseAccess access,
            ApplicationEventPublisher events, Clock clock, @Value("${app.government:银湖镇人民政府}") String government) {
        this.catalogs = catalogs;
        this.items = items;
        this.changes = changes;
        this.cases = cases;
        this.access = access;
        this.events = events;
        this.clock = clock;
        this.government = government;
    }

    /** One item as officers and oversight see it. */
    public record ItemView(String number, String title, String undertakingUnit, String legalBasis,
            CaseFlags procedures, List<String> steps, boolean hearing, LocalDate plannedCompletion, String caseNumber,
            Coded caseStatus, Coded caseStage, boolean overdue, String addedBy, Instant addedAt, String changedBy,
            Instant changedAt) {
    }

    /** A year's catalog with its items. */
    public record CatalogView(String government, int year, Coded status, String approvalMeeting, String approvedBy,
            Instant approvedAt, String publishedBy, Instant publishedAt, long pendingChangeRequests,
            List<ItemView> items) {
    }

    /** A change request as officers and the party committee see it. */
    public record ChangeRequestView(long id, Coded kind, String itemNumber, String title, String undertakingUnit,
            String legalBasis, CaseFlags procedures, LocalDate plannedCompletion, String reason, Coded status,
            String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt, String opinion) {
    }

    /** One item as the public sees it. */
    public record PublicItem(String number, String title, String undertakingUnit, String legalBasis,
            List<String> steps, boolean hearing, LocalDate plannedCompletion, String caseNumber, Coded caseStatus,
            boolean overdue) {
    }

    /** The published catalog, without login. */
    public record PublicCatalog(String government, int year, String approvalMeeting, LocalDate publishedOn,
            List<PublicItem> items) {
    }

    /** What an officer proposes: an addition (no item number) or a change of the item with that number. */
    public record ChangeProposal(ChangeKind kind, String itemNumber, ItemContent content, String reason) {
    }

    @Transactional(readOnly = true)
    public CatalogView view(int year, Actor reader) {
        requireAny(reader, READERS, "您的岗位无权查阅决策事项目录。");
        return view(existing(year), reader);
    }

    /** The year's catalog if one has been started: for reports, which show no catalog as none rather than an error. */
    @Transactional(readOnly = true)
    public Optional<CatalogView> find(int year, Actor reader) {
        requireAny(reader, READERS, "您的岗位无权查阅决策事项目录。");
        return catalogs.findByGovernmentAndYear(government, year).map(catalog -> view(catalog, reader));
    }

    /** Adds an item to the year's draft catalog, starting the draft when there is none yet. */
    public CatalogView addItem(int year, ItemContent content, Actor officer) {
        requireAny(officer, Set.of("officers"), "只有承办科室经办人可以编制决策事项目录。");
        validYear(year);
        requireOwnUnit(content.undertakingUnit(), officer, "undertakingUnit");
        checkPlannedDate(year, content);
        DecisionCatalog catalog = catalogs.findByGovernmentAndYear(government, year)
                .orElseGet(() -> catalogs.save(new DecisionCatalog(government, year, officer.userId(), clock.instant())));
        catalog.requireDraft();
        CatalogItem item = items.save(new CatalogItem(catalog.getId(), catalog.nextItemNumber(), content,
                officer.userId(), clock.instant()));
        events.publishEvent(new ItemDrafted(year, item.getNumber(), item.getTitle(), true, officer.userId()));
        return view(catalog, officer);
    }

    /** Changes an item of the draft catalog; an approved catalog refuses, naming its state. */
    public CatalogView changeItem(int year, String itemNumber, ItemContent content, Actor officer) {
        requireAny(officer, Set.of("officers"), "只有承办科室经办人可以编制决策事项目录。");
        DecisionCatalog catalog = existing(year);
        CatalogItem item = item(catalog, itemNumber);
        requireOwnUnit(item.getUndertakingUnit(), officer, "itemNumber");
        requireOwnUnit(content.undertakingUnit(), officer, "undertakingUnit");
        catalog.requireDraft();
        checkPlannedDate(year, content);
        item.change(content, officer.userId(), clock.instant());
        events.publishEvent(new ItemDrafted(year, item.getNumber(), item.getTitle(), false, officer.userId()));
        return view(catalog, officer);
    }

    /** The party committee approves the draft catalog (Art. 3: 经同级党委同意). */
    public CatalogView approve(int year, String meeting, Actor member) {
        requireAny(member, Set.of("party-committee"), "决策事项目录须经党委同意，只有镇党委可以审定。");
        DecisionCatalog catalog = existing(year);
        long count = items.countByCatalogId(catalog.getId());
        if (count == 0 && !catalog.isApproved()) {
            throw DomainException.conflict("CATALOG_EMPTY", "%d 年度决策事项目录还没有事项，不能审定。".formatted(year));
        }
        catalog.approve(meeting, member.userId(), clock.instant());
        events.publishEvent(new CatalogApproved(year, government, meeting, (int) count, member.userId()));
        return view(catalog, member);
    }

    /** Publishes the approved catalog: from now on it is on the public page and in the CSV. */
    public CatalogView publish(int year, Actor publisher) {
        requireAny(publisher, PUBLISHERS, "只有承办科室经办人或党政办可以公布决策事项目录。");
        DecisionCatalog catalog = existing(year);
        catalog.publish(publisher.userId(), clock.instant());
        events.publishEvent(new CatalogPublished(year, government, (int) items.countByCatalogId(catalog.getId()),
                publisher.userId()));
        return view(catalog, publisher);
    }

    /** An officer proposes to add or change an item of the approved catalog; nothing changes until it is approved. */
    public ChangeRequestView propose(int year, ChangeProposal proposal, Actor officer) {
        requireAny(officer, Set.of("officers"), "只有承办科室经办人可以提出目录调整申请。");
        DecisionCatalog catalog = existing(year);
        catalog.requireApproved();
        String itemNumber = null;
        if (proposal.kind() == ChangeKind.CHANGE) {
            if (proposal.itemNumber() == null || proposal.itemNumber().isBlank()) {
                throw DomainException.invalid(List.of(new FieldViolation("itemNumber", "REQUIRED", "调整事项须写明要调整的目录事项编号。")));
            }
            CatalogItem item = item(catalog, proposal.itemNumber().strip());
            requireOwnUnit(item.getUndertakingUnit(), officer, "itemNumber");
            itemNumber = item.getNumber();
        } else if (proposal.itemNumber() != null && !proposal.itemNumber().isBlank()) {
            throw DomainException.invalid(List.of(new FieldViolation("itemNumber", "NOT_FOR_ADDITION",
                    "增加事项不需要填写事项编号，编号在党委同意后由系统分配。")));
        }
        requireOwnUnit(proposal.content().undertakingUnit(), officer, "undertakingUnit");
        checkPlannedDate(year, proposal.content());
        CatalogChangeRequest request = changes.save(new CatalogChangeRequest(catalog.getId(), proposal.kind(),
                itemNumber, proposal.content(), proposal.reason(), officer.userId(), clock.instant()));
        events.publishEvent(new ChangeProposed(year, request.getId(), request.getKind(), itemNumber, request.getReason(),
                officer.userId()));
        return view(request);
    }

    @Transactional(readOnly = true)
    public List<ChangeRequestView> changeRequests(int year, Actor reader) {
        requireAny(reader, READERS, "您的岗位无权查阅决策事项目录。");
        return changes.findByCatalogIdOrderById(existing(year).getId()).stream().map(DecisionCatalogs::view).toList();
    }

    /** The party committee approves a change request, which then applies to the catalog, or rejects it with a reason. */
    public ChangeRequestView decide(int year, long requestId, boolean approved, String opinion, Actor member) {
        requireAny(member, Set.of("party-committee"), "目录调整须经党委同意，只有镇党委可以审定。");
        if (!approved && (opinion == null || opinion.isBlank())) {
            throw DomainException.invalid(List.of(new FieldViolation("opinion", "REQUIRED", "不同意调整的，请写明理由。")));
        }
        DecisionCatalog catalog = existing(year);
        CatalogChangeRequest request = changes.findByIdAndCatalogId(requestId, catalog.getId()).orElseThrow(
                () -> DomainException.notFound("CHANGE_REQUEST_NOT_FOUND", "%d 年度目录中没有编号为 %d 的调整申请。"
                        .formatted(year, requestId)));
        request.decide(approved, opinion, member.userId(), clock.instant());
        if (approved) {
            if (request.getKind() == ChangeKind.ADD) {
                CatalogItem item = items.save(new CatalogItem(catalog.getId(), catalog.nextItemNumber(),
                        request.content(), member.userId(), clock.instant()));
                request.assignItem(item.getNumber());
            } else {
                item(catalog, request.getItemNumber()).change(request.content(), member.userId(), clock.instant());
            }
        }
        events.publishEvent(new ChangeDecided(year, request.getId(), request.getKind(), request.getItemNumber(), approved,
                opinion, member.userId()));
        return view(request);
    }

    /** The published catalog for anybody: items lawfully not disclosed, and non-public cases, are left out. */
    @Transactional(readOnly = true)
    public PublicCatalog publicCatalog(int year) {
        DecisionCatalog catalog = catalogs.findByGovernmentAndYear(government, year)
                .filter(c -> c.getStatus() == CatalogStatus.PUBLISHED)
                .orElseThrow(() -> DomainException.notFound("CATALOG_NOT_PUBLISHED",
                        "%d 年度决策事项目录尚未公布。".formatted(year)));
        LocalDate today = today();
        List<PublicItem> shown = new ArrayList<>();
        for (CatalogItem item : items.findByCatalogIdOrderById(catalog.getId())) {
            if (item.getProcedures().nonPublic()) {
                continue;
            }
            DecisionCase latest = latestCase(item);
            boolean caseShown = latest != null && !latest.getFlags().nonPublic();
            shown.add(new PublicItem(item.getNumber(), item.getTitle(), item.getUndertakingUnit(), item.getLegalBasis(),
                    steps(item.getProcedures()), item.getProcedures().hearing(), item.getPlannedCompletion(),
                    caseShown ? latest.getNumber() : null, caseShown ? status(latest) : null,
                    overdue(item, latest, today)));
        }
        return new PublicCatalog(catalog.getGovernment(), year, catalog.getApprovalMeeting(),
                catalog.getPublishedAt().atZone(CHINA).toLocalDate(), shown);
    }

    /** The published catalog as CSV: UTF-8 with a byte order mark, so that Excel shows the Chinese right. */
    @Transactional(readOnly = true)
    public byte[] csv(int year) {
        PublicCatalog catalog = publicCatalog(year);
        StringBuilder out = new StringBuilder("\uFEFF");
        row(out, "事项编号", "事项名称", "承办单位", "法律政策依据", "需履行的法定程序", "是否听证", "计划完成时间",
                "决策事项编号", "办理状态", "是否逾期");
        for (PublicItem item : catalog.items()) {
            row(out, item.number(), item.title(), item.undertakingUnit(), item.legalBasis(),
                    String.join("、", item.steps()), item.hearing() ? "是" : "否", item.plannedCompletion().toString(),
                    item.caseNumber() == null ? "" : item.caseNumber(),
                    item.caseStatus() == null ? "未立项" : item.caseStatus().label(), item.overdue() ? "逾期" : "");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The statutory steps an item's procedures call for, in the order of the pipeline. */
    static List<String> steps(CaseFlags flags) {
        List<String> steps = new ArrayList<>();
        if (!flags.nonPublic()) {
            steps.add("公众参与");
        }
        if (flags.hearing()) {
            steps.add("听证");
        }
        if (flags.technical()) {
            steps.add("专家论证");
        }
        if (flags.stabilityRisk()) {
            steps.add(flags.priorRiskAssessment() ? "风险评估（已有有效评估）" : "风险评估");
        }
        steps.add(flags.exploratoryReform() ? "合法性审查（探索性改革事项）" : "合法性审查");
        if (flags.marketActivity()) {
            steps.add("公平竞争审查");
        }
        steps.add("集体讨论决定");
        if (flags.congressApproval()) {
            steps.add("提请人大审议");
        }
        return steps;
    }

    /**
     * Overdue: the planned completion date has passed and no case of the item has been decided, i.e. has passed the
     * collective meeting (Art. 30) or ended with a status only the meeting or a later stage gives.
     */
    static boolean overdue(CatalogItem item, DecisionCase latest, LocalDate today) {
        return today.isAfter(item.getPlannedCompletion()) && (latest == null || !decided(latest));
    }

    private static boolean decided(DecisionCase decisionCase) {
        if (decisionCase.getStatus() == CaseStatus.ACTIVE) {
            return Stage.COLLECTIVE_DISCUSSION.isBefore(decisionCase.getStage());
        }
        return DECIDED.contains(decisionCase.getStatus());
    }

    private CatalogView view(DecisionCatalog catalog, Actor reader) {
        LocalDate today = today();
        List<ItemView> views = new ArrayList<>();
        for (CatalogItem item : items.findByCatalogIdOrderById(catalog.getId())) {
            DecisionCase latest = latestCase(item);
            // a case lawfully not disclosed is shown only to those who may read it
            boolean caseShown = latest != null && (!latest.getFlags().nonPublic() || access.mayRead(latest, reader));
            views.add(new ItemView(item.getNumber(), item.getTitle(), item.getUndertakingUnit(), item.getLegalBasis(),
                    item.getProcedures(), steps(item.getProcedures()), item.getProcedures().hearing(),
                    item.getPlannedCompletion(), caseShown ? latest.getNumber() : null,
                    caseShown ? status(latest) : null,
                    caseShown ? new Coded(latest.getStage().name(), latest.getStage().label()) : null,
                    overdue(item, latest, today), item.getAddedBy(), item.getAddedAt(), item.getChangedBy(),
                    item.getChangedAt()));
        }
        long pending = changes.findByCatalogIdOrderById(catalog.getId()).stream()
                .filter(c -> c.getStatus() == ChangeStatus.PROPOSED).count();
        return new CatalogView(catalog.getGovernment(), catalog.getYear(),
                new Coded(catalog.getStatus().name(), catalog.getStatus().label()), catalog.getApprovalMeeting(),
                catalog.getApprovedBy(), catalog.getApprovedAt(), catalog.getPublishedBy(), catalog.getPublishedAt(),
                pending, views);
    }

    private static ChangeRequestView view(CatalogChangeRequest request) {
        ItemContent content = request.content();
        return new ChangeRequestView(request.getId(), new Coded(request.getKind().name(), request.getKind().label()),
                request.getItemNumber(), content.title(), content.undertakingUnit(), content.legalBasis(),
                content.procedures(), content.plannedCompletion(), request.getReason(),
                new Coded(request.getStatus().name(), request.getStatus().label()), request.getProposedBy(),
                request.getProposedAt(), request.getDecidedBy(), request.getDecidedAt(), request.getOpinion());
    }

    private static Coded status(DecisionCase decisionCase) {
        return new Coded(decisionCase.getStatus().name(), decisionCase.getStatus().label());
    }

    private DecisionCase latestCase(CatalogItem item) {
        List<DecisionCase> filed = cases.filedAgainst(item.getNumber());
        return filed.isEmpty() ? null : filed.get(0);
    }

    private DecisionCatalog existing(int year) {
        validYear(year);
        return catalogs.findByGovernmentAndYear(government, year).orElseThrow(() -> DomainException.notFound(
                "CATALOG_NOT_FOUND", "%d 年度决策事项目录尚未编制。".formatted(year)));
    }

    private CatalogItem item(DecisionCatalog catalog, String number) {
        return items.findByNumber(number).filter(i -> i.getCatalogId().equals(catalog.getId()))
                .orElseThrow(() -> DomainException.notFound("CATALOG_ITEM_NOT_FOUND",
                        "%d 年度决策事项目录中没有编号为 %s 的事项。".formatted(catalog.getYear(), number)));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    private static void validYear(int year) {
        if (year < 2000 || year > 2100) {
            throw DomainException.invalid(List.of(new FieldViolation("year", "INVALID_YEAR", "年度须在 2000 至 2100 之间。")));
        }
    }

    private static void checkPlannedDate(int year, ItemContent content) {
        if (content.plannedCompletion().getYear() < year) {
            throw DomainException.invalid(List.of(new FieldViolation("plannedCompletion", "BEFORE_CATALOG_YEAR",
                    "计划完成时间不能早于 %d 年 1 月 1 日。".formatted(year))));
        }
    }

    private static void requireOwnUnit(String unit, Actor officer, String field) {
        if (officer.unit() != null && !officer.unit().equals(unit)) {
            throw DomainException.invalid(List.of(new FieldViolation(field, "NOT_OWN_UNIT",
                    "目录事项的承办单位须为您所在的单位（" + officer.unit() + "）；其他单位的事项请由该单位经办人编制或申请调整。")));
        }
    }

    private static void requireAny(Actor actor, Set<String> groups, String message) {
        if (!actor.isInAny(groups)) {
            throw DomainException.forbidden("ROLE_REQUIRED", message);
        }
    }

    private static void row(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
    }

    /** RFC 4180 quoting; a cell that a spreadsheet would take for a formula is prefixed with an apostrophe. */
    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
