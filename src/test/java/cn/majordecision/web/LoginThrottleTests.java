package cn.majordecision.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    private Instant now = Instant.parse("2026-03-02T01:00:00Z");
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };
    private final LoginThrottle throttle = new LoginThrottle(clock, 3, 5, Duration.ofMinutes(15), Duration.ofMinutes(10));

    @Test
    void anAccountWaitsLongerWithEveryFailurePastTheThreshold() {
        fail("wangfang", "10.0.0.1", 2);
        assertThat(throttle.waitFor("wangfang", "10.0.0.9")).isZero();

        fail("wangfang", "10.0.0.1", 1);
        assertThat(throttle.waitFor("wangfang", "10.0.0.9")).isEqualTo(Duration.ofSeconds(1));
        fail("wangfang", "10.0.0.1", 2);
        assertThat(throttle.waitFor("WangFang ", "10.0.0.9")).as("names compare as typed by people")
                .isEqualTo(Duration.ofSeconds(4));

        now = now.plusSeconds(4);
        assertThat(throttle.waitFor("wangfang", "10.0.0.9")).isZero();
        assertThat(throttle.waitFor("liqiang", "10.0.0.9")).as("other accounts are not affected").isZero();
    }

    @Test
    void oneAddressTryingManyAccountsIsSlowedDown() {
        for (int i = 0; i < 5; i++) {
            fail("user" + i, "10.0.0.2", 1);
        }
        assertThat(throttle.waitFor("somebody", "10.0.0.2")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("somebody", "10.0.0.3")).isZero();
    }

    @Test
    void theBackoffIsCappedAndTheWindowForgets() {
        fail("wangfang", null, 40);
        assertThat(throttle.waitFor("wangfang", null)).isEqualTo(Duration.ofMinutes(10));

        now = now.plus(Duration.ofMinutes(16));
        assertThat(throttle.waitFor("wangfang", null)).isZero();
        fail("wangfang", null, 1);
        assertThat(throttle.waitFor("wangfang", null)).as("a new window starts counting at one").isZero();
    }

    @Test
    void aSuccessClearsTheAccount() {
        fail("wangfang", "10.0.0.1", 4);
        throttle.succeeded("wangfang");
        assertThat(throttle.waitFor("wangfang", null)).isZero();
    }

    private void fail(String account, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(account, address);
        }
    }
}
