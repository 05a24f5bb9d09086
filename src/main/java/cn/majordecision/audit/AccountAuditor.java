package cn.majordecision.audit;

import cn.majordecision.identity.UserAdministration.AccountChanged;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Logs every change of the user directory by an administrator, in the transaction that makes it. */
@Component
class AccountAuditor {

    private final AuditLog log;

    AccountAuditor(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void on(AccountChanged event) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("userId", event.userId());
        payload.put("change", event.change());
        payload.put("groups", new TreeSet<>(event.groups()));
        payload.put("enabled", event.enabled());
        log.append(AuditEventType.USER_CHANGED, null, null, event.by(), "admins", payload);
    }
}
