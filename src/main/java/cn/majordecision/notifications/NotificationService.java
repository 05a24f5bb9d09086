package cn.majordecision.notifications;

import cn.majordecision.cases.Stage;
import cn.majordecision.identity.UserDirectory;
import cn.majordecision.notifications.Notification.Kind;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.worklist.DeadlineEntry;
import cn.majordecision.worklist.DeadlineReportService;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Configuration;
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

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日")
            .withZone(java.time.ZoneId.of("Asia/Shanghai"));

    private final NotificationRepository notifications;
    private final DeadlineReportService deadlines;
    private final UserDirectory users;
    private final Clock clock;
    private final int remindBefore;
    private final Supervisors supervisors;
    private final MailCopies mail;
    private final ApplicationEventPublisher events;

    NotificationService(NotificationRepository notifications, DeadlineReportService deadlines, UserDirectory users,
            Clock clock, @Value("${app.deadlines.remind-before-working-days:2}") int remindBefore,
            Supervisors supervisors, MailCopies mail, ApplicationEventPublisher events) {
        this.notifications = notifications;
        this.deadlines = deadlines;
        this.users = users;
        this.clock = clock;
        this.remindBefore = remindBefore;
        this.supervisors = supervisors;
        this.mail = mail;
        this.events = events;
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
        int sent = 0;
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
                String message = "“%s”（%s）的“%s”已于%s到期，尚未办结，请督办。".formatted(entry.caseTitle(),
                        entry.caseNumber(), entry.task().name(), DAY.format(entry.task().due().minusNanos(1)));
                sent += notifyAll(entry, Kind.OVERDUE, users.members(supervisors.of(entry.stage())), message);
            } else if (entry.workingDaysLeft() != null && entry.workingDaysLeft() <= remindBefore) {
                String message = "“%s”（%s）的“%s”将于%s到期（还剩 %d 个工作日），请及时办理。".formatted(
                        entry.caseTitle(), entry.caseNumber(), entry.task().name(),
                        DAY.format(entry.task().due().minusNanos(1)), entry.workingDaysLeft());
                sent += notifyAll(entry, Kind.REMINDER, holders(entry), message);
            }
        }
        return sent;
    }

    private List<String> holders(DeadlineEntry entry) {
        if (entry.task().assignee() != null) {
            return List.of(entry.task().assignee());
        }
        Set<String> holders = new LinkedHashSet<>();
        entry.task().candidateGroups().forEach(group -> holders.addAll(users.members(group)));
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
