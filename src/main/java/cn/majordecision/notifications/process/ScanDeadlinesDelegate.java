package cn.majordecision.notifications.process;

import cn.majordecision.notifications.NotificationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Runs one pass of the deadline watch; the job executor runs it on one node at a time. */
@Component
class ScanDeadlinesDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(ScanDeadlinesDelegate.class);

    private final NotificationService notifications;

    ScanDeadlinesDelegate(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int sent = notifications.watch();
        if (sent > 0) {
            log.info("Deadline watch stored {} notifications", sent);
        }
    }
}
