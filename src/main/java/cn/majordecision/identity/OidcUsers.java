package cn.majordecision.identity;

import cn.majordecision.shared.Actor;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Signs in a user of a government OpenID Connect provider as one of ours: the provider's groups are mapped to our
 * groups ({@code app.oidc.group-mapping}), its unit claim names the unit, and a user with no mapped group is refused.
 * The first sign-in adds the user to our directory (without a usable password), so records and notices can name them.
 */
public class OidcUsers extends OidcUserService {

    private final UserDirectory directory;
    private final OidcSettings settings;
    private final SecureRandom random = new SecureRandom();

    public record OidcSettings(String userClaim, String unitClaim, String groupsClaim, Map<String, String> groupMapping) {
    }

    public OidcUsers(UserDirectory directory, OidcSettings settings) {
        this.directory = directory;
        this.settings = settings;
    }

    /** The provider's user in our terms. */
    public static final class OidcDirectoryUser extends DefaultOidcUser implements SignedIn {

        private final Actor actor;

        OidcDirectoryUser(OidcUser user, Actor actor, Collection<? extends GrantedAuthority> authorities) {
            super(authorities, user.getIdToken(), user.getUserInfo(), "sub");
            this.actor = actor;
        }

        @Override
        public Actor actor() {
            return actor;
        }

        @Override
        public String getName() {
            return actor.userId();
        }
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = super.loadUser(request);
        return map(user);
    }

    OidcUser map(OidcUser user) {
        String userId = UserIds.canonical(text(user.getClaims().get(settings.userClaim())));
        if (userId == null) {
            userId = UserIds.canonical(user.getSubject());
        }
        Set<String> groups = new LinkedHashSet<>();
        if (user.getClaims().get(settings.groupsClaim()) instanceof List<?> theirs) {
            theirs.stream().map(String::valueOf).map(settings.groupMapping()::get).filter(g -> g != null && Groups.ALL.containsKey(g))
                    .forEach(groups::add);
        }
        if (groups.isEmpty()) {
            throw new OAuth2AuthenticationException(new OAuth2Error("access_denied",
                    "统一身份认证账号未分配本系统的岗位，请联系系统管理员。", null));
        }
        String name = user.getFullName() != null ? user.getFullName() : userId;
        String unit = text(user.getClaims().get(settings.unitClaim()));
        byte[] unusable = new byte[32];
        random.nextBytes(unusable);
        directory.register(userId, name, unit == null ? "" : unit, user.getEmail() == null ? "" : user.getEmail(),
                Base64.getEncoder().encodeToString(unusable), groups);
        Actor actor = new Actor(userId, name, unit, Set.copyOf(groups));
        List<GrantedAuthority> authorities = groups.stream()
                .map(g -> (GrantedAuthority) new SimpleGrantedAuthority("GROUP_" + g)).toList();
        return new OidcDirectoryUser(user, actor, authorities);
    }

    private static String text(Object claim) {
        return claim == null || String.valueOf(claim).isBlank() ? null : String.valueOf(claim);
    }
}
