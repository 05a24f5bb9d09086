package cn.majordecision.identity.web;

import cn.majordecision.identity.ApiTokens;
import cn.majordecision.identity.ApiTokens.IssuedToken;
import cn.majordecision.identity.TokenAuthentication;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.FieldViolation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Bearer tokens for API clients: asked for with a password, used instead of it, revoked when done. */
@RestController
@RequestMapping("/api/auth/tokens")
class TokenController {

    private final ApiTokens tokens;

    TokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    record TokenRequest(String label, Integer validHours) {
    }

    record TokenResponse(String token, String tokenType, Instant expiresAt) {
    }

    @PostMapping
    ResponseEntity<TokenResponse> issue(Actor actor, @RequestBody TokenRequest request) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof TokenAuthentication) {
            // a token that can mint tokens would never expire
            throw DomainException.forbidden("TOKEN_NEEDS_PASSWORD", "申请令牌须用账号密码登录，不能用已有令牌申请。");
        }
        int hours = request.validHours() == null ? 8 : request.validHours();
        if (hours < 1 || hours > ApiTokens.MAX_VALIDITY.toHours()) {
            throw new DomainException(DomainException.Kind.INVALID, "TOKEN_VALIDITY_INVALID", "令牌有效期须在 1 小时至 30 天之间。",
                    List.of(new FieldViolation("validHours", "RANGE", "有效期须为 1 至 720 小时。")));
        }
        IssuedToken issued = tokens.issue(actor, request.label(), Duration.ofHours(hours));
        return ResponseEntity.status(HttpStatus.CREATED).body(new TokenResponse(issued.token(), "Bearer", issued.expiresAt()));
    }

    /** Revokes the token this request is signed in with. */
    @DeleteMapping("/current")
    ResponseEntity<Void> revokeCurrent(Actor actor, HttpServletRequest request) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof TokenAuthentication)) {
            throw DomainException.invalid("NOT_SIGNED_IN_WITH_TOKEN", "本次请求不是用令牌登录的，没有可注销的令牌。");
        }
        String header = request.getHeader("Authorization");
        tokens.revoke(header.substring("Bearer ".length()).strip());
        return ResponseEntity.noContent().build();
    }
}
