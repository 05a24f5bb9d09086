package cn.majordecision.web;

import cn.majordecision.identity.SignedIn;
import cn.majordecision.shared.Actor;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The person signed in on this request, if any (pages shown to the public have none). */
public final class SignedInActor {

    private SignedInActor() {
    }

    public static Optional<Actor> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedIn user) {
            return Optional.of(user.actor());
        }
        return Optional.empty();
    }
}
