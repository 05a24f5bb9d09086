package cn.majordecision.web;

import cn.majordecision.identity.ApiTokens;
import cn.majordecision.identity.DirectoryUser;
import cn.majordecision.identity.TokenAuthentication;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Signs in a request that presents {@code Authorization: Bearer <token>}; an unknown or expired token gets a 401. */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String SCHEME = "Bearer ";

    private final ApiTokens tokens;
    private final ObjectMapper mapper;

    BearerTokenFilter(ApiTokens tokens, ObjectMapper mapper) {
        this.tokens = tokens;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<DirectoryUser> user = tokens.authenticate(header.substring(SCHEME.length()).strip());
        if (user.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"major-decision\", error=\"invalid_token\"");
            Problems.write(response, mapper, HttpStatus.UNAUTHORIZED, "INVALID_TOKEN", "令牌无效、已过期或已注销，请重新申请。");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TokenAuthentication(user.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
