package cn.majordecision.identity;

import java.util.Locale;

/**
 * The one spelling of a sign-in name: trimmed and in lower case. MySQL/MariaDB compare user ids without regard to
 * case, so {@code WangFang} would find the row of {@code wangfang}; every door (form, HTTP Basic, token, OpenID Connect,
 * the administrators' screens) turns a name into this spelling before it looks anything up, so the actor id on a task,
 * an assignment or an audit entry is always the account's own.
 */
public final class UserIds {

    private UserIds() {
    }

    /** The canonical spelling of a sign-in name; null stays null. */
    public static String canonical(String userId) {
        return userId == null ? null : userId.strip().toLowerCase(Locale.ROOT);
    }
}
