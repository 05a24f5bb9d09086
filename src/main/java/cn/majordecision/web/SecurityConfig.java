package cn.majordecision.web;

import cn.majordecision.identity.ApiTokens;
import cn.majordecision.identity.OidcUsers;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Four ways in, one user store:
 * <ul>
 * <li>the API ({@code /api/**}) and the engine REST API: HTTP Basic or a bearer token issued by the application,
 * no session of their own; a browser that signed in with the form may call the API with its session cookie, and
 * then must send the CSRF token;</li>
 * <li>browser pages: a form login with a session cookie, CSRF protection, a new session id on login, logout;</li>
 * <li>the Camunda webapps under {@code /camunda}, which keep their own login against the mirrored engine users;</li>
 * <li>the actuator ({@code /actuator/**}): health probes for anybody, status only; metrics for operators.</li>
 * </ul>
 * Failed logins are slowed down per account and per address. Every response carries the security headers.
 */
@Configuration
class SecurityConfig {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SecurityConfig.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    /** Our pages load scripts and styles from our own origin only. */
    private static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /** API answers are data, never a page. */
    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /**
     * Completing a task through the engine REST API, or ending it with a BPMN error or escalation, would skip
     * validation and the record: refused for everybody, the engine operators included.
     */
    private static final RequestMatcher COMPLETION_AROUND_THE_API = new OrRequestMatcher(
            path("/engine-rest/task/*/complete"), path("/engine-rest/task/*/submit-form"),
            path("/engine-rest/task/*/resolve"), path("/engine-rest/task/*/bpmnError"),
            path("/engine-rest/task/*/bpmnEscalation"));

    private static final String DENIED_CODE = SecurityConfig.class.getName() + ".deniedCode";
    private static final String DENIED_MESSAGE = SecurityConfig.class.getName() + ".deniedMessage";

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

    /** A credential verified minutes ago skips bcrypt and the throttle; anything else is throttled, then checked. */
    @Bean
    VerifiedCredentialsCache verifiedCredentials(UserDetailsService users, PasswordEncoder passwords, Clock clock,
            LoginThrottle throttle) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(passwords);
        return new VerifiedCredentialsCache(new ThrottledLogin(dao, throttle), clock, Duration.ofMinutes(5));
    }

    @Bean
    AuthenticationManager authenticationManager(VerifiedCredentialsCache verifiedCredentials,
            AuthenticationEventPublisher authenticationEvents) {
        ProviderManager manager = new ProviderManager(verifiedCredentials);
        // a hand-built manager publishes nothing by default; failed logins must reach the audit log
        manager.setAuthenticationEventPublisher(authenticationEvents);
        return manager;
    }

    /**
     * The actuator: load balancers and orchestrators ask the health probes without credentials and learn only UP or
     * DOWN (details go to the groups below, see management.endpoint.health.roles); metrics and every other endpoint
     * are for the people who run the engine. Scrapers sign in with HTTP Basic or a bearer token, never a session, so
     * there is no cookie for a forged request to ride on and CSRF protection has nothing to protect.
     */
    @Bean
    @Order(0)
    SecurityFilterChain actuator(HttpSecurity http, AuthenticationManager authenticationManager, ApiTokens tokens)
            throws Exception {
        return http
                .authenticationManager(authenticationManager)
                .securityMatcher(path("/actuator/**"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path(HttpMethod.GET, "/actuator/health"),
                                path(HttpMethod.GET, "/actuator/health/**")).permitAll()
                        .anyRequest().access(group("engine-operators|admins", "OPERATIONS_ONLY",
                                "运行监控端点仅供流程引擎运维人员和系统管理员使用。")))
                .addFilterBefore(new BearerTokenFilter(tokens, mapper), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(this::unauthenticated))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(this::unauthenticated)
                        .accessDeniedHandler((request, response, e) -> {
                            if (request.getAttribute(DENIED_CODE) instanceof String code) {
                                Problems.write(response, mapper, HttpStatus.FORBIDDEN, code,
                                        (String) request.getAttribute(DENIED_MESSAGE));
                            } else {
                                Problems.write(response, mapper, HttpStatus.FORBIDDEN, "FORBIDDEN", "您无权进行此操作。");
                            }
                        }))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY)))
                .build();
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
                // the role an endpoint needs is checked here first, before its input, and again in the services
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path("/api/public/**")).permitAll()
                        .requestMatchers(COMPLETION_AROUND_THE_API).denyAll()
                        // the engine's own API is for the engine's operators (and the administrators, who only read):
                        // a business role works through our API, where every statutory rule is checked and recorded
                        .requestMatchers(path("/engine-rest/**"))
                        .access(group("engine-operators|admins", "ENGINE_API_OPERATORS_ONLY",
                                "流程引擎接口仅供流程引擎运维人员和系统管理员使用；办理、查阅决策事项请使用本系统的页面或 /api 接口。"))
                        // auditors read everything and change nothing: every write is refused, except issuing a
                        // signed checkpoint (their own task, no case data changes) and signing in or out for a token
                        .requestMatchers(request -> isWriteOtherThanAuditorsOwn(request)
                                && isAuditor(SecurityContextHolder.getContext().getAuthentication()))
                        .access(refuse("AUDITOR_READ_ONLY", "审计人员只能查阅，不能办理或修改任何数据。"))
                        .requestMatchers(path(HttpMethod.POST, "/api/cases/*/repairs"))
                        .access(group("engine-operators", "REPAIR_OPERATORS_ONLY", "只有流程引擎运维人员可以修复流程。"))
                        .requestMatchers(path(HttpMethod.POST, "/api/cases"), path(HttpMethod.PUT, "/api/cases/*/flags"),
                                path(HttpMethod.POST, "/api/cases/*/withdrawal"))
                        .access(group("officers", "ROLE_REQUIRED", "只有承办科室经办人可以提出、修改或撤回决策事项。"))
                        .requestMatchers(path("/api/cases/*/opinions"), path("/api/cases/*/opinions/**"))
                        .access(group("officers", "ROLE_REQUIRED", "公众意见含个人信息，只有承办科室经办人可以查阅和处理。"))
                        .requestMatchers(path(HttpMethod.GET, "/api/experts"))
                        .access(group("officers|heads|admins", "ROLE_REQUIRED", "专家库仅供承办科室、行政首长和系统管理员查阅。"))
                        .requestMatchers(path(HttpMethod.POST, "/api/cases/*/expert-draws"),
                                path(HttpMethod.POST, "/api/tasks/*/expert-replacement"))
                        .access(group("officers", "ROLE_REQUIRED", "只有承办科室经办人可以抽取或更换论证专家。"))
                        .requestMatchers(path(HttpMethod.POST, "/api/tasks/*/conflict-declaration"))
                        .access(group("experts", "ROLE_REQUIRED", "只有论证专家可以就本人的论证任务作利害关系声明。"))
                        .requestMatchers(path(HttpMethod.POST, "/api/cases/*/suspension"),
                                path(HttpMethod.POST, "/api/cases/*/suspension/lifting"),
                                path(HttpMethod.POST, "/api/cases/*/termination"),
                                path(HttpMethod.POST, "/api/cases/*/execution/reports/*/answer"))
                        .access(group("heads", "ROLE_REQUIRED", "只有行政首长可以在紧急情况下暂停执行或答复执行中发现的问题。"))
                        .requestMatchers(path(HttpMethod.POST, "/api/cases/*/suspension/organ-decision"))
                        .access(group("meeting-secretaries", "ROLE_REQUIRED", "决策机关对暂停执行的决定由党政办根据会议记录登记。"))
                        .requestMatchers(path(HttpMethod.PUT, "/api/cases/*/execution"),
                                path("/api/cases/*/execution/feedback"),
                                path(HttpMethod.POST, "/api/cases/*/execution/reports"),
                                path(HttpMethod.POST, "/api/cases/*/adjustment"),
                                path(HttpMethod.POST, "/api/cases/*/amendments"))
                        .access(group("officers", "ROLE_REQUIRED", "只有承办或执行单位经办人可以安排执行、报告执行情况、查阅公众反馈或提出变更决策。"))
                        .requestMatchers(path(HttpMethod.POST, "/api/cases/*/evaluations"),
                                path(HttpMethod.POST, "/api/cases/*/evaluations/*/report"))
                        .access(group("officers|heads", "ROLE_REQUIRED", "只有承办单位经办人或行政首长可以启动决策后评估和提交评估报告。"))
                        .requestMatchers(path(HttpMethod.POST, "/api/cases/*/access-grants"),
                                path(HttpMethod.DELETE, "/api/cases/*/access-grants/*"))
                        .access(group("heads", "ROLE_REQUIRED", "只有行政首长可以授权其他单位查阅决策事项。"))
                        .requestMatchers(path(HttpMethod.POST, "/api/catalogs/*/items"),
                                path(HttpMethod.PUT, "/api/catalogs/*/items/*"),
                                path(HttpMethod.POST, "/api/catalogs/*/change-requests"))
                        .access(group("officers", "ROLE_REQUIRED", "只有承办科室经办人可以编制决策事项目录或提出调整申请。"))
                        .requestMatchers(path(HttpMethod.POST, "/api/catalogs/*/approval"),
                                path(HttpMethod.POST, "/api/catalogs/*/change-requests/*/approval"))
                        .access(group("party-committee", "ROLE_REQUIRED", "决策事项目录及其调整须经党委同意，只有镇党委可以审定。"))
                        .requestMatchers(path(HttpMethod.POST, "/api/catalogs/*/publication"))
                        .access(group("officers|meeting-secretaries", "ROLE_REQUIRED", "只有承办科室经办人或党政办可以公布决策事项目录。"))
                        .requestMatchers(path("/api/catalogs/**"))
                        .access(group("officers|heads|party-committee|meeting-secretaries|legal-reviewers|archivists|auditors|admins",
                                "ROLE_REQUIRED", "您的岗位无权查阅决策事项目录；已公布的目录见公开页面。"))
                        .requestMatchers(path("/api/audit/entries"), path("/api/audit/checkpoints/**"),
                                path("/api/audit/proofs/**"), path("/api/audit/verification"))
                        .access(group("auditors", "ROLE_REQUIRED", "审计日志仅供审计人员查阅。"))
                        .requestMatchers(path("/api/audit/cases/*/bundle"), path("/api/cases/*/dossier"))
                        .access(group("auditors|archivists", "ROLE_REQUIRED", "审计材料包和归档包仅供审计人员和档案员下载。"))
                        .requestMatchers(path(HttpMethod.GET, "/api/reports/annual/**"))
                        .access(group("heads|officers|auditors|party-committee|meeting-secretaries", "ROLE_REQUIRED",
                                "您的岗位无权查阅决策年度统计。"))
                        .requestMatchers(path("/api/deadlines"))
                        .access(group("officers|auditors", "ROLE_REQUIRED", "期限报表仅供承办科室和审计人员查阅。"))
                        .requestMatchers(path("/api/admin/**"))
                        .access(group("admins", "ADMIN_ONLY", "只有系统管理员可以维护系统设置。"))
                        .anyRequest().authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens, mapper), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(this::unauthenticated))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(this::unauthenticated)
                        .accessDeniedHandler((request, response, e) -> {
                            if (COMPLETION_AROUND_THE_API.matches(request)) {
                                Problems.write(response, mapper, HttpStatus.FORBIDDEN, "COMPLETE_THROUGH_TASK_API",
                                        "任务只能通过本系统的办理接口（/api/tasks/{id}/complete）提交，服务器须校验并留存记录。");
                            } else if (e instanceof CsrfException) {
                                Problems.write(response, mapper, HttpStatus.FORBIDDEN, "CSRF_TOKEN_INVALID",
                                        "页面已过期或请求来源不明，请刷新页面后重试。");
                            } else if (request.getAttribute(DENIED_CODE) instanceof String code) {
                                Problems.write(response, mapper, HttpStatus.FORBIDDEN, code,
                                        (String) request.getAttribute(DENIED_MESSAGE));
                            } else {
                                Problems.write(response, mapper, HttpStatus.FORBIDDEN, "FORBIDDEN", "您无权进行此操作。");
                            }
                        }))
                // API clients get no session; a browser's existing session (form login) is read, never created
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                // NEVER still lets the request cache open a session to remember a refused request for after a
                // login: an API client never comes back through a login page, so nothing is remembered
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
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
                // Tasklist submits forms through the webapp's own engine API: completions go through ours only
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path("/camunda/api/engine/engine/*/task/*/submit-form"),
                                path("/camunda/api/engine/engine/*/task/*/complete"),
                                path("/camunda/api/engine/engine/*/task/*/resolve")).denyAll()
                        // and no task action at all there (claim, assignee, delegate, identity links, variables, BPMN
                        // errors and escalations, comments, deletion): tasks are worked in our pages only
                        .requestMatchers(path(HttpMethod.POST, "/camunda/api/engine/engine/*/task/*/*/**"),
                                path(HttpMethod.PUT, "/camunda/api/engine/engine/*/task/**"),
                                path(HttpMethod.DELETE, "/camunda/api/engine/engine/*/task/**"),
                                path(HttpMethod.POST, "/camunda/api/engine/engine/*/task/create")).denyAll()
                        .anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, AuthenticationManager authenticationManager,
            ObjectProvider<OidcUsers> oidc) throws Exception {
        OidcUsers oidcUsers = oidc.getIfAvailable();
        if (oidcUsers != null) { // the oidc profile: the government's identity provider, next to the local form
            http.oauth2Login(login -> login.loginPage("/login").defaultSuccessUrl("/app", false)
                    .failureHandler((request, response, e) -> {
                        log.warn("OpenID Connect sign-in failed: {}", e.getMessage());
                        response.sendRedirect(request.getContextPath() + "/login?oidcError");
                    })
                    .userInfoEndpoint(info -> info.oidcUserService(oidcUsers)));
        }
        return http
                // passwords through the throttled, audited manager; the oidc profile adds its own providers next to it
                .authenticationProvider(passwordsThrough(authenticationManager))
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

    private static AuthenticationProvider passwordsThrough(AuthenticationManager manager) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                return manager.authenticate(authentication);
            }

            @Override
            public boolean supports(Class<?> type) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
            }
        };
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

    /**
     * Grants the request to members of one of the groups ({@code a|b}); a refusal names its code and message for the
     * problem response, as the services would.
     */
    private static AuthorizationManager<RequestAuthorizationContext> group(String groups, String code, String message) {
        Set<String> authorities = java.util.Arrays.stream(groups.split("\\|")).map(g -> "GROUP_" + g)
                .collect(java.util.stream.Collectors.toSet());
        return (authentication, context) -> {
            Authentication who = authentication.get();
            boolean granted = who != null && who.isAuthenticated() && who.getAuthorities().stream()
                    .anyMatch(a -> authorities.contains(a.getAuthority()));
            if (!granted) {
                context.getRequest().setAttribute(DENIED_CODE, code);
                context.getRequest().setAttribute(DENIED_MESSAGE, message);
            }
            return new AuthorizationDecision(granted);
        };
    }

    /** Refuses every request it is asked about, naming its code and message for the problem response. */
    private static AuthorizationManager<RequestAuthorizationContext> refuse(String code, String message) {
        return (authentication, context) -> {
            context.getRequest().setAttribute(DENIED_CODE, code);
            context.getRequest().setAttribute(DENIED_MESSAGE, message);
            return new AuthorizationDecision(false);
        };
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }
}
