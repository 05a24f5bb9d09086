package cn.majordecision.notifications.web;

import cn.majordecision.notifications.Notification;
import cn.majordecision.notifications.NotificationService;
import cn.majordecision.shared.Actor;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** My notifications: reminders and overdue escalations, read and unread. */
@RestController
@RequestMapping(path = "/api/notifications", produces = "application/json")
class NotificationController {

    private final NotificationService notifications;

    NotificationController(NotificationService notifications) {
        this.notifications = notifications;
    }

    record NotificationView(long id, String kind, String caseNumber, String taskId, String message, Instant due,
            Instant createdAt, Instant readAt) {
    }

    @GetMapping
    List<NotificationView> mine(@RequestParam(defaultValue = "false") boolean unreadOnly, Actor actor) {
        return notifications.mine(actor, unreadOnly).stream().map(NotificationController::view).toList();
    }

    @PostMapping("/{id}/read")
    NotificationView read(@PathVariable Long id, Actor actor) {
        return view(notifications.markRead(id, actor));
    }

    private static NotificationView view(Notification n) {
        return new NotificationView(n.getId(), n.getKind().name(), n.getCaseNumber(), n.getTaskId(), n.getMessage(),
                n.getDueAt(), n.getCreatedAt(), n.getReadAt());
    }
}
