package cn.majordecision.worklist;

import cn.majordecision.calendar.Deadlines;
import cn.majordecision.calendar.WorkingDayCalendar;
import cn.majordecision.cases.CaseAccess;
import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.cases.Stage;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** All open tasks with their statutory due dates, overdue first, for officers and auditors. */
@Service
@Transactional(readOnly = true)
public class DeadlineReportService {

    private static final Set<String> READERS = Set.of("officers", "auditors");
    /** A town or county has hundreds of open tasks at most; the report reads them all and filters here. */
    private static final int MAX_OPEN_TASKS = 10_000;

    private final TaskEngine engine;
    private final CaseService cases;
    private final CaseAccess access;
    private final Deadlines deadlines;
    private final Clock clock;
    private final List<WaitingWork.Source> waiting;

    DeadlineReportService(TaskEngine engine, CaseService cases, CaseAccess access, Deadlines deadlines, Clock clock,
            List<WaitingWork.Source> waiting) {
        this.engine = engine;
        this.waiting = waiting;
        this.cases = cases;
        this.access = access;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    public List<DeadlineEntry> report(Actor actor, Stage stage, String unit) {
        if (!actor.isInAny(READERS)) {
            throw DomainException.forbidden("ROLE_REQUIRED", "期限报表仅供承办科室和审计人员查阅。");
        }
        return entries(stage, unit).stream()
                .filter(entry -> access.mayRead(cases.get(entry.caseNumber()), actor))
                .toList();
    }

    /** Work owed outside the engine's tasks that the reader may see; none when the report is filtered by stage. */
    public List<WaitingItem> waiting(Actor actor, Stage stage, String unit) {
        if (!actor.isInAny(READERS)) {
            throw DomainException.forbidden("ROLE_REQUIRED", "期限报表仅供承办科室和审计人员查阅。");
        }
        if (stage != null) {
            return List.of();
        }
        return waiting.stream().flatMap(source -> source.waiting().stream())
                .map(work -> new WaitingItem(work, cases.get(work.caseId())))
                .filter(item -> unit == null || unit.isBlank() || unit.equals(item.decisionCase().getUndertakingUnit()))
                .filter(item -> access.mayRead(item.decisionCase(), actor))
                .toList();
    }

    /** One piece of waiting work with its case. */
    public record WaitingItem(WaitingWork work, DecisionCase decisionCase) {
    }

    /** Every open task with its deadline, overdue first; for the report and for reminders. */
    public List<DeadlineEntry> entries(Stage stage, String unit) {
        Instant now = clock.instant();
        LocalDate today = Deadlines.dayOf(now);
        Map<Long, DecisionCase> caseById = new HashMap<>();
        WorkingDayCalendar.Lookup days = deadlines.lookup();
        return engine.openTasks(MAX_OPEN_TASKS).stream()
                .map(task -> entry(task, caseById.computeIfAbsent(task.caseId(), cases::get), days, today, now))
                .filter(e -> stage == null || e.stage() == stage)
                .filter(e -> unit == null || unit.isBlank() || unit.equals(e.unit()))
                .sorted(Comparator.comparing((DeadlineEntry e) -> e.task().due(),
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    private DeadlineEntry entry(TaskSnapshot task, DecisionCase decisionCase, WorkingDayCalendar.Lookup days,
            LocalDate today, Instant now) {
        // a due instant is the end of the last day (midnight after it) in Asia/Shanghai
        Integer left = task.due() == null ? null : deadlines.workingDaysLeft(days, today, Deadlines.lastDayOf(task.due()));
        return new DeadlineEntry(task, decisionCase.getNumber(), decisionCase.getTitle(),
                decisionCase.getUndertakingUnit(), Stage.ofTask(task.processKey(), task.taskKey()), left,
                task.due() != null && now.isAfter(task.due()), deadlines.isProvisional(days, task.created(), task.due()));
    }
}
