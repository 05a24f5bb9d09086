package cn.majordecision.identity;

import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.FieldViolation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators keep the user directory: accounts, units, groups, passwords, disabling. Two rules keep the roles
 * apart: an administrator does not change their own groups, and an administrator account holds no business group
 * (so nobody administers the system and signs a stage of a decision with the same account).
 */
@Service
@Transactional
public class UserAdministration {

    private static final Pattern USER_ID = Pattern.compile("[a-z][a-z0-9._-]{1,63}");
    private static final int MIN_PASSWORD = 10;

    private final AppUserRepository users;
    private final PasswordEncoder passwords;
    private final EngineIdentity engine;
    private final ApplicationEventPublisher events;
    private final ApiTokens tokens;

    UserAdministration(AppUserRepository users, PasswordEncoder passwords, EngineIdentity engine,
            ApplicationEventPublisher events, ApiTokens tokens) {
        this.tokens = tokens;
        this.users = users;
        this.passwords = passwords;
        this.engine = engine;
        this.events = events;
    }

    /** An account as administrators see it; never the password hash. */
    public record Account(String userId, String displayName, String unit, String email, Set<String> groups,
            boolean enabled) {
    }

    public record AccountInput(String displayName, String unit, String email, Set<String> groups, Boolean enabled) {
    }

    /** A change of the directory, for the audit log. */
    public record AccountChanged(String userId, String change, Set<String> groups, boolean enabled, String by) {
    }

    @Transactional(readOnly = true)
    public List<Account> list(Actor admin) {
        requireAdmin(admin);
        return users.findAll().stream().sorted(Comparator.comparing(AppUser::getUserId)).map(UserAdministration::account)
                .toList();
    }

    public Account create(String userId, AccountInput input, String password, Actor admin) {
        requireAdmin(admin);
        userId = UserIds.canonical(userId);
        List<FieldViolation> violations = new ArrayList<>();
        if (userId == null || !USER_ID.matcher(userId).matches()) {
            violations.add(new FieldViolation("userId", "FORMAT", "用户名须为 2 至 64 位小写字母、数字或 . _ -，以字母开头。"));
        }
        checkPassword(password, violations);
        checkInput(input, violations);
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        if (users.existsById(userId)) {
            throw DomainException.conflict("USER_EXISTS", "用户名 " + userId + " 已存在。");
        }
        AppUser user = users.save(new AppUser(userId, input.displayName().strip(), unitOf(input), emailOf(input),
                passwords.encode(password), input.groups()));
        engine.mirror(userId, user.getDisplayName(), password, input.groups());
        events.publishEvent(new AccountChanged(userId, "CREATED", input.groups(), true, admin.userId()));
        return account(user);
    }

    public Account update(String userId, AccountInput input, Actor admin) {
        requireAdmin(admin);
        userId = UserIds.canonical(userId);
        AppUser user = find(userId);
        List<FieldViolation> violations = new ArrayList<>();
        checkInput(input, violations);
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        boolean enabled = input.enabled() == null ? user.isEnabled() : input.enabled();
        if (userId.equals(UserIds.canonical(admin.userId())) && (!input.groups().equals(user.getGroups()) || !enabled)) {
            throw DomainException.forbidden("OWN_ACCOUNT", "不能修改自己账号的岗位或停用自己的账号，请由另一名管理员办理。");
        }
        user.update(input.displayName().strip(), unitOf(input), emailOf(input), input.groups(), enabled);
        if (!enabled) {
            // re-enabling the account later must not bring its old tokens back to life
            tokens.revokeAllOf(userId);
        }
        engine.update(userId, user.getDisplayName(), null, input.groups());
        events.publishEvent(new AccountChanged(userId, "UPDATED", input.groups(), enabled, admin.userId()));
        return account(user);
    }

    public void setPassword(String userId, String password, Actor admin) {
        requireAdmin(admin);
        userId = UserIds.canonical(userId);
        AppUser user = find(userId);
        List<FieldViolation> violations = new ArrayList<>();
        checkPassword(password, violations);
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        user.changePassword(passwords.encode(password));
        // a token issued under the old password dies with it: whoever took the password may have taken a token
        tokens.revokeAllOf(userId);
        engine.update(userId, user.getDisplayName(), password, user.getGroups());
        events.publishEvent(new AccountChanged(userId, "PASSWORD_RESET", user.getGroups(), user.isEnabled(), admin.userId()));
    }

    private AppUser find(String userId) {
        return users.findById(userId == null ? "" : UserIds.canonical(userId))
                .orElseThrow(() -> DomainException.notFound("USER_NOT_FOUND", "未找到用户 " + userId + "。"));
    }

    private static void checkInput(AccountInput input, List<FieldViolation> violations) {
        if (input == null) {
            violations.add(new FieldViolation("displayName", "REQUIRED", "请填写姓名。"));
            return;
        }
        if (input.displayName() == null || input.displayName().isBlank() || input.displayName().length() > 50
                || input.displayName().chars().anyMatch(Character::isISOControl)) {
            violations.add(new FieldViolation("displayName", "REQUIRED", "请填写姓名（不超过 50 个字）。"));
        }
        if (input.unit() != null && (input.unit().length() > 100 || input.unit().chars().anyMatch(Character::isISOControl))) {
            violations.add(new FieldViolation("unit", "TOO_LONG", "单位名称不超过 100 个字，不含控制字符。"));
        }
        if (input.email() != null && !input.email().isBlank() && !input.email().matches("[^@\\s]{1,64}@[^@\\s]{1,190}")) {
            violations.add(new FieldViolation("email", "FORMAT", "电子邮箱格式不正确。"));
        }
        if (input.groups() == null || input.groups().isEmpty()) {
            violations.add(new FieldViolation("groups", "REQUIRED", "请至少选择一个岗位。"));
        } else if (!Groups.ALL.keySet().containsAll(input.groups())) {
            violations.add(new FieldViolation("groups", "UNKNOWN", "岗位只能从系统的岗位列表中选择。"));
        } else if (input.groups().contains("admins") && input.groups().size() > 1) {
            violations.add(new FieldViolation("groups", "ADMIN_SEPARATE", "系统管理员账号不能兼任业务岗位，请为其另建账号。"));
        }
    }

    private static void checkPassword(String password, List<FieldViolation> violations) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 200) {
            violations.add(new FieldViolation("password", "WEAK", "密码至少 " + MIN_PASSWORD + " 位（最多 200 位）。"));
        }
    }

    private static String unitOf(AccountInput input) {
        return input.unit() == null ? "" : input.unit().strip();
    }

    private static String emailOf(AccountInput input) {
        return input.email() == null ? "" : input.email().strip();
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isIn("admins")) {
            throw DomainException.forbidden("ADMIN_ONLY", "只有系统管理员可以维护用户。");
        }
    }

    private static Account account(AppUser user) {
        return new Account(user.getUserId(), user.getDisplayName(), user.getUnit(), user.getEmail(), user.getGroups(),
                user.isEnabled());
    }
}
