package cn.majordecision.web;

import cn.majordecision.identity.UserIds;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Checks a password only when the account and the address are not being throttled, and counts the failures. */
class ThrottledLogin implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledLogin.class);

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;

    ThrottledLogin(AuthenticationProvider delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        // one account, whatever the spelling: WangFang and wangfang share the per-account limit
        String account = UserIds.canonical(request.getName());
        String address = request.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        Duration wait = throttle.waitFor(account, address);
        if (!wait.isZero()) {
            log.warn("Login refused while throttled: account '{}' from {} (retry in {} s)", printable(account),
                    address, wait.toSeconds());
            throw new LoginThrottledException(wait);
        }
        try {
            Authentication authenticated = delegate.authenticate(request);
            throttle.succeeded(account);
            return authenticated;
        } catch (BadCredentialsException e) {
            throttle.failed(account, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    /** The name is chosen by the client: keep the log line one short line of printable text. */
    private static String printable(String name) {
        if (name == null) {
            return "";
        }
        String cut = name.length() > 64 ? name.substring(0, 64) : name;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
