package cn.majordecision.notifications;

import cn.majordecision.identity.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends an e-mail copy of a stored notice when an SMTP server is configured (spring.mail.host), after the notice has
 * committed: a notice that rolled back is never mailed, and one that committed is mailed once. A failed delivery is
 * logged; the in-app notice stays.
 */
@Component
class MailCopies {

    private static final Logger log = LoggerFactory.getLogger(MailCopies.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final UserDirectory users;
    private final String from;

    MailCopies(ObjectProvider<JavaMailSender> mail, UserDirectory users,
            @Value("${app.mail.from:noreply@example.com}") String from) {
        this.mail = mail;
        this.users = users;
        this.from = from;
    }

    void afterCommit(Notification notice) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        users.emailOf(notice.getRecipient()).ifPresent(address ->
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        send(sender, address, notice);
                    }
                }));
    }

    private static String subject(Notification notice) {
        return switch (notice.getKind()) {
            case OVERDUE -> "【超期督办】" + notice.getCaseNumber();
            case REMINDER -> "【临期提醒】" + notice.getCaseNumber();
            case DUE_DATE_MOVED -> "【期限调整】" + notice.getCaseNumber();
            case CALENDAR_NOTICE -> "【工作日历】请录入节假日安排";
            case PROBLEM_REPORTED -> "【执行问题】" + notice.getCaseNumber();
        };
    }

    private void send(JavaMailSender sender, String address, Notification notice) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(address);
        message.setSubject(subject(notice));
        message.setText(notice.getMessage());
        try {
            sender.send(message);
        } catch (MailException e) {
            log.warn("Notice {} could not be mailed to {}: {}", notice.getId(), notice.getRecipient(), e.getMessage());
        }
    }
}
