package cn.majordecision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.identity.UserDirectory;
import cn.majordecision.support.Api;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/** Starting up: a load balancer sends no one here before the demo users exist; the log says where to go. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(StartupIntegrationTests.Probes.class)
@ExtendWith(OutputCaptureExtension.class)
class StartupIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Probes probes;

    @Autowired
    Environment environment;

    @Test
    void readinessIsOutOfServiceUntilTheDemoDataIsLoaded() {
        // while starting, before the demo data: the server answers, but readiness refuses and no demo user exists
        assertThat(probes.beforeDemoData.status()).as(probes.beforeDemoData.toString()).isEqualTo(503);
        assertThat(probes.beforeDemoData.json().path("status").asText()).isEqualTo("OUT_OF_SERVICE");
        // (the MySQL suite shares one database between contexts: earlier ones already loaded the demo users there)
        if (!environment.matchesProfiles("mysql")) {
            assertThat(probes.demoUsersBefore).isFalse();
        }

        // the moment readiness turns to accepting traffic, every demo user is there
        assertThat(probes.demoUsersWhenReady).isTrue();

        // and readiness answers UP from then on
        Api.Response ready = Api.anonymous(port).get("/actuator/health/readiness");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void theLogNamesThePortalTheSignInPageAndTheGuidesOnceAtTheActualPort(CapturedOutput output) {
        String base = "http://localhost:" + port;
        assertThat(output.getAll()).contains(base + "/\n", base + "/login\n", base + "/docs/user-guide.html\n",
                base + "/docs/index.html\n").doesNotContain(base + "/api/");
        Matcher blocks = Pattern.compile("重大行政决策流程引擎已").matcher(output.getAll());
        assertThat(blocks.results().count()).as("one start-up block").isEqualTo(1);
    }

    /** Looks at the application from inside while it starts. */
    @TestConfiguration
    static class Probes {

        volatile Api.Response beforeDemoData;
        volatile Boolean demoUsersBefore;
        volatile Boolean demoUsersWhenReady;

        @Autowired
        UserDirectory users;

        private boolean demoUsersExist() {
            // the first and the last of the demo users
            return users.find("wangfang").isPresent() && users.find("ops").isPresent();
        }

        /** Runs before the demo data's runner: the web server is already listening. */
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        ApplicationRunner probeBeforeTheDemoData(Environment env) {
            return args -> {
                int port = env.getRequiredProperty("local.server.port", Integer.class);
                beforeDemoData = Api.anonymous(port).get("/actuator/health/readiness");
                demoUsersBefore = demoUsersExist();
            };
        }

        @EventListener
        void on(AvailabilityChangeEvent<ReadinessState> event) {
            if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
                demoUsersWhenReady = demoUsersExist();
            }
        }
    }
}
