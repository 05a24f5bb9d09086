package cn.majordecision.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The oidc profile against an OpenID Connect provider running in the test (discovery, authorization code, token
 * endpoint, RS256-signed ID tokens, JWKS): the full browser flow over real HTTP, groups mapped to ours.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "oidc"})
class OidcSignInIntegrationTests {

    private static final Provider PROVIDER = new Provider();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("OIDC_ISSUER_URI", PROVIDER::issuer);
        registry.add("OIDC_CLIENT_ID", () -> "major-decision");
        registry.add("OIDC_CLIENT_SECRET", () -> "test-secret");
        registry.add("app.oidc.group-mapping.[town/planning/staff]", () -> "officers");
    }

    @AfterAll
    static void stop() {
        PROVIDER.server.stop(0);
    }

    @Test
    void aCivilServantSignsInThroughTheProviderWithTheGroupsItMaps() throws Exception {
        PROVIDER.nextUser = Map.of("sub", "u-1001", "preferred_username", "sunwei", "name", "孙伟",
                "department", "镇规划建设办", "groups", List.of("town/planning/staff", "town/all"));
        HttpClient browser = browser();

        String landed = followSignIn(browser);

        assertThat(landed).as(landed).contains("/app");
        HttpResponse<String> app = browser.send(get("/app"), HttpResponse.BodyHandlers.ofString());
        assertThat(app.body()).contains("孙伟", "镇规划建设办");
        // the session works for the API with the mapped group: an officer of the planning office
        assertThat(browser.send(get("/api/cases"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(browser.send(get("/api/audit/entries"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    }

    @Test
    void anAccountWithoutAMappedGroupIsRefused() throws Exception {
        PROVIDER.nextUser = Map.of("sub", "u-2002", "preferred_username", "visitor", "name", "访客",
                "groups", List.of("town/all"));
        HttpClient browser = browser();

        String landed = followSignIn(browser);

        assertThat(landed).contains("/login?oidcError");
        assertThat(browser.send(get("/app"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(302);
    }

    private String followSignIn(HttpClient browser) throws Exception {
        HttpResponse<String> start = browser.send(get("/oauth2/authorization/gov"), HttpResponse.BodyHandlers.ofString());
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(PROVIDER.issuer() + "/authorize");
        HttpResponse<String> back = browser.send(HttpRequest.newBuilder(URI.create(authorize)).build(),
                HttpResponse.BodyHandlers.ofString());
        String callback = back.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> done = browser.send(HttpRequest.newBuilder(URI.create(callback)).build(),
                HttpResponse.BodyHandlers.ofString());
        return done.headers().firstValue("Location").orElse("");
    }

    private HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build();
    }

    /** A minimal OpenID Connect provider: one client, the code flow, RS256 ID tokens for the next user. */
    static final class Provider {

        final HttpServer server;
        final RSAKey key;
        volatile Map<String, Object> nextUser;
        final Map<String, String> nonces = new ConcurrentHashMap<>();

        Provider() {
            try {
                key = new RSAKeyGenerator(2048).keyID("test-key").generate();
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/.well-known/openid-configuration", exchange -> json(exchange, """
                    {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                     "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                     "id_token_signing_alg_values_supported":["RS256"],"scopes_supported":["openid","profile","email"],
                     "token_endpoint_auth_methods_supported":["client_secret_basic"]}""".formatted(issuer())));
            server.createContext("/jwks", exchange -> json(exchange, new JWKSet(key.toPublicJWK()).toString()));
            server.createContext("/authorize", exchange -> {
                Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
                String code = "code-" + System.nanoTime();
                nonces.put(code, query.getOrDefault("nonce", ""));
                exchange.getResponseHeaders().add("Location", query.get("redirect_uri") + "?code=" + code
                        + "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
            });
            server.createContext("/token", exchange -> {
                Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                String nonce = nonces.remove(form.get("code"));
                if (nonce == null) {
                    exchange.sendResponseHeaders(400, -1);
                    exchange.close();
                    return;
                }
                json(exchange, "{\"access_token\":\"at-" + System.nanoTime() + "\",\"token_type\":\"Bearer\","
                        + "\"expires_in\":300,\"id_token\":\"" + idToken(nonce) + "\"}");
            });
            server.start();
        }

        String issuer() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        /**
         * The provider is another system: it stamps its tokens with the world's time, not with our (possibly shifted)
         * application clock, and the sign-in checks them against the system clock as it would a real provider's.
         */
        private String idToken(String nonce) {
            Instant issued = Clock.systemUTC().instant();
            try {
                JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer()).audience("major-decision")
                        .issueTime(Date.from(issued)).expirationTime(Date.from(issued.plusSeconds(300)))
                        .claim("nonce", nonce);
                nextUser.forEach(claims::claim);
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                        claims.build());
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private static void json(HttpExchange exchange, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        private static Map<String, String> query(String raw) {
            if (raw == null || raw.isEmpty()) {
                return Map.of();
            }
            return Arrays.stream(raw.split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
                    p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                    p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "", (a, b) -> a));
        }
    }
}
