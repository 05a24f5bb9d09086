package cn.majordecision.identity.process;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class EngineAuthenticationConfig {

    /** Runs after the Spring Security filter chain, when the user is known. */
    @Bean
    FilterRegistrationBean<EngineAuthenticationFilter> engineAuthenticationFilter(IdentityService identity) {
        FilterRegistrationBean<EngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new EngineAuthenticationFilter(identity));
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }
}
