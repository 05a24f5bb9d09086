package cn.majordecision.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Logs failed logins, without a case. There is no business transaction around a login: the entry gets its own. */
@Component
class LoginAuditor {

    /** A hostile client chooses the user name; it is cut so an entry stays small. */
    private static final int MAX_NAME = 64;

    private final AuditLog log;

    LoginAuditor(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        String name = event.getAuthentication().getName();
        String user = name == null ? "" : name.codePointCount(0, name.length()) > MAX_NAME
                ? name.substring(0, name.offsetByCodePoints(0, MAX_NAME)) : name;
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("userName", user);
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            payload.put("remoteAddress", details.getRemoteAddress());
        }
        log.append(AuditEventType.LOGIN_FAILED, null, null, null, null, payload); // nobody was authenticated
    }
}
