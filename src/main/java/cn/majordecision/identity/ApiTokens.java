package cn.majordecision.identity;

import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.FieldViolation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for API clients: 256 random bits, shown to the client once; the store keeps their SHA-256, an expiry
 * and a revocation time. A token acts as the user who asked for it, with that user's groups as they are at each use.
 */
@Service
@Transactional
public class ApiTokens {

    /** Prefix so a leaked token is recognisable in a secret scanner. */
    static final String PREFIX = "mdt_";
    public static final Duration MAX_VALIDITY = Duration.ofDays(30);
    private static final int MAX_LABEL = 100;

    private final ApiTokenRepository tokens;
    private final UserDirectory users;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(ApiTokenRepository tokens, UserDirectory users, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    public record IssuedToken(String token, Instant expiresAt) {
    }

    public IssuedToken issue(Actor actor, String label, Duration validity) {
        String name = label == null ? "" : label.strip();
        if (name.isEmpty() || name.codePointCount(0, name.length()) > MAX_LABEL || name.chars().anyMatch(Character::isISOControl)) {
            throw new DomainException(DomainException.Kind.INVALID, "TOKEN_LABEL_INVALID", "请填写令牌用途（不超过 100 个字）。",
                    List.of(new FieldViolation("label", "INVALID", "用途须为 1 至 100 个字，不含控制字符。")));
        }
        if (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_VALIDITY) > 0) {
            throw new DomainException(DomainException.Kind.INVALID, "TOKEN_VALIDITY_INVALID", "令牌有效期须在 1 小时至 30 天之间。",
                    List.of(new FieldViolation("validHours", "RANGE", "有效期须为 1 至 720 小时。")));
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        ApiToken stored = tokens.save(new ApiToken(hash(token), UserIds.canonical(actor.userId()), name, now, now.plus(validity)));
        return new IssuedToken(token, stored.getExpiresAt());
    }

    /** The user a presented token stands for, if it is known, unexpired, unrevoked and the user still enabled. */
    @Transactional(readOnly = true)
    public Optional<DirectoryUser> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findByTokenHash(hash(token))
                .filter(t -> t.validAt(now))
                .map(t -> users.loadUserByUsername(t.getUserId()))
                .filter(DirectoryUser::isEnabled);
    }

    /** Revokes the presented token; revoking one that is unknown or already revoked changes nothing. */
    public void revoke(String token) {
        if (token != null && token.startsWith(PREFIX) && token.length() <= 100) {
            tokens.findByTokenHash(hash(token)).ifPresent(t -> t.revoke(clock.instant()));
        }
    }

    /**
     * Revokes every token of the user: a password reset or a disabled account must lock out whoever holds a token
     * issued under the old password, not only the password's holder. Returns how many were revoked.
     */
    public int revokeAllOf(String userId) {
        Instant now = clock.instant();
        List<ApiToken> live = tokens.findByUserIdAndRevokedAtIsNull(UserIds.canonical(userId));
        live.forEach(t -> t.revoke(now));
        return live.size();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
