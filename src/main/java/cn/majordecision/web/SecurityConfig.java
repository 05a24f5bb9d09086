package cn.majordecision.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * HTTP Basic for our API and the engine REST API (the security issue adds form login and tokens); the Camunda
 * webapps under /camunda keep their own login against the mirrored engine users.
 */
@Configuration
class SecurityConfig {

    private final ObjectMapper mapper;

    SecurityConfig(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwords, Clock clock,
            AuthenticationEventPublisher authenticationEvents) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(passwords);
        ProviderManager manager = new ProviderManager(new VerifiedCredentialsCache(dao, clock, Duration.ofMinutes(5)));
        // a hand-built manager publishes nothing by default; failed logins must reach the audit log
        manager.setAuthenticationEventPublisher(authenticationEvents);
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        return http
                .authenticationManager(authenticationManager)
                // explicit path matchers: the engine REST API is served by Jersey, not by Spring MVC
                .securityMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**")))
                // the engine REST API bypasses the application's rules; until engine authorizations are mapped,
                // only administrators may use it
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
                        .hasAuthority("GROUP_admins")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        write(response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "请先登录。")))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) ->
                                write(response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "请先登录。"))
                        .accessDeniedHandler((request, response, e) ->
                                write(response, HttpStatus.FORBIDDEN, "FORBIDDEN", "您无权进行此操作。")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**")))
                .headers(Customizer.withDefaults())
                .build();
    }

    private void write(HttpServletResponse response, HttpStatus status, String code, String detail) throws IOException {
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"major-decision\"");
        }
        Problems.write(response, mapper, status, code, detail);
    }
}
