package cn.majordecision.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    boolean existsByTaskIdAndKind(String taskId, Notification.Kind kind);

    boolean existsByTaskIdAndKindAndRecipient(String taskId, Notification.Kind kind, String recipient);

    Optional<Notification> findByTaskIdAndKindAndRecipient(String taskId, Notification.Kind kind, String recipient);

    boolean existsByKindAndRecipientAndDueAt(Notification.Kind kind, String recipient, Instant dueAt);

    List<Notification> findTop200ByRecipientOrderByIdDesc(String recipient);

    List<Notification> findTop200ByRecipientAndReadAtIsNullOrderByIdDesc(String recipient);
}
