package cn.majordecision.audit;

import static cn.majordecision.support.Submissions.draft;
import static cn.majordecision.support.Submissions.launch;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.audit.offline.BundleVerifier;
import cn.majordecision.support.CaseDriver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An auditor downloads a case's audit bundle and checks it offline; every kind of tampering is reported. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditBundleIntegrationTests {

    @LocalServerPort
    int port;

    String number;
    byte[] bundle;

    @BeforeEach
    void aCaseWithSomeHistory() throws Exception {
        CaseDriver driver = new CaseDriver(port);
        number = driver.file("审计材料包", Map.of());
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        HttpResponse<byte[]> response = download("xunuo");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains(number + "-audit-bundle.zip");
        bundle = response.body();
    }

    @Test
    void aGenuineBundleVerifiesOfflineAndOnlyAuditorsAndArchivistsGetIt() throws Exception {
        BundleVerifier.Result result = BundleVerifier.verify(bundle, null);
        assertThat(result.problems()).isEmpty();
        assertThat(String.join("\n", result.checked())).contains("条审计日志条目");
        assertThat(download("hefang").statusCode()).isEqualTo(200);
        assertThat(download("wangfang").statusCode()).isEqualTo(403);
        assertThat(download("xunuo", "YHZ-1999-999").statusCode()).isEqualTo(404);
    }

    @Test
    void theJarSaysVerifiedOrWhatIsWrong() throws Exception {
        Path jar = Path.of("target", "major-decision.jar");
        if (!Files.exists(jar)) {
            return; // run by failsafe after packaging; an IDE run without the jar checks the rest
        }
        Path good = Files.write(Files.createTempFile("bundle", ".zip"), bundle);
        Path bad = Files.write(Files.createTempFile("bundle", ".zip"), tamper(json -> json.replaceFirst("\"CASE_FILED\"", "\"CASE_FILEX\"")));
        assertThat(runJar(jar, good)).startsWith("0:").contains("验证通过 / verified");
        assertThat(runJar(jar, bad)).startsWith("1:").contains("已被改动").contains("验证未通过");
    }

    @Test
    void tamperingIsReportedPlainly() throws Exception {
        assertThat(problems(tamper(json -> json.replaceFirst("\"eventType\" : \"CASE_FILED\"", "\"eventType\" : \"CASE_REOPENED\""))))
                .contains("已被改动");
        assertThat(problems(tamper(json -> changeFirstCharacterAfter(json, "\"inclusionProof\" : [ \""))))
                .contains("不在已签名的日志中");
        assertThat(problems(tamper(json -> changeFirstCharacterAfter(json, "\"signature\" : \""))))
                .contains("签名无效");
        String otherKey = Base64.getEncoder().encodeToString(new byte[44]);
        assertThat(String.join("\n", BundleVerifier.verify(bundle, otherKey).problems())).contains("指定的公钥");
    }

    @Test
    void aBundleMissingOneOfItsCaseEntriesIsNotVerifiedAndSaysWhichIsMissing() throws Exception {
        // given a genuine bundle, which says its case's entries are complete
        assertThat(String.join("\n", BundleVerifier.verify(bundle, null).checked())).contains("没有缺失");
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        long[] omitted = {0, 0};

        // when one completed task is left out of it
        byte[] incomplete = tamper(json -> {
            try {
                com.fasterxml.jackson.databind.node.ObjectNode root =
                        (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(json);
                com.fasterxml.jackson.databind.node.ArrayNode entries =
                        (com.fasterxml.jackson.databind.node.ArrayNode) root.path("entries");
                for (int i = 0; i < entries.size(); i++) {
                    if (entries.get(i).path("eventType").asText().equals("TASK_COMPLETED")) {
                        omitted[0] = mapper.readTree(entries.get(i).path("payload").asText()).path("caseEntry").asLong();
                        omitted[1] = entries.get(i).path("sequence").asLong();
                        entries.remove(i);
                        break;
                    }
                }
                return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        // then it is not verified, and the verifier names the case and the number of the entry that is missing
        assertThat(omitted[0]).isGreaterThan(1);
        assertThat(problems(incomplete)).contains("材料包缺少事项 " + number + " 的第 " + omitted[0] + " 条条目",
                "材料包不完整", "case " + number + " entry " + omitted[0] + " is missing");
    }

    @Test
    void aBundleCutShortAtTheEndIsNotVerifiedThoughItsCaseChainIsWhole() throws Exception {
        // given a genuine bundle, whose signed case head names its last entry
        assertThat(String.join("\n", BundleVerifier.verify(bundle, null).checked())).contains("末尾没有缺失");

        // when the case's newest entry is cut off the end: the chain of the rest is still whole
        byte[] cut = tamper(onJson(root -> {
            com.fasterxml.jackson.databind.node.ArrayNode entries = (com.fasterxml.jackson.databind.node.ArrayNode) root.path("entries");
            entries.remove(entries.size() - 1);
            return root;
        }));
        // then the verifier says the end is missing
        assertThat(problems(cut)).contains("末尾的条目被删去", "the last ones were cut off").doesNotContain("材料包不完整");

        // and neither a case head that says fewer entries nor a bundle without one passes
        assertThat(problems(tamper(onJson(root -> {
            ((com.fasterxml.jackson.databind.node.ObjectNode) root.path("caseHead")).put("entries", 1);
            return root;
        })))).contains("事项条目声明的签名无效");
        assertThat(problems(tamper(onJson(root -> {
            root.remove("caseHead");
            return root;
        })))).contains("没有签名的事项条目声明");
    }

    /** An edit of bundle.json as a tree. */
    private static UnaryOperator<String> onJson(UnaryOperator<com.fasterxml.jackson.databind.node.ObjectNode> change) {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        return json -> {
            try {
                return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(
                        change.apply((com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(json)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    /** Replaces the character after the first occurrence of {@code prefix} by a different hex and base64 digit. */
    private static String changeFirstCharacterAfter(String json, String prefix) {
        int at = json.indexOf(prefix) + prefix.length();
        char replacement = json.charAt(at) == '0' ? '1' : '0';
        return json.substring(0, at) + replacement + json.substring(at + 1);
    }

    private String problems(byte[] zip) throws IOException {
        BundleVerifier.Result result = BundleVerifier.verify(zip, null);
        assertThat(result.verified()).isFalse();
        return String.join("\n", result.problems());
    }

    private byte[] tamper(UnaryOperator<String> edit) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bundle))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        String json = new String(files.get("bundle.json"), StandardCharsets.UTF_8);
        String edited = edit.apply(json);
        assertThat(edited).as("the tampering applies").isNotEqualTo(json);
        files.put("bundle.json", edited.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private String runJar(Path jar, Path file) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "verify", file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return process.waitFor() + ":" + output;
    }

    private HttpResponse<byte[]> download(String user) throws Exception {
        return download(user, number);
    }

    private HttpResponse<byte[]> download(String user, String caseNumber) throws Exception {
        String auth = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/audit/cases/" + caseNumber + "/bundle"))
                .header("Authorization", "Basic " + auth).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
