package cn.majordecision.consultation;

import static cn.majordecision.support.Submissions.draft;
import static cn.majordecision.support.Submissions.launch;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.support.CaseDriver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A burst of opinions from one address is slowed down; other addresses are not affected. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "app.consultation.opinions.burst=3", "app.consultation.opinions.refill=PT10M",
        "app.consultation.trust-forwarded-for=true"})
class OpinionRateLimitIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void aBurstFromOneAddressGets429WithRetryAfterWhileAnotherAddressIsServed() throws Exception {
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("夜市管理办法", Map.of());
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.complete(number, "Task_PublishConsultationNotice", "wangfang", PublicConsultationIntegrationTests.openNotice());

        List<HttpResponse<String>> burst = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            burst.add(submit(number, "203.0.113.7", "意见" + i));
        }
        HttpResponse<String> other = submit(number, "198.51.100.9", "另一位市民的意见");

        assertThat(burst.subList(0, 3)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
        assertThat(burst.subList(3, 6)).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 600L);
            assertThat(r.body()).contains("TOO_MANY_OPINIONS").contains("提交过于频繁");
        });
        assertThat(other.statusCode()).isEqualTo(201);
        String page = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/public/consultations/"
                + number)).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("\"opinionsReceived\":4");
    }

    private HttpResponse<String> submit(String number, String address, String text) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/public/consultations/"
                        + number + "/opinions"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", "10.0.0.1, " + address)
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}")).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
