package cn.majordecision.notifications;

import cn.majordecision.calendar.Deadlines;
import cn.majordecision.calendar.DueText;
import cn.majordecision.calendar.TaskDueDateMoved;
import cn.majordecision.calendar.WorkingDayCalendar;
import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.cases.Stage;
import cn.majordecision.execution.ExecutionEvents;
import cn.majordecision.execution.ExecutionEvents.AfterDecisionEvent;
import cn.majordecision.identity.UserDirectory;
import cn.majordecision.notifications.Notification.Kind;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.worklist.DeadlineEntry;
import cn.majordecision.worklist.DeadlineReportService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds whoever holds a task (its assignee, else its groups) when it is a few working days from due, and tells the
 * supervisors of the step when it is overdue. Each notice is stored once per task, kind and person, so running the
 * watch again, or on a second node, sends nothing twice. With an SMTP server configured each notice is also mailed.
 */
@Service
@Transactional
public class NotificationService {

    private static final String ADMINS = "admins";
    private static final String PROVISIONAL = "（暂定：尚未录入该年节假日安排，录入后可能调整）";

    private final NotificationRepository notifications;
    private final DeadlineReportService deadlines;
    private final UserDirectory users;
    private final Clock clock;
    private final int remindBefore;
    private final Supervisors supervisors;
    private final MailCopies mail;
    private final ApplicationEventPublisher events;
    private final WorkingDayCalendar calendar;
    private final CaseService cases;

    NotificationService(NotificationRepository notifications, DeadlineReportService deadlines, UserDirectory users,
            Clock clock, @Value("${app.deadlines.remind-before-working-days:2}") int remindBefore,
            Supervisors supervisors, MailCopies mail, ApplicationEventPublisher events, WorkingDayCalendar calendar,
            CaseService cases) {
        this.notifications = notifications;
        this.deadlines = deadlines;
        this.users = users;
        this.clock = clock;
        this.remindBefore = remindBefore;
        this.supervisors = supervisors;
        this.mail = mail;
        this.events = events;
        this.calendar = calendar;
        this.cases = cases;
    }

    /** Who supervises each stage (told when its tasks are overdue); stages not listed go to the default group. */
    @ConfigurationProperties("app.deadlines.supervisors")
    record Supervisors(String defaultGroup, Map<Stage, String> stages) {

        String of(Stage stage) {
            return stages == null ? defaultGroup : stages.getOrDefault(stage, defaultGroup);
        }
    }

    @Configuration
    @EnableConfigurationProperties(Supervisors.class)
    static class Settings {
    }

    /** One pass of the watch; returns how many notices it stored. */
    public int watch() {
        int sent = calendarNotices();
        for (DeadlineEntry entry : deadlines.entries(null, null)) {
            if (entry.task().due() == null) {
                continue;
            }
            if (entry.overdue()) {
                if (!notifications.existsByTaskIdAndKind(entry.task().id(), Kind.OVERDUE)) {
                    // first time seen overdue: recorded once, in the transaction that stores the first escalation
                    events.publishEvent(new DeadlineMissed(entry.task().id(), entry.task().name(), entry.task().caseId(),
                            entry.caseNumber(), entry.stage(), entry.task().assignee(), entry.task().due()));
                }
                String message = "“%s”（%s）的“%s”办理期限为%s，已逾期，尚未办结，请督办。".formatted(entry.caseTitle(),
                        entry.caseNumber(), entry.task().name(), due(entry));
                sent += notifyAll(entry, Kind.OVERDUE, users.members(supervisors.of(entry.stage())), message);
            } else if (entry.workingDaysLeft() != null && entry.workingDaysLeft() <= remindBefore) {
                String message = "“%s”（%s）的“%s”办理期限为%s（还剩 %d 个工作日），请及时办理。".formatted(
                        entry.caseTitle(), entry.caseNumber(), entry.task().name(), due(entry),
                        entry.workingDaysLeft());
                sent += notifyAll(entry, Kind.REMINDER, holders(entry), message);
            }
        }
        return sent;
    }

    /** The due date as people count it, marked when it rests on a year whose holiday notice is not entered. */
    private String due(DeadlineEntry entry) {
        return DueText.of(entry.task().due(), Deadlines.dayOf(clock.instant()), Locale.CHINA)
                + (entry.dueProvisional() ? PROVISIONAL : "");
    }

    /** Tells every administrator once per year, until it is entered, that a year's holiday notice is missing. */
    private int calendarNotices() {
        int sent = 0;
        for (int year : calendar.yearsAwaitingNotice()) {
            Instant yearStart = LocalDate.of(year, 1, 1).atStartOfDay(Deadlines.CHINA).toInstant();
            for (String admin : users.members(ADMINS)) {
                if (!notifications.existsByKindAndRecipientAndDueAt(Kind.CALENDAR_NOTICE, admin, yearStart)) {
                    mail.afterCommit(notifications.save(new Notification(admin, null, null, null, Kind.CALENDAR_NOTICE,
                            WorkingDayCalendar.awaitingNoticeMessage(year), yearStart, clock.instant())));
                    sent++;
                }
            }
        }
        return sent;
    }

