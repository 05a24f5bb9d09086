package cn.majordecision.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.support.CaseDriver;
import cn.majordecision.support.EngineTime;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import cn.majordecision.support.TestSmtpPort;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With an SMTP server configured, each stored notice is also mailed, once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationMailIntegrationTests {

    /**
     * On the port the test profile's {@code spring.mail.port} names (chosen per test JVM), so this class shares the one application context of
     * the integration tests (a second context would register a second engine under the name the engine REST API uses).
     */
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(TestSmtpPort.port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Test
    void mailsTheEscalationToTheSupervisorOnce() throws Exception {
        // given an overdue launch decision
        CaseDriver driver = new CaseDriver(port);
        EngineTime time = new EngineTime(driver);
        String number = driver.file("镇区停车管理办法", Map.of());
        time.setDue(driver.awaitTask(number, "Task_DecideLaunch"), clock.instant().minus(Duration.ofDays(1)));

        // when the watch runs twice
        time.runDeadlineWatch();
        MimeMessage escalation = awaitMailAbout(number);
        time.runDeadlineWatch();
        Thread.sleep(2000);

        // then the head received it once, in Chinese
        assertThat(escalation.getAllRecipients()[0].toString()).isEqualTo("zhangwei@example.com");
        assertThat(escalation.getSubject()).isEqualTo("【超期督办】" + number);
        assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(number))).hasSize(1);
    }

    private static MimeMessage awaitMailAbout(String number) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() - deadline < 0) {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (subject(message).contains(number)) {
                    return message;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No mail about " + number);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
