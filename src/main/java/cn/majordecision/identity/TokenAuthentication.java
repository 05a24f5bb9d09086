package cn.majordecision.identity;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request signed in with a bearer token rather than a password. */
public class TokenAuthentication extends AbstractAuthenticationToken {

    private final DirectoryUser user;

    public TokenAuthentication(DirectoryUser user) {
        super(user.getAuthorities());
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public DirectoryUser getPrincipal() {
        return user;
    }
}
