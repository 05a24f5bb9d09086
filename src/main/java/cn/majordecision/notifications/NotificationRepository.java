package cn.majordecision.notifications;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    boolean existsByTaskIdAndKind(String taskId, Notification.Kind kind);

    boolean existsByTaskIdAndKindAndRecipient(String taskId, Notification.Kind kind, String recipient);

    List<Notification> findTop200ByRecipientOrderByIdDesc(String recipient);

    List<Notification> findTop200ByRecipientAndReadAtIsNullOrderByIdDesc(String recipient);
}
