package cn.majordecision.execution;

import cn.majordecision.calendar.Deadlines;
import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.cases.FileCaseCommand;
import cn.majordecision.cases.StageRecord;
import cn.majordecision.execution.ExecutionEvents.AfterDecisionEvent;
import cn.majordecision.execution.ExecutionEvents.Kind;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.FieldViolation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The execution of a published decision (Arts. 34-35, 37): the execution unit and its report schedule on the
 * working-day calendar, progress and problem reports and the organ's answers, the head's emergency suspension and the
 * organ's decision on it, and the change of the decision through a linked case, each in the audit log.
 */
@Service
public class ExecutionService {

    static final String PUBLICATION_FORM = "publish-decision";
    private static final int MAX_REASON = 2000;
    private static final int MAX_TEXT = 20000;

    private final CaseService cases;
    private final DecisionExecutionRepository executions;
    private final ExecutionReportRepository reports;
    private final DecisionStatusChangeRepository statusChanges;
    private final DecisionAmendmentRepository amendments;
    private final Deadlines deadlines;
    private final ObjectMapper mapper;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int defaultIntervalMonths;

    ExecutionService(CaseService cases, DecisionExecutionRepository executions, ExecutionReportRepository reports,
            DecisionStatusChangeRepository statusChanges, DecisionAmendmentRepository amendments, Deadlines deadlines,
            ObjectMapper mapper,
            ApplicationEventPublisher events, Clock clock,
            @Value("${app.execution.report-interval-months:3}") int defaultIntervalMonths) {
        this.cases = cases;
        this.executions = executions;
        this.reports = reports;
        this.statusChanges = statusChanges;
        this.amendments = amendments;
        this.deadlines = deadlines;
        this.mapper = mapper;
        this.events = events;
        this.clock = clock;
        this.defaultIntervalMonths = defaultIntervalMonths;
    }

    /** Who executes the decision and every how many months it reports; empty interval means the default. */
    public record PlanInput(String executionUnit, Integer reportIntervalMonths) {
    }

    public record ReportInput(String kind, String text) {
    }

    /**
     * The head's emergency suspension (Art. 37): which situation of Art. 35 arose, why it cannot wait for the organ, and
     * the evaluation's proposal it takes up, if any.
     */
    public record SuspensionInput(String ground, String reason, Long proposalId) {
    }

    /** The decision organ's decision on a suspension, taken at a leadership meeting: CONFIRM or LIFT. */
    public record OrganDecisionInput(String decision, LocalDate meetingDate, String meetingType, String decidingRecord,
            String reason) {
    }

    /**
     * A change of the decision run through the procedure (Art. 37): ADJUST or TERMINATE, why, the title of the new case
     * (derived from the original when empty) and the evaluation's proposal it takes up, if any.
     */
    public record AmendmentInput(String kind, String reason, String title, Long proposalId) {
    }

    public record AnswerInput(String text) {
    }

    /** One due date of a progress report. */
    public record DueReport(LocalDate dueOn, boolean provisional, boolean reported, boolean overdue) {
    }

    public record Report(Long id, String kind, String kindLabel, String text, String sha256, String filedBy,
            OffsetDateTime filedAt, boolean awaitingAnswer, String answer, String answeredBy,
            OffsetDateTime answeredAt) {
    }

    /** One change of the decision's status, with who decided it and on which record. */
    public record StatusEvent(String event, String label, String status, String reason, String ground,
            String groundLabel, OffsetDateTime at, String decidedBy, LocalDate meetingDate, String meetingType,
            String decidingRecord, String linkedCase) {
    }

    /** A change of the decision proposed or under way (Art. 37). */
    public record Amendment(Long id, String kind, String kindLabel, String state, String stateLabel, String reason,
            Long evaluationId, String proposedBy, OffsetDateTime proposedAt, String newCase, OffsetDateTime filedAt,
            Long meetingRecordId, LocalDate meetingDate) {
    }

    /** The execution of one decision as officers see it. */
    public record ExecutionView(String caseNumber, LocalDate publishedOn, String executionUnit,
            Integer reportIntervalMonths, String status, String statusLabel, String statusReason,
            OffsetDateTime statusSince, boolean awaitingOrgan, String adjustedByCase, String adjustsCase,
            List<DueReport> schedule, int overdueReports, List<Report> reports, int unansweredProblems,
            List<StatusEvent> history, List<Amendment> amendments) {
    }

