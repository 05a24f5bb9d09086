package cn.majordecision.identity;

import cn.majordecision.shared.Actor;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user as Spring Security holds it; carries the {@link Actor} the services need. */
public record DirectoryUser(Actor actor, String passwordHash, boolean enabled) implements UserDetails, SignedIn {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = actor.groups().stream()
                .map(group -> (GrantedAuthority) new SimpleGrantedAuthority("GROUP_" + group))
                .toList();
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.userId();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
