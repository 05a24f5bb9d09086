package cn.majordecision.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.test.context.TestExecutionListener;

/**
 * Picks a free port for the test SMTP server once per test JVM, before the first application context starts, so the
 * test profile's {@code spring.mail.port} and the SMTP server of NotificationMailIntegrationTests agree, and two builds
 * on one machine do not compete for a fixed port.
 */
public class TestSmtpPort implements TestExecutionListener {

    public static final String PROPERTY = "test.smtp.port";

    static {
        if (System.getProperty(PROPERTY) == null) {
            try (ServerSocket socket = new ServerSocket(0)) {
                System.setProperty(PROPERTY, Integer.toString(socket.getLocalPort()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static int port() {
        return Integer.getInteger(PROPERTY);
    }
}
