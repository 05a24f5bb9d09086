package cn.majordecision.web;

import cn.majordecision.identity.ApiTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three ways in, one user store:
 * <ul>
 * <li>the API ({@code /api/**}) and the engine REST API: HTTP Basic or a bearer token issued by the application,
 * no session of their own; a browser that signed in with the form may call the API with its session cookie, and
 * then must send the CSRF token;</li>
 * <li>browser pages: a form login with a session cookie, CSRF protection, a new session id on login, logout;</li>
 * <li>the Camunda webapps under {@code /camunda}, which keep their own login against the mirrored engine users.</li>
 * </ul>
 * Failed logins are slowed down per account and per address. Every response carries the security headers.
 */
@Configuration
class SecurityConfig {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    /** Our pages load scripts and styles from our own origin only. */
    private static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /** API answers are data, never a page. */
    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private final ObjectMapper mapper;

    SecurityConfig(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Bean
    LoginThrottle loginThrottle(Clock clock,
            @Value("${app.login.account-failures:5}") int accountFailures,
            @Value("${app.login.address-failures:20}") int addressFailures,
            @Value("${app.login.window:PT15M}") Duration window,
            @Value("${app.login.max-backoff:PT15M}") Duration maxBackoff) {
        return new LoginThrottle(clock, accountFailures, addressFailures, window, maxBackoff);
    }

    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwords, Clock clock,
            AuthenticationEventPublisher authenticationEvents, LoginThrottle throttle) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(passwords);
        // a credential verified minutes ago skips bcrypt and the throttle; anything else is throttled, then checked
        ProviderManager manager = new ProviderManager(
                new VerifiedCredentialsCache(new ThrottledLogin(dao, throttle), clock, Duration.ofMinutes(5)));
        // a hand-built manager publishes nothing by default; failed logins must reach the audit log
        manager.setAuthenticationEventPublisher(authenticationEvents);
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authenticationManager, ApiTokens tokens)
            throws Exception {
        return http
                .authenticationManager(authenticationManager)
                // explicit path matchers: the engine REST API is served by Jersey, not by Spring MVC
                .securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
                // the engine REST API needs a login; what each user may do there, the engine's authorizations decide
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path("/api/public/**")).permitAll()
                        // auditors read everything and change nothing: every write is refused, except issuing a
                        // signed checkpoint (their own task, no case data changes) and signing in or out for a token
                        .requestMatchers(SecurityConfig::isWriteOtherThanAuditorsOwn)
                        .access((authentication, context) -> new AuthorizationDecision(
                                isSignedIn(authentication.get()) && !isAuditor(authentication.get())))
                        .anyRequest().authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens, mapper), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(this::unauthenticated))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(this::unauthenticated)
                        .accessDeniedHandler((request, response, e) -> {
                            if (e instanceof CsrfException) {
                                Problems.write(response, mapper, HttpStatus.FORBIDDEN, "CSRF_TOKEN_INVALID",
                                        "页面已过期或请求来源不明，请刷新页面后重试。");
                            } else if (isAuditor(SecurityContextHolder.getContext().getAuthentication())) {
                                Problems.write(response, mapper, HttpStatus.FORBIDDEN, "AUDITOR_READ_ONLY",
                                        "审计人员只能查阅，不能办理或修改任何数据。");
                            } else {
                                Problems.write(response, mapper, HttpStatus.FORBIDDEN, "FORBIDDEN", "您无权进行此操作。");
                            }
                        }))
                // API clients get no session; a browser's existing session (form login) is read, never created
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfig::signedInByCookie))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
        // Cockpit, Tasklist and Admin have their own login, CSRF filter and content security policy
        return http
                .securityMatcher(path("/camunda/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        return http
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path("/app/**")).authenticated()
                        .anyRequest().permitAll())
                .formLogin(form -> form
                        .loginPage("/login")
                        .defaultSuccessUrl("/app", false)
                        .failureHandler((request, response, e) -> response.sendRedirect(
                                request.getContextPath() + (e instanceof LoginThrottledException ? "/login?locked" : "/login?error"))))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .deleteCookies("JSESSIONID"))
                // a new session id at login (fixation), the old one's attributes carried over
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY)))
                .build();
    }

    /** CSRF matters only where the browser sends credentials by itself: a session cookie, not an Authorization header. */
    private static final RequestMatcher AUDITORS_OWN_WRITES = new OrRequestMatcher(path("/api/audit/checkpoints"),
            path("/api/auth/tokens"), path("/api/auth/tokens/current"));

    /** A request that changes something, other than the few writes auditors themselves make. */
    private static boolean isWriteOtherThanAuditorsOwn(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod()) && !AUDITORS_OWN_WRITES.matches(request);
    }

    private static boolean isSignedIn(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    /** Members of the auditors group are read-only, whatever other group they are also in. */
    static boolean isAuditor(Authentication authentication) {
        return isSignedIn(authentication) && authentication.getAuthorities().stream()
                .anyMatch(authority -> "GROUP_auditors".equals(authority.getAuthority()));
    }

    private static boolean signedInByCookie(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod()) && request.getHeader("Authorization") == null
                && request.getRequestedSessionId() != null;
    }

    private void unauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof LoginThrottledException throttled) {
            response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
            Problems.write(response, mapper, HttpStatus.TOO_MANY_REQUESTS, "LOGIN_THROTTLED",
                    "登录失败次数过多，请 " + throttled.retryAfterSeconds() + " 秒后再试。");
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"major-decision\"");
        Problems.write(response, mapper, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "请先登录。");
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }
}
