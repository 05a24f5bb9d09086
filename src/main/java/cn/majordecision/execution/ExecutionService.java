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
 * working-day calendar, progress and problem reports, and the head's suspension, the adjustment that opens a new case
 * and the termination, each with its reason and each in the audit log.
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
    private final Deadlines deadlines;
    private final ObjectMapper mapper;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int defaultIntervalMonths;

    ExecutionService(CaseService cases, DecisionExecutionRepository executions, ExecutionReportRepository reports,
            DecisionStatusChangeRepository statusChanges, Deadlines deadlines, ObjectMapper mapper,
            ApplicationEventPublisher events, Clock clock,
            @Value("${app.execution.report-interval-months:3}") int defaultIntervalMonths) {
        this.cases = cases;
        this.executions = executions;
        this.reports = reports;
        this.statusChanges = statusChanges;
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

    public record ReasonInput(String reason) {
    }

    /** A major adjustment: why, and the title of the new case (the original title if left empty). */
    public record AdjustmentInput(String reason, String title) {
    }

    /** One due date of a progress report. */
    public record DueReport(LocalDate dueOn, boolean provisional, boolean reported, boolean overdue) {
    }

    public record Report(Long id, String kind, String kindLabel, String text, String sha256, String filedBy,
            OffsetDateTime filedAt) {
    }

    /** The execution of one decision as officers see it. */
    public record ExecutionView(String caseNumber, LocalDate publishedOn, String executionUnit,
            Integer reportIntervalMonths, String status, String statusLabel, String statusReason,
            OffsetDateTime statusSince, String adjustedByCase, String adjustsCase, List<DueReport> schedule,
            int overdueReports, List<Report> reports) {
    }

    /** What the public decision page shows of the status. */
    public record PublicStatus(String status, String statusLabel, String reason, OffsetDateTime since,
            String adjustedByCase) {
    }

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

    @Transactional
    public ExecutionView suspend(String number, ReasonInput input, Actor head) {
        return changeStatus(number, input, head, DecisionStatus.SUSPENDED, Kind.EXECUTION_SUSPENDED);
    }

    @Transactional
    public ExecutionView lift(String number, ReasonInput input, Actor head) {
        return changeStatus(number, input, head, DecisionStatus.IN_FORCE, Kind.EXECUTION_RESUMED);
    }

    @Transactional
    public ExecutionView terminate(String number, ReasonInput input, Actor head) {
        return changeStatus(number, input, head, DecisionStatus.TERMINATED, Kind.DECISION_TERMINATED);
    }

    /** The head's decisions on a published decision's status (Art. 37), effective at once. */
    private ExecutionView changeStatus(String number, ReasonInput input, Actor head, DecisionStatus status, Kind kind) {
        String reason = reason(input);
        DecisionCase decisionCase = asHead(number, head);
        requirePublished(decisionCase);
        DecisionExecution execution = execution(decisionCase);
        change(execution, status, reason, head);
        executions.save(execution);
        events.publishEvent(new AfterDecisionEvent(decisionCase.getId(), kind, head.userId(), Map.of("reason", reason)));
        return view(decisionCase);
    }

    /** The decision's status now, and the change kept in its history. */
    private void change(DecisionExecution execution, DecisionStatus status, String reason, Actor actor) {
        Instant now = clock.instant();
        execution.change(status, reason, actor.userId(), now);
        statusChanges.save(new DecisionStatusChange(execution.getCaseId(), status, reason, actor.userId(), now));
    }

    /** Files a new case linked to this one; it runs the whole statutory procedure again (Art. 37). */
    @Transactional
    public ExecutionView adjust(String number, AdjustmentInput input, Actor officer) {
        String reason = reason(new ReasonInput(input.reason()));
        if (input.title() != null && input.title().strip().length() > 200) {
            throw DomainException.invalid(List.of(new FieldViolation("title", "TOO_LONG", "事项名称不能超过 200 字。")));
        }
        DecisionCase original = ownUnit(number, officer);
        requirePublished(original);
        DecisionExecution execution = execution(original);
        change(execution, DecisionStatus.ADJUSTED, reason, officer);
        String title = input.title() == null || input.title().isBlank() ? original.getTitle() + "（调整）"
                : input.title().strip();
        // the original may still hold its catalog item while it is archived, so the new case names its origin instead
        DecisionCase adjusted = cases.file(new FileCaseCommand(title, original.getCategory(),
                original.getProposerType(), null,
                "对已公布的 %s 号决策作重大调整（第三十七条），重新履行法定程序。".formatted(original.getNumber()),
                original.getUndertakingUnit(),
                original.getLeadUnit(), "对 %s 号决策作重大调整：%s".formatted(original.getNumber(), reason),
                original.getReasonsAndBasis(), original.getInitialPlan(), original.getNecessityAndFeasibility(),
                original.getFlags().asMap(), original.getSkipBases()), officer);
        execution.adjustedBy(adjusted.getNumber());
        executions.save(execution);
        events.publishEvent(new AfterDecisionEvent(original.getId(), Kind.DECISION_ADJUSTED, officer.userId(),
                Map.of("reason", reason, "newCase", adjusted.getNumber())));
        return view(original);
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

    /** The status the public page shows; in force until something else was recorded. */
    @Transactional(readOnly = true)
    public PublicStatus publicStatus(Long caseId) {
        return executions.findById(caseId)
                .map(e -> new PublicStatus(e.getStatus().name(), e.getStatus().label(),
                        e.getStatus() == DecisionStatus.IN_FORCE ? null : e.getStatusReason(),
                        e.getStatus() == DecisionStatus.IN_FORCE ? null : china(e.getStatusSince()),
                        e.getAdjustedByCase()))
                .orElse(new PublicStatus(DecisionStatus.IN_FORCE.name(), DecisionStatus.IN_FORCE.label(), null, null,
                        null));
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

    private static String reason(ReasonInput input) {
        String reason = input == null || input.reason() == null ? "" : input.reason().strip();
        if (reason.isEmpty()) {
            throw DomainException.invalid(List.of(new FieldViolation("reason", "REASON_REQUIRED", "请说明理由。")));
        }
        if (reason.length() > MAX_REASON) {
            throw DomainException.invalid(List.of(new FieldViolation("reason", "TOO_LONG",
                    "理由不能超过 %d 字。".formatted(MAX_REASON))));
        }
        return reason;
    }

    private DecisionExecution execution(DecisionCase decisionCase) {
        return executions.findById(decisionCase.getId()).orElseGet(() -> new DecisionExecution(decisionCase.getId()));
    }

    private ExecutionView view(DecisionCase decisionCase) {
        LocalDate publishedOn = publication(decisionCase).map(this::publishedOn).orElse(null);
        DecisionExecution execution = executions.findById(decisionCase.getId()).orElse(null);
        String adjusts = executions.findByAdjustedByCase(decisionCase.getNumber())
                .map(e -> cases.get(e.getCaseId()).getNumber()).orElse(null);
        List<ExecutionReport> filed = reports.findByCaseIdOrderById(decisionCase.getId());
        List<Report> reportViews = filed.stream().map(r -> new Report(r.getId(), r.getKind(),
                "PROBLEM".equals(r.getKind()) ? "执行中发现的问题" : "执行情况", r.getText(), r.getSha256(),
                r.getFiledBy(), china(r.getFiledAt()))).toList();
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
        return new ExecutionView(decisionCase.getNumber(), publishedOn,
                execution == null ? null : execution.getExecutionUnit(),
                execution == null ? null : execution.getIntervalMonths(), status.name(), status.label(),
                execution == null ? null : execution.getStatusReason(),
                execution == null ? null : china(execution.getStatusSince()),
                execution == null ? null : execution.getAdjustedByCase(), adjusts, schedule,
                (int) schedule.stream().filter(DueReport::overdue).count(), reportViews);
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
