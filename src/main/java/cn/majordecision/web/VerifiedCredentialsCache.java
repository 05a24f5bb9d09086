package cn.majordecision.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import cn.majordecision.identity.UserAdministration;
import cn.majordecision.identity.UserIds;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * HTTP Basic sends the password with every request, and bcrypt is slow on purpose (about 80 ms of CPU). A credential
 * that was verified in the last few minutes is accepted again from an HMAC under a key that lives only in memory,
 * so an API client does not pay bcrypt on every call. Failures are never cached.
 */
class VerifiedCredentialsCache implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider delegate;
    private final Clock clock;
    private final Duration ttl;
    private final SecretKeySpec key;
    private final Map<String, Entry> verified = new ConcurrentHashMap<>();

    private record Entry(Authentication authentication, Instant expires) {
    }

    VerifiedCredentialsCache(AuthenticationProvider delegate, Clock clock, Duration ttl) {
        this.delegate = delegate;
        this.clock = clock;
        this.ttl = ttl;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String fingerprint = fingerprint(UserIds.canonical(request.getName()), String.valueOf(request.getCredentials()));
        Entry entry = verified.get(fingerprint);
        Instant now = clock.instant();
        if (entry != null && now.isBefore(entry.expires())) {
            return entry.authentication();
        }
        Authentication authenticated = delegate.authenticate(request);
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(fingerprint, new Entry(authenticated, now.plus(ttl)));
        return authenticated;
    }

    /** A password reset, a disabled account or changed groups take effect at once, not when the entry expires. */
    @EventListener
    void on(UserAdministration.AccountChanged changed) {
        verified.clear();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String fingerprint(String user, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((user + '\u0000' + password).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
