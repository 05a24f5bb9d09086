package cn.majordecision.identity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Accounts whose password is still a known default (the demo password, {@code demo} or {@code app.demo.password}) are
 * open to anybody who read the README. At every start the directory is checked and each such account is named in a
 * loud warning, until an administrator resets its password or disables it. The check runs beside the start (bcrypt
 * costs tens of milliseconds per account), so readiness does not wait for it.
 */
@Component
public class DefaultPasswords {

    private static final Logger log = LoggerFactory.getLogger(DefaultPasswords.class);

    private final AppUserRepository users;
    private final PasswordEncoder passwords;
    private final Set<String> known = new LinkedHashSet<>();

    DefaultPasswords(AppUserRepository users, PasswordEncoder passwords,
            @Value("${app.demo.password:demo}") String demoPassword) {
        this.users = users;
        this.passwords = passwords;
        known.add("demo");
        if (demoPassword != null && !demoPassword.isBlank()) {
            known.add(demoPassword);
        }
    }

    /** The enabled accounts that still sign in with a known default password, by user id. */
    public List<String> accountsWithKnownPassword() {
        return users.findAll().stream()
                .filter(AppUser::isEnabled)
                .filter(user -> user.getPasswordHash() != null
                        && known.stream().anyMatch(password -> matches(password, user.getPasswordHash())))
                .map(user -> UserIds.canonical(user.getUserId()))
                .sorted()
                .toList();
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnAtStart() {
        Thread check = new Thread(() -> {
            try {
                List<String> open = accountsWithKnownPassword();
                if (!open.isEmpty()) {
                    log.warn(warning(open));
                }
            } catch (RuntimeException e) {
                log.warn("Could not check the accounts for known default passwords: {}", e.getMessage());
            }
        }, "default-password-check");
        check.setDaemon(true);
        check.setPriority(Thread.MIN_PRIORITY);
        check.start();
    }

    static String warning(List<String> accounts) {
        return """

                !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
                 SECURITY WARNING: %d account(s) still sign in with a known default password
                 (the demo password from the README): %s
                 Anybody can sign in as them. Reset their passwords or disable them
                 (admin pages, or PUT /api/admin/users/{userId}/password), and run without
                 app.demo.enabled outside a demonstration.
                 安全警告：以上账号仍使用公开的默认（演示）密码，任何人都能冒用，请立即重置密码或停用。
                !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!""".formatted(accounts.size(),
                String.join(", ", accounts));
    }

    private boolean matches(String password, String hash) {
        try {
            return passwords.matches(password, hash);
        } catch (IllegalArgumentException e) { // a hash of an unknown algorithm, e.g. an engine-only account
            return false;
        }
    }
}