    /** The holder of a task whose due date a stored calendar year moved is told, in the transaction that moved it. */
    @EventListener
    public void on(TaskDueDateMoved moved) {
        DecisionCase decisionCase = moved.caseId() == null ? null : cases.get(moved.caseId());
        LocalDate today = Deadlines.dayOf(clock.instant());
        String message = "“%s”%s的办理期限已按 %d 年节假日安排%s调整：由%s改为%s。".formatted(moved.taskName(),
                decisionCase == null ? "" : "（" + decisionCase.getNumber() + "）", moved.year(),
                moved.notice() == null ? "" : "（" + moved.notice() + "）",
                moved.from() == null ? "未定" : DueText.of(moved.from(), today, Locale.CHINA),
                DueText.of(moved.to(), today, Locale.CHINA));
        for (String recipient : holders(moved.assignee(), moved.candidateGroups())) {
            Optional<Notification> earlier = notifications.findByTaskIdAndKindAndRecipient(moved.taskId(),
                    Kind.DUE_DATE_MOVED, recipient);
            if (earlier.isPresent()) {
                earlier.get().renew(message, moved.to(), clock.instant());
            } else {
                mail.afterCommit(notifications.save(new Notification(recipient, moved.taskId(), moved.caseId(),
                        decisionCase == null ? null : decisionCase.getNumber(), Kind.DUE_DATE_MOVED, message,
                        moved.to(), clock.instant())));
            }
        }
    }

    /**
     * A problem found in executing a decision (Art. 35) is reported to the decision organ: every head, the supervisors
     * of deadlines (the default group) and the officers of the undertaking unit are told at once, in the transaction
     * that files the report. Units have no supervisor of their own in the directory, so these groups stand for it.
     */
    @EventListener
    public void on(AfterDecisionEvent event) {
        if (event.kind() != ExecutionEvents.Kind.EXECUTION_REPORTED || !"PROBLEM".equals(event.details().get("kind"))) {
            return;
        }
        DecisionCase decisionCase = cases.get(event.caseId());
        String entry = "problem-report-" + event.details().get("reportId");
        Set<String> recipients = new LinkedHashSet<>(users.members("heads"));
        recipients.addAll(users.members(supervisors.defaultGroup()));
        users.members("officers").stream()
                .filter(id -> users.find(id).map(a -> decisionCase.getUndertakingUnit().equals(a.unit())).orElse(false))
                .forEach(recipients::add);
        String message = "“%s”（%s）的执行单位报告了执行中发现的问题（第三十五条），请决策机关及时研究答复。".formatted(
                decisionCase.getTitle(), decisionCase.getNumber());
        for (String recipient : recipients) {
            if (!notifications.existsByTaskIdAndKindAndRecipient(entry, Kind.PROBLEM_REPORTED, recipient)) {
                mail.afterCommit(notifications.save(new Notification(recipient, entry, decisionCase.getId(),
                        decisionCase.getNumber(), Kind.PROBLEM_REPORTED, message, null, clock.instant())));
            }
        }
    }

    private List<String> holders(DeadlineEntry entry) {
        return holders(entry.task().assignee(), entry.task().candidateGroups());
    }

    private List<String> holders(String assignee, List<String> candidateGroups) {
        if (assignee != null) {
            return List.of(assignee);
        }
        Set<String> holders = new LinkedHashSet<>();
        candidateGroups.forEach(group -> holders.addAll(users.members(group)));
        return List.copyOf(holders);
    }

    private int notifyAll(DeadlineEntry entry, Kind kind, List<String> recipients, String message) {
        int sent = 0;
        for (String recipient : recipients) {
            if (!notifications.existsByTaskIdAndKindAndRecipient(entry.task().id(), kind, recipient)) {
                mail.afterCommit(notifications.save(new Notification(recipient, entry.task().id(),
                        entry.task().caseId(), entry.caseNumber(), kind, message, entry.task().due(), clock.instant())));
                sent++;
            }
        }
        return sent;
    }

    @Transactional(readOnly = true)
    public List<Notification> mine(Actor actor, boolean unreadOnly) {
        return unreadOnly ? notifications.findTop200ByRecipientAndReadAtIsNullOrderByIdDesc(actor.userId())
                : notifications.findTop200ByRecipientOrderByIdDesc(actor.userId());
    }

    public Notification markRead(Long id, Actor actor) {
        Notification notification = notifications.findById(id)
                .filter(n -> n.getRecipient().equals(actor.userId()))
                .orElseThrow(() -> DomainException.notFound("NOTIFICATION_NOT_FOUND", "未找到该通知。"));
        notification.markRead(clock.instant());
        return notification;
    }
}