    /** What the public decision page shows of the status. */
    public record PublicStatus(String status, String statusLabel, String reason, OffsetDateTime since,
            String adjustedByCase, boolean awaitingOrgan, List<StatusEvent> history) {
    }

    /** The situations of Art. 35 that allow the head to suspend execution when the matter is urgent (Art. 37). */
    static final Map<String, String> GROUNDS = Map.of(
            "PROBLEM_FOUND", "决策存在问题",
            "CIRCUMSTANCES_CHANGED", "客观情况发生重大变化",
            "FORCE_MAJEURE", "执行中发生不可抗力等严重影响决策目标实现的情形");
    static final Map<String, String> MEETING_TYPES = Map.of("executive", "常务会议", "plenary", "全体会议");
    static final String AWAITING_ORGAN_LABEL = "暂停执行（待决策机关决定）";

    @Transactional
    public ExecutionView plan(String number, PlanInput input, Actor officer) {
        List<FieldViolation> violations = new ArrayList<>();
        String unit = input.executionUnit() == null ? "" : input.executionUnit().strip();
        if (unit.isEmpty()) {
            violations.add(new FieldViolation("executionUnit", "REQUIRED", "请填写决策执行单位。"));
        } else if (unit.length() > 100) {
            violations.add(new FieldViolation("executionUnit", "TOO_LONG", "执行单位名称不能超过 100 字。"));
        }
        int months = input.reportIntervalMonths() == null ? defaultIntervalMonths : input.reportIntervalMonths();
        if (months < 1 || months > 12) {
            violations.add(new FieldViolation("reportIntervalMonths", "OUT_OF_RANGE", "报告周期须为 1 至 12 个月。"));
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        DecisionCase decisionCase = ownUnit(number, officer);
        requirePublished(decisionCase);
        DecisionExecution execution = execution(decisionCase);
        requireNotClosed(execution);
        execution.plan(unit, months, officer.userId(), clock.instant());
        executions.save(execution);
        events.publishEvent(new AfterDecisionEvent(decisionCase.getId(), Kind.EXECUTION_PLANNED, officer.userId(),
                Map.of("executionUnit", unit, "reportIntervalMonths", months)));
        return view(decisionCase);
    }

    @Transactional(readOnly = true)
    public ExecutionView view(String number, Actor reader) {
        DecisionCase decisionCase = readable(number, reader);
        return view(decisionCase);
    }

    @Transactional
    public ExecutionView report(String number, ReportInput input, Actor officer) {
        List<FieldViolation> violations = new ArrayList<>();
        if (input.kind() == null || !List.of("PROGRESS", "PROBLEM").contains(input.kind())) {
            violations.add(new FieldViolation("kind", "KIND_REQUIRED", "请选择报告类型：PROGRESS 执行情况、PROBLEM 执行中发现的问题。"));
        }
        String text = input.text() == null ? "" : input.text().strip();
        if (text.isEmpty()) {
            violations.add(new FieldViolation("text", "REQUIRED", "请填写报告内容。"));
        } else if (text.length() > MAX_TEXT) {
            violations.add(new FieldViolation("text", "TOO_LONG", "报告内容不能超过 %d 字。".formatted(MAX_TEXT)));
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        DecisionCase decisionCase = cases.get(number);
        DecisionExecution execution = executions.findById(decisionCase.getId()).orElse(null);
        boolean executionUnit = execution != null && officer.unit() != null
                && officer.unit().equals(execution.getExecutionUnit()) && officer.isIn("officers");
        if (!executionUnit) {
            decisionCase = ownUnit(number, officer);
        }
        requirePublished(decisionCase);
        if (execution == null || execution.getExecutionUnit() == null) {
            throw DomainException.conflict("EXECUTION_NOT_PLANNED", "尚未确定决策执行单位，请先确定执行单位和报告周期。");
        }
        requireNotClosed(execution);
        ExecutionReport report = reports.save(new ExecutionReport(decisionCase.getId(), input.kind(), text, sha256(text),
                officer.userId(), clock.instant()));
        events.publishEvent(new AfterDecisionEvent(decisionCase.getId(), Kind.EXECUTION_REPORTED, officer.userId(),
                Map.of("reportId", report.getId(), "kind", report.getKind(), "textSha256", report.getSha256())));
        return view(decisionCase);
    }

    /**
     * The head suspends execution in an emergency (Art. 37): in effect at once, and pending the decision organ's
     * decision, which the meeting secretary records ({@link #organDecision}).
     */
    @Transactional
    public ExecutionView suspend(String number, SuspensionInput input, Actor head) {
        List<FieldViolation> violations = new ArrayList<>();
        if (input.ground() == null || !GROUNDS.containsKey(input.ground())) {
            violations.add(new FieldViolation("ground", "GROUND_REQUIRED",
                    "请选择第三十五条规定的情形：PROBLEM_FOUND 决策存在问题、CIRCUMSTANCES_CHANGED 客观情况发生重大变化、FORCE_MAJEURE 发生不可抗力等严重影响决策目标实现。"));
        }
        String reason = reasonOrViolation(input.reason(), "reason", "请说明情况紧急、须先行暂停执行的理由（第三十七条）。",
                violations);
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        DecisionCase decisionCase = asHead(number, head);
        requirePublished(decisionCase);
        DecisionAmendment proposal = input.proposalId() == null ? null
                : proposal(decisionCase, input.proposalId(), DecisionAmendment.Kind.SUSPEND);
        DecisionExecution execution = execution(decisionCase);
        Instant now = clock.instant();
        execution.suspendPendingOrgan(reason, head.userId(), now);
        executions.save(execution);
        statusChanges.save(new DecisionStatusChange(execution.getCaseId(), DecisionStatus.SUSPENDED, reason,
                head.userId(), now).as(DecisionStatusChange.StatusEvent.SUSPENDED, input.ground()));
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("ground", input.ground());
        details.put("reason", reason);
        details.put("awaitingOrgan", true);
        if (proposal != null) {
            proposal.takenUp(now);
            amendments.save(proposal);
            details.put("proposalId", proposal.getId());
        }
        events.publishEvent(new AfterDecisionEvent(decisionCase.getId(), Kind.EXECUTION_SUSPENDED, head.userId(),
                details));
        return view(decisionCase);
    }

    /**
     * The decision organ's decision on a suspension, recorded by the meeting secretary from the meeting's record: it
     * keeps the suspension (CONFIRM, once, while it awaits the organ) or lifts it (LIFT). The head alone cannot lift a
     * suspension: Art. 37 lets the head act first only to stop, the organ decides.
     */
    @Transactional
    public ExecutionView organDecision(String number, OrganDecisionInput input, Actor secretary) {
        if (!secretary.isIn("meeting-secretaries")) {
            throw DomainException.forbidden("ROLE_REQUIRED", "决策机关的决定由党政办根据会议记录登记。");
        }
        List<FieldViolation> violations = new ArrayList<>();
        if (input.decision() == null || !List.of("CONFIRM", "LIFT").contains(input.decision())) {
            violations.add(new FieldViolation("decision", "DECISION_REQUIRED",
                    "请选择决策机关的决定：CONFIRM 维持暂停执行、LIFT 恢复执行。"));
        }
        LocalDate today = Deadlines.dayOf(clock.instant());
        if (input.meetingDate() == null) {
            violations.add(new FieldViolation("meetingDate", "REQUIRED", "请填写作出决定的会议日期。"));
        } else if (input.meetingDate().isAfter(today)) {
            violations.add(new FieldViolation("meetingDate", "MEETING_DATE_IN_FUTURE",
                    "会议日期 %s 晚于今天（%s）：会议召开后才能登记会议决定。".formatted(input.meetingDate(), today)));
        }
        if (input.meetingType() == null || !MEETING_TYPES.containsKey(input.meetingType())) {
            violations.add(new FieldViolation("meetingType", "MEETING_TYPE_REQUIRED",
                    "请选择会议类型：executive 常务会议、plenary 全体会议。"));
        }
        String record = input.decidingRecord() == null ? "" : input.decidingRecord().strip();
        if (record.isEmpty()) {
            violations.add(new FieldViolation("decidingRecord", "REQUIRED", "请填写载明该决定的会议纪要或会议记录编号。"));
        } else if (record.length() > 200) {
            violations.add(new FieldViolation("decidingRecord", "TOO_LONG", "会议纪要编号不能超过 200 字。"));
        }
        String reason = reasonOrViolation(input.reason(), "reason", "请填写决策机关决定的理由。", violations);
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        DecisionCase decisionCase = cases.read(number, secretary);
        requirePublished(decisionCase);
        DecisionExecution execution = execution(decisionCase);
        if (execution.getStatus() == DecisionStatus.SUSPENDED && execution.getStatusSince() != null
                && input.meetingDate().isBefore(Deadlines.dayOf(execution.getStatusSince()))) {
            throw DomainException.invalid(List.of(new FieldViolation("meetingDate", "MEETING_BEFORE_SUSPENSION",
                    "会议日期 %s 早于行政首长决定暂停执行的日期 %s，请核对会议日期。".formatted(input.meetingDate(),
                            Deadlines.dayOf(execution.getStatusSince())))));
        }
        Instant now = clock.instant();
        boolean lift = "LIFT".equals(input.decision());
        DecisionStatusChange.StatusEvent event;
        if (lift) {
            execution.change(DecisionStatus.IN_FORCE, reason, secretary.userId(), now);
            event = DecisionStatusChange.StatusEvent.SUSPENSION_LIFTED;
        } else {
            execution.organConfirmed();
            event = DecisionStatusChange.StatusEvent.SUSPENSION_CONFIRMED;
        }
        executions.save(execution);
        statusChanges.save(new DecisionStatusChange(execution.getCaseId(),
                lift ? DecisionStatus.IN_FORCE : DecisionStatus.SUSPENDED, reason, secretary.userId(), now)
                .as(event, null).decidedAt(input.meetingDate(), input.meetingType(), record, null));
        events.publishEvent(new AfterDecisionEvent(decisionCase.getId(),
                lift ? Kind.EXECUTION_RESUMED : Kind.SUSPENSION_CONFIRMED, secretary.userId(),
                Map.of("decision", input.decision(), "meetingDate", input.meetingDate().toString(), "meetingType",
                        input.meetingType(), "decidingRecord", record, "reason", reason)));
        return view(decisionCase);
    }

    /**
     * The ways around the procedure that Art. 37 closes: the head lifting a suspension alone, terminating alone, or an
     * adjustment that changes the decision before any new decision exists.
     */
    public static DomainException bypassRefused(String what) {
        return switch (what) {
            case "lifting" -> DomainException.conflict("LIFTING_BY_THE_ORGAN",
                    "暂停执行后由决策机关决定是否恢复执行（第三十七条），行政首长不能单独恢复：请党政办根据会议记录登记决策机关的决定"
                            + "（POST /api/cases/{number}/suspension/organ-decision，decision=LIFT）。");
            default -> DomainException.conflict("CHANGE_BY_PROCEDURE",
                    "依法作出的重大行政决策，未经法定程序不得变更或者停止执行（第三十七条）：请由承办单位经办人提出变更决策"
                            + "（POST /api/cases/{number}/amendments，kind=ADJUST 或 TERMINATE），新事项经集体讨论决定后，原决策才变更状态；"
                            + "情况紧急的，行政首长可以先决定暂停执行。");
        };
    }

    /**
     * Starts the procedure to adjust or terminate a decision (Art. 37): a new case, linked to this one, runs the whole
     * statutory procedure; the original stays as it is (in force or suspended) until that case's meeting approves.
     */
    @Transactional
    public ExecutionView amend(String number, AmendmentInput input, Actor officer) {
        List<FieldViolation> violations = new ArrayList<>();
        if (input.kind() == null || !List.of("ADJUST", "TERMINATE").contains(input.kind())) {
            violations.add(new FieldViolation("kind", "KIND_REQUIRED", "请选择变更方式：ADJUST 重大调整、TERMINATE 停止执行。"));
        }
        String reason = reasonOrViolation(input.reason(), "reason", "请说明变更决策的理由。", violations);
        if (input.title() != null && input.title().strip().length() > 200) {
            violations.add(new FieldViolation("title", "TOO_LONG", "事项名称不能超过 200 字。"));
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        DecisionAmendment.Kind kind = DecisionAmendment.Kind.valueOf(input.kind());
        DecisionCase original = ownUnit(number, officer);
        requirePublished(original);
        DecisionExecution execution = execution(original);
        requireNotClosed(execution);
        amendments.findByCaseIdAndState(original.getId(), DecisionAmendment.State.UNDER_PROCEDURE).stream().findFirst()
                .ifPresent(open -> {
                    throw DomainException.conflict("AMENDMENT_UNDER_PROCEDURE",
                            "该决策的变更（%s）正由 %s 号事项履行法定程序，请待其办结后再提出新的变更。"
                                    .formatted(open.getKind().label(), open.getNewCaseNumber()));
                });
        Instant now = clock.instant();
        DecisionAmendment amendment = input.proposalId() == null
                ? new DecisionAmendment(original.getId(), kind, reason, null, officer.userId(), now)
                : proposal(original, input.proposalId(), kind);
        String verb = kind == DecisionAmendment.Kind.ADJUST ? "作重大调整" : "停止执行";
        String title = input.title() == null || input.title().isBlank()
                ? original.getTitle() + (kind == DecisionAmendment.Kind.ADJUST ? "（调整）" : "（停止执行）")
                : input.title().strip();
        // the original may still hold its catalog item while it is archived, so the new case names its origin instead
        DecisionCase linked = cases.file(new FileCaseCommand(title, original.getCategory(),
                original.getProposerType(), null,
                "对已公布的 %s 号决策%s（第三十七条），重新履行法定程序。".formatted(original.getNumber(), verb),
                original.getUndertakingUnit(),
                original.getLeadUnit(), "对 %s 号决策%s：%s".formatted(original.getNumber(), verb, reason),
                original.getReasonsAndBasis(), original.getInitialPlan(), original.getNecessityAndFeasibility(),
                original.getFlags().asMap(), original.getSkipBases()), officer);
        amendment.filed(linked.getId(), linked.getNumber(), officer.userId(), now);
        amendments.save(amendment);
        events.publishEvent(new AfterDecisionEvent(original.getId(), Kind.AMENDMENT_FILED, officer.userId(),
                Map.of("amendmentId", amendment.getId(), "kind", kind.name(), "reason", reason, "newCase",
                        linked.getNumber())));
        return view(original);
    }

    /** The linked case's meeting approved the change: only now does the original decision change (Art. 37). */
    void amendmentDecided(DecisionAmendment amendment, StageRecord meeting, LocalDate meetingDate, String meetingType,
            String decidedBy) {
        DecisionCase original = cases.get(amendment.getCaseId());
        DecisionExecution execution = execution(original);
        boolean adjust = amendment.getKind() == DecisionAmendment.Kind.ADJUST;
        DecisionStatus status = adjust ? DecisionStatus.ADJUSTED : DecisionStatus.TERMINATED;
        Instant now = clock.instant();
        String record = "%s 号事项集体讨论决定记录（第 %d 号记录）".formatted(amendment.getNewCaseNumber(), meeting.getId());
        execution.change(status, amendment.getReason(), decidedBy, now);
        if (adjust) {
            execution.adjustedBy(amendment.getNewCaseNumber());
        }
        executions.save(execution);
        statusChanges.save(new DecisionStatusChange(execution.getCaseId(), status, amendment.getReason(), decidedBy, now)
                .as(adjust ? DecisionStatusChange.StatusEvent.ADJUSTED : DecisionStatusChange.StatusEvent.TERMINATED, null)
                .decidedAt(meetingDate, meetingType, record, amendment.getNewCaseNumber()));
        amendment.decided(meeting.getId(), meetingDate, now);
        amendments.save(amendment);
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("amendmentId", amendment.getId());
        details.put("reason", amendment.getReason());
        details.put("newCase", amendment.getNewCaseNumber());
        details.put("meetingRecordId", meeting.getId());
        details.put("meetingDate", String.valueOf(meetingDate));
        events.publishEvent(new AfterDecisionEvent(original.getId(),
                adjust ? Kind.DECISION_ADJUSTED : Kind.DECISION_TERMINATED, decidedBy, details));
    }

    /** The linked case ended without approval: the original decision stays as it is. */
    void amendmentNotAdopted(DecisionAmendment amendment, String outcome) {
        amendment.notAdopted(clock.instant());
        amendments.save(amendment);
        events.publishEvent(new AfterDecisionEvent(amendment.getCaseId(), Kind.AMENDMENT_NOT_ADOPTED, "system",
                Map.of("amendmentId", amendment.getId(), "newCase", amendment.getNewCaseNumber(), "outcome", outcome)));
    }

    /** An evaluation recommends a change: recorded as a proposal for the head, which starts the Art. 37 path. */
    DecisionAmendment propose(Long caseId, DecisionAmendment.Kind kind, String reason, Long evaluationId, String by) {
        DecisionAmendment proposal = amendments.save(new DecisionAmendment(caseId, kind, reason, evaluationId, by,
                clock.instant()));
        events.publishEvent(new AfterDecisionEvent(caseId, Kind.AMENDMENT_PROPOSED, by,
                Map.of("amendmentId", proposal.getId(), "kind", kind.name(), "evaluationId", evaluationId)));
        return proposal;
    }

    /** The proposal an evaluation made, if it made one. */
    Long proposalOf(Long caseId, Long evaluationId) {
        return amendments.findByCaseIdOrderById(caseId).stream()
                .filter(a -> evaluationId.equals(a.getEvaluationId())).map(DecisionAmendment::getId).findFirst()
                .orElse(null);
    }

    /** Whether this decision has the execution report. */
    boolean hasReport(Long caseId, Long reportId) {
        return reportId != null && reports.findById(reportId).filter(r -> r.getCaseId().equals(caseId)).isPresent();
    }

    private DecisionAmendment proposal(DecisionCase decisionCase, Long id, DecisionAmendment.Kind kind) {
        DecisionAmendment proposal = amendments.findById(id).filter(a -> a.getCaseId().equals(decisionCase.getId()))
                .orElseThrow(() -> DomainException.invalid(List.of(new FieldViolation("proposalId",
                        "PROPOSAL_NOT_FOUND", "本决策没有编号为 %d 的变更建议。".formatted(id)))));
        if (proposal.getState() != DecisionAmendment.State.PROPOSED || proposal.getKind() != kind) {
            throw DomainException.invalid(List.of(new FieldViolation("proposalId", "PROPOSAL_NOT_OPEN",
                    "第 %d 号变更建议为“%s”，当前状态“%s”，不能据此%s。".formatted(id, proposal.getKind().label(),
                            proposal.getState().label(), kind.label()))));
        }
        return proposal;
    }

    /** The decision organ answers a problem report of the execution unit (Art. 35); once. */
    @Transactional
    public ExecutionView answer(String number, Long reportId, AnswerInput input, Actor head) {
        if (!head.isIn("heads")) {
            throw DomainException.forbidden("ROLE_REQUIRED", "执行中发现的问题由决策机关行政首长答复。");
        }
        String text = input == null || input.text() == null ? "" : input.text().strip();
        if (text.isEmpty()) {
            throw DomainException.invalid(List.of(new FieldViolation("text", "REQUIRED", "请填写答复内容。")));
        }
        if (text.length() > MAX_TEXT) {
            throw DomainException.invalid(List.of(new FieldViolation("text", "TOO_LONG",
                    "答复内容不能超过 %d 字。".formatted(MAX_TEXT))));
        }
        DecisionCase decisionCase = cases.read(number, head);
        ExecutionReport report = reports.findById(reportId).filter(r -> r.getCaseId().equals(decisionCase.getId()))
                .orElseThrow(() -> DomainException.notFound("REPORT_NOT_FOUND",
                        "本事项没有编号为 %d 的执行报告。".formatted(reportId)));
        report.answer(text, head.userId(), clock.instant());
        reports.save(report);
        events.publishEvent(new AfterDecisionEvent(decisionCase.getId(), Kind.PROBLEM_ANSWERED, head.userId(),
                Map.of("reportId", report.getId(), "answerSha256", sha256(text))));
        return view(decisionCase);
    }

    /** Problem reports no one has answered yet, oldest first, for the deadline report. */
    @Transactional(readOnly = true)
    public List<OpenProblem> unansweredProblems() {
        return reports.findByKindAndAnsweredAtIsNullOrderById("PROBLEM").stream()
                .map(r -> new OpenProblem(r.getId(), r.getCaseId(), r.getFiledAt())).toList();
    }

    /** A problem report awaiting the organ's answer. */
    public record OpenProblem(Long reportId, Long caseId, Instant filedAt) {
    }

    /** When the next progress report falls due: the end of its due day, Beijing time; empty without a schedule. */
    @Transactional(readOnly = true)
    public Optional<Instant> nextReportDue(Long caseId) {
        return nextDue(view(cases.get(caseId)));
    }

    /**
     * A report's due date has passed (the execution process's timer): a period without a progress report is recorded
     * as missed, once, by the system; the answer is when the next report falls due.
     */
    @Transactional
    public Optional<Instant> reportDatePassed(Long caseId) {
        DecisionCase decisionCase = cases.get(caseId);
        ExecutionView view = view(decisionCase);
        LocalDate today = Deadlines.dayOf(clock.instant());
        view.schedule().stream().filter(due -> due.dueOn().isBefore(today)).reduce((first, second) -> second)
                .filter(due -> !due.reported())
                .ifPresent(due -> events.publishEvent(new AfterDecisionEvent(caseId, Kind.EXECUTION_REPORT_MISSED,
                        "system", Map.of("dueOn", due.dueOn().toString(), "executionUnit",
                                Objects.toString(view.executionUnit(), "")))));
        return nextDue(view);
    }

    private Optional<Instant> nextDue(ExecutionView view) {
        LocalDate today = Deadlines.dayOf(clock.instant());
        return view.schedule().stream().filter(due -> !due.dueOn().isBefore(today)).findFirst()
                .map(due -> Deadlines.endOf(due.dueOn()));
    }

    /** The status the public page shows, and every change with its date and deciding record. */
    @Transactional(readOnly = true)
    public PublicStatus publicStatus(Long caseId) {
        List<StatusEvent> history = history(caseId);
        return executions.findById(caseId)
                .map(e -> new PublicStatus(e.getStatus().name(), statusLabel(e),
                        e.getStatus() == DecisionStatus.IN_FORCE ? null : e.getStatusReason(),
                        e.getStatus() == DecisionStatus.IN_FORCE ? null : china(e.getStatusSince()),
                        e.getAdjustedByCase(), e.isAwaitingOrgan(), history))
                .orElse(new PublicStatus(DecisionStatus.IN_FORCE.name(), DecisionStatus.IN_FORCE.label(), null, null,
                        null, false, history));
    }

    private static String statusLabel(DecisionExecution execution) {
        return execution.isAwaitingOrgan() ? AWAITING_ORGAN_LABEL : execution.getStatus().label();
    }

    private List<StatusEvent> history(Long caseId) {
        return statusChanges.findByCaseIdOrderById(caseId).stream().map(c -> {
            DecisionStatusChange.StatusEvent event = c.getEvent();
            return new StatusEvent(event.name(), event.label(), c.getStatus().name(), c.getReason(), c.getGround(),
                    c.getGround() == null ? null : GROUNDS.get(c.getGround()), china(c.getChangedAt()),
                    event.byOrgan() ? "决策机关集体讨论决定" : "行政首长", c.getMeetingDate(),
                    c.getMeetingType() == null ? null : MEETING_TYPES.get(c.getMeetingType()), c.getDecidingRecord(),
                    c.getLinkedCase());
        }).toList();
    }

    // --- shared with the other services of this module

    DecisionCase readable(String number, Actor reader) {
        return cases.read(number, reader);
    }

    DecisionCase ownUnit(String number, Actor officer) {
        DecisionCase decisionCase = cases.read(number, officer);
        if (officer.unit() != null && !officer.unit().equals(decisionCase.getUndertakingUnit())) {
            throw DomainException.forbidden("UNIT_NOT_YOURS", "该事项由" + decisionCase.getUndertakingUnit()
                    + "承办，您所在单位只能查阅，不能办理。");
        }
        return decisionCase;
    }

    DecisionCase asHead(String number, Actor head) {
        if (!head.isIn("heads")) {
            throw DomainException.forbidden("ROLE_REQUIRED", "只有行政首长可以暂停、恢复或终止决策执行。");
        }
        return cases.read(number, head);
    }

    Optional<StageRecord> publication(DecisionCase decisionCase) {
        return cases.latestRecord(decisionCase.getId(), PUBLICATION_FORM);
    }

    void requirePublished(DecisionCase decisionCase) {
        if (publication(decisionCase).isEmpty()) {
            throw DomainException.conflict("DECISION_NOT_PUBLISHED",
                    "该事项尚未公布决策（当前阶段：%s，状态：%s），决策公布后才能安排执行、评估、暂停、调整或终止。"
                            .formatted(decisionCase.getStage().label(), decisionCase.getStatus().label()));
        }
    }

    static DomainException wrongStatus(DecisionStatus current, DecisionStatus wanted) {
        return DomainException.conflict("DECISION_STATUS_CONFLICT", "该决策当前为“%s”，不能变更为“%s”。"
                .formatted(current.label(), wanted.label()));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static OffsetDateTime china(Instant instant) {
        return instant == null ? null : instant.atZone(Deadlines.CHINA).toOffsetDateTime();
    }

    private static void requireNotClosed(DecisionExecution execution) {
        if (execution.getStatus() == DecisionStatus.TERMINATED || execution.getStatus() == DecisionStatus.ADJUSTED) {
            throw DomainException.conflict("DECISION_CLOSED", "该决策已%s，不再安排执行或接收执行报告。"
                    .formatted(execution.getStatus().label().replace("已", "")));
        }
    }

    private static String reasonOrViolation(String given, String field, String message, List<FieldViolation> violations) {
        String reason = given == null ? "" : given.strip();
        if (reason.isEmpty()) {
            violations.add(new FieldViolation(field, "REASON_REQUIRED", message));
        } else if (reason.length() > MAX_REASON) {
            violations.add(new FieldViolation(field, "TOO_LONG", "理由不能超过 %d 字。".formatted(MAX_REASON)));
        }
        return reason;
    }

    private DecisionExecution execution(DecisionCase decisionCase) {
        return executions.findById(decisionCase.getId()).orElseGet(() -> new DecisionExecution(decisionCase.getId()));
    }

    private ExecutionView view(DecisionCase decisionCase) {
        LocalDate publishedOn = publication(decisionCase).map(this::publishedOn).orElse(null);
        DecisionExecution execution = executions.findById(decisionCase.getId()).orElse(null);
        String adjusts = amendments.findByNewCaseNumber(decisionCase.getNumber())
                .map(a -> cases.get(a.getCaseId()).getNumber()).orElse(null);
        List<ExecutionReport> filed = reports.findByCaseIdOrderById(decisionCase.getId());
        List<Report> reportViews = filed.stream().map(r -> new Report(r.getId(), r.getKind(),
                "PROBLEM".equals(r.getKind()) ? "执行中发现的问题" : "执行情况", r.getText(), r.getSha256(),
                r.getFiledBy(), china(r.getFiledAt()), r.awaitsAnswer(), r.getAnswer(), r.getAnsweredBy(),
                china(r.getAnsweredAt()))).toList();
        List<DueReport> schedule = new ArrayList<>();
        if (execution != null && execution.getIntervalMonths() != null && publishedOn != null) {
            LocalDate today = Deadlines.dayOf(clock.instant());
            List<ReportSchedule.Due> due = ReportSchedule.dueDates(deadlines.lookup(), publishedOn,
                    execution.getIntervalMonths(), today, 200);
            LocalDate previous = publishedOn;
            for (ReportSchedule.Due next : due) {
                LocalDate dueOn = next.day();
                LocalDate from = previous;
                boolean reported = filed.stream().filter(r -> "PROGRESS".equals(r.getKind())).anyMatch(r -> {
                    LocalDate day = Deadlines.dayOf(r.getFiledAt());
                    return day.isAfter(from) && !day.isAfter(dueOn) || (from.equals(publishedOn) && day.equals(from));
                });
                schedule.add(new DueReport(dueOn, next.provisional(), reported, !reported && today.isAfter(dueOn)));
                previous = dueOn;
            }
        }
        DecisionStatus status = execution == null ? DecisionStatus.IN_FORCE : execution.getStatus();
        List<Amendment> changes = amendments.findByCaseIdOrderById(decisionCase.getId()).stream()
                .map(a -> new Amendment(a.getId(), a.getKind().name(), a.getKind().label(), a.getState().name(),
                        a.getState().label(), a.getReason(), a.getEvaluationId(), a.getProposedBy(),
                        china(a.getProposedAt()), a.getNewCaseNumber(), china(a.getFiledAt()), a.getMeetingRecordId(),
                        a.getMeetingDate()))
                .toList();
        return new ExecutionView(decisionCase.getNumber(), publishedOn,
                execution == null ? null : execution.getExecutionUnit(),
                execution == null ? null : execution.getIntervalMonths(), status.name(),
                execution == null ? status.label() : statusLabel(execution),
                execution == null ? null : execution.getStatusReason(),
                execution == null ? null : china(execution.getStatusSince()),
                execution != null && execution.isAwaitingOrgan(),
                execution == null ? null : execution.getAdjustedByCase(), adjusts, schedule,
                (int) schedule.stream().filter(DueReport::overdue).count(), reportViews,
                (int) reportViews.stream().filter(Report::awaitingAnswer).count(), history(decisionCase.getId()),
                changes);
    }

    private LocalDate publishedOn(StageRecord record) {
        try {
            JsonNode data = mapper.readTree(record.getPayload());
            String text = data.path("publishedOn").asText("");
            return text.length() >= 10 ? LocalDate.parse(text.substring(0, 10)) : Deadlines.dayOf(record.getCompletedAt());
        } catch (Exception e) {
            return Deadlines.dayOf(record.getCompletedAt());
        }
    }
}
