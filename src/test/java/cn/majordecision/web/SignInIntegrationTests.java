package cn.majordecision.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Browser sign-in with a session, API tokens, throttled guessing and the security headers, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SignInIntegrationTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    LoginThrottle throttle;

    /** The integration tests share one application: the account this class slows down is released afterwards. */
    @AfterEach
    void releaseTheGuessedAccount() {
        throttle.succeeded("zhaomin");
    }

    /** A browser: keeps cookies, does not follow redirects so each step can be checked. */
    class Browser {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).GET().build());
        }

        HttpResponse<String> postForm(String path, Map<String, String> fields) {
            StringBuilder body = new StringBuilder();
            fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        }

        HttpResponse<String> postJson(String path, String json, String csrf) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            if (csrf != null) {
                request.header("X-CSRF-TOKEN", csrf);
            }
            return send(request.build());
        }

        String session() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                    .map(HttpCookie::getValue).findFirst().orElse(null);
        }

        String signIn(String user, String password) {
            String csrf = csrfOf(get("/login").body());
            HttpResponse<String> response = postForm("/login", Map.of("username", user, "password", password, "_csrf", csrf));
            return response.headers().firstValue("Location").orElse("");
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aClerkSignsInWithTheFormGetsANewSessionAndSignsOut() {
        Browser browser = new Browser();
        assertThat(browser.get("/app").headers().firstValue("Location").orElse("")).endsWith("/login");
        HttpResponse<String> page = browser.get("/login");
        assertThat(page.body()).contains("用户名", "密码", "登录");
        String before = browser.session();

        String target = browser.signIn("wangfang", "demo");

        assertThat(URI.create(target).getPath()).isEqualTo("/app");
        assertThat(browser.session()).as("session fixation: a new id after login").isNotNull().isNotEqualTo(before);
        HttpResponse<String> app = browser.get("/app");
        assertThat(app.statusCode()).isEqualTo(200);
        assertThat(app.body()).contains("王芳");
        // the signed-in browser reads the API with its session cookie
        assertThat(browser.get("/api/tasks").statusCode()).isEqualTo(200);

        String logoutCsrf = csrfOf(app.body());
        HttpResponse<String> out = browser.postForm("/logout", Map.of("_csrf", logoutCsrf));
        assertThat(out.headers().firstValue("Location").orElse("")).endsWith("/login?logout");
        assertThat(browser.get("/app").statusCode()).isEqualTo(302);
        assertThat(browser.get("/api/tasks").statusCode()).isEqualTo(401);
    }

    @Test
    void apiRequestsWithoutACookieCreateNoSession() throws Exception {
        // given the server's session count before
        int before = sessions();
        String token = Api.as(port, "wugang", "demo").post("/api/auth/tokens", Map.of("label", "会话计数", "validHours", 1))
                .json().path("token").asText();
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("wugang:demo".getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

        // when anonymous, Basic and Bearer clients call the API 150 times, some refused, some read, some write
        java.util.List<String> cookies = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            for (String authorization : new String[] {null, basic, "Bearer " + token}) {
                for (String path : new String[] {"/api/cases?size=1", "/api/public/catalogs", "/api/nowhere"}) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
                    if (authorization != null) {
                        request.header("Authorization", authorization);
                    }
                    http.send(request.build(), HttpResponse.BodyHandlers.discarding()).headers().allValues("Set-Cookie")
                            .forEach(cookie -> cookies.add(cookie + " <- GET " + path + " " + kind(authorization)));
                }
                HttpRequest.Builder write = HttpRequest.newBuilder(uri("/api/cases/YHZ-2026-999/withdrawal"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"x\"}"));
                if (authorization != null) {
                    write.header("Authorization", authorization);
                }
                http.send(write.build(), HttpResponse.BodyHandlers.discarding()).headers().allValues("Set-Cookie")
                        .forEach(cookie -> cookies.add(cookie + " <- POST " + kind(authorization)));
            }
        }

        // then no response set a session cookie and the server holds no more sessions than before
        assertThat(cookies).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
        assertThat(sessions()).isLessThanOrEqualTo(before);
    }

    @Autowired
    org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext server;

    private static String kind(String authorization) {
        return authorization == null ? "anonymous" : authorization.substring(0, authorization.indexOf(' '));
    }

    private int sessions() {
        var tomcat = (org.springframework.boot.web.embedded.tomcat.TomcatWebServer) server.getWebServer();
        return java.util.Arrays.stream(tomcat.getTomcat().getHost().findChildren())
                .mapToInt(context -> ((org.apache.catalina.Context) context).getManager().getActiveSessions()).sum();
    }

    @Test
    void aNameSpelledInCapitalsOnTheFormOrForATokenIsTheSameAccount() {
        Browser browser = new Browser();
        assertThat(URI.create(browser.signIn(" LiQiang", "demo")).getPath()).isEqualTo("/app");
        assertThat(browser.get("/app").body()).contains("李强");

        Api.Response issued = Api.as(port, "LIQIANG", "demo").post("/api/auth/tokens", Map.of("label", "大小写", "validHours", 1));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        // the token acts as liqiang: his own inbox answers, and his unit's cases are his
        Api bearer = Api.withAuthorization(port, "Bearer " + issued.json().path("token").asText());
        assertThat(bearer.get("/api/tasks").status()).isEqualTo(200);
        assertThat(bearer.delete("/api/auth/tokens/current").status()).isEqualTo(204);
    }

    @Test
    void aWrongPasswordOnTheFormShowsAnErrorAndSignsNobodyIn() {
        Browser browser = new Browser();
        assertThat(browser.signIn("liqiang", "not-the-password")).endsWith("/login?error");
        assertThat(browser.get("/login?error").body()).contains("用户名或密码不正确");
        assertThat(browser.get("/app").statusCode()).isEqualTo(302);
    }

    @Test
    void theFormAndSessionWritesNeedTheCsrfToken() {
        Browser browser = new Browser();
        browser.get("/login");
        // a cross-site form post without the token is refused and signs nobody in
        HttpResponse<String> forged = browser.postForm("/login", Map.of("username", "wangfang", "password", "demo"));
        assertThat(forged.statusCode()).isEqualTo(403);

        browser.signIn("wangfang", "demo");
        HttpResponse<String> noToken = browser.postJson("/api/cases/YHZ-2026-999/withdrawal", "{\"reason\":\"x\"}", null);
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("CSRF_TOKEN_INVALID");

        String token = csrfOf(browser.get("/app").body());
        HttpResponse<String> withToken = browser.postJson("/api/cases/YHZ-2026-999/withdrawal", "{\"reason\":\"x\"}", token);
        assertThat(withToken.statusCode()).as("past CSRF, the unknown case is the answer").isEqualTo(404);
    }

    @Test
    void anApiClientTradesItsPasswordForABearerTokenAndRevokesIt() throws IOException {
        Api.Response issued = Api.as(port, "wugang", "demo").post("/api/auth/tokens", Map.of("label", "统计脚本", "validHours", 2));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String token = issued.json().path("token").asText();
        assertThat(token).startsWith("mdt_");

        Api bearer = Api.withAuthorization(port, "Bearer " + token);
        assertThat(bearer.get("/api/tasks").status()).isEqualTo(200);
        Api.Response minted = bearer.post("/api/auth/tokens", Map.of("label", "再申请"));
        assertThat(minted.status()).isEqualTo(403);
        assertThat(minted.json().path("code").asText()).isEqualTo("TOKEN_NEEDS_PASSWORD");

        assertThat(bearer.delete("/api/auth/tokens/current").status()).isEqualTo(204);
        Api.Response revoked = bearer.get("/api/tasks");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.json().path("code").asText()).isEqualTo("INVALID_TOKEN");
        assertThat(Api.withAuthorization(port, "Bearer mdt_madeup").get("/api/tasks").status()).isEqualTo(401);
    }

    @Test
    void aTokenRequestWithABadValidityOrLabelIsRefused() {
        Api judge = Api.as(port, "wugang", "demo");
        Api.Response tooLong = judge.post("/api/auth/tokens", Map.of("label", "x", "validHours", 100_000));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("errors").get(0).path("field").asText()).isEqualTo("validHours");
        Api.Response noLabel = judge.post("/api/auth/tokens", Map.of("validHours", 1));
        assertThat(noLabel.status()).isEqualTo(400);
        assertThat(noLabel.json().path("errors").get(0).path("field").asText()).isEqualTo("label");
    }

    @Test
    void guessingOnePasswordIsSlowedDownWhileTheRightOneStillWorksElsewhere() {
        Api guesser = Api.as(port, "zhaomin", "guess");
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.get("/api/tasks").status()).isEqualTo(401);
        }
        Api.Response slowed = guesser.get("/api/tasks");
        assertThat(slowed.status()).isEqualTo(429);
        JsonNode problem = slowed.json();
        assertThat(problem.path("code").asText()).isEqualTo("LOGIN_THROTTLED");
        assertThat(problem.path("detail").asText()).contains("秒后再试");
        // even the right password waits: the throttle answers before any password is checked
        assertThat(Api.as(port, "zhaomin", "demo").get("/api/tasks").status()).isEqualTo(429);
        assertThat(Api.as(port, "chenming", "demo").get("/api/tasks").status()).isEqualTo(200);
        // the failures are in the audit log
        StringBuilder log = new StringBuilder();
        for (int from = 0; ; from += 500) {
            JsonNode page = Api.as(port, "xunuo", "demo").get("/api/audit/entries?from=" + from + "&limit=500").json();
            page.forEach(entry -> log.append(entry.path("eventType").asText()).append(' ').append(entry.path("payload")).append('\n'));
            if (page.size() < 500) {
                break;
            }
        }
        assertThat(log.toString().lines().filter(line -> line.startsWith("LOGIN_FAILED") && line.contains("zhaomin")))
                .as("one audit entry per checked wrong password, none for throttled attempts").hasSize(5);
    }

    @Test
    void noPasswordOrTokenReachesTheLog(CapturedOutput log) {
        Api.as(port, "hefang", "Wrong-Guess-7731").get("/api/tasks");
        Browser browser = new Browser();
        browser.signIn("hefang", "Form-Guess-5519");
        String token = Api.as(port, "hefang", "demo").post("/api/auth/tokens", java.util.Map.of("label", "日志检查"))
                .json().path("token").asText();
        Api.withAuthorization(port, "Bearer " + token).get("/api/tasks");
        Api.withAuthorization(port, "Bearer " + token + "x").get("/api/tasks");

        assertThat(log.getAll()).doesNotContain("Wrong-Guess-7731", "Form-Guess-5519", token.substring(4));
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        Browser browser = new Browser();
        for (String path : new String[] {"/login", "/api/cases", "/docs/index.html", "/"}) {
            HttpResponse<String> response = browser.get(path);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).get().asString()
                    .contains("frame-ancestors 'none'");
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String csrfOf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
        return matcher.group(1);
    }
}
