package cn.majordecision.security;

import static cn.majordecision.support.Submissions.launch;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.security.AccessMatrix.Row;
import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Calls every endpoint of the access-control table as every role and as nobody, over real HTTP, and compares the
 * answers with the table. Every endpoint of the application must be in the table. Ids the caller may not know answer
 * exactly like ids that do not exist. Run with {@code -DaccessMatrix.record=true} to print what the application answers
 * now, as table rows, when adding endpoints.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessMatrixIntegrationTests {

    private static final Set<String> NOT_ACCESS_CONTROLLED = Set.of("GET /", "GET /login", "GET /app", "GET /error");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyRoleGetsTheAnswerTheTableSays() throws IOException {
        Fixtures fixtures = new Fixtures(new CaseDriver(port));
        List<Row> rows = new ArrayList<>(AccessMatrix.load());
        boolean record = Boolean.getBoolean("accessMatrix.record");
        if (record) { // probe the endpoints that have no row yet, too
            for (String key : missingFromTable()) {
                Map<String, String> unknown = new LinkedHashMap<>();
                AccessMatrix.ROLES.keySet().forEach(role -> unknown.put(role, "?"));
                rows.add(new Row(key.substring(0, key.indexOf(' ')), key.substring(key.indexOf(' ') + 1), unknown));
            }
        }
        // the pages take no Basic credentials: each role signs in through the login form once, as a browser does
        Map<String, Api> sessions = new java.util.HashMap<>();
        List<String> wrong = new ArrayList<>();
        StringBuilder observed = new StringBuilder();
        for (Row row : rows) {
            Map<String, String> answers = new LinkedHashMap<>();
            for (Map.Entry<String, String> role : AccessMatrix.ROLES.entrySet()) {
                Api api = role.getValue() == null ? Api.anonymous(port)
                        : row.path().startsWith("/app") ? sessions.computeIfAbsent(role.getValue(),
                                user -> Api.signedIn(port, user, CaseDriver.PASSWORD))
                        : Api.as(port, role.getValue(), CaseDriver.PASSWORD);
                Api.Response response = call(api, row.method(), fixtures.resolve(row.path()), fixtures.body(row));
                String answer = classify(response);
                answers.put(role.getKey(), answer);
                String expected = row.expected().get(role.getKey());
                if (!answer.equals(expected)) {
                    wrong.add(row.key() + " as " + role.getKey() + ": expected " + expected + ", got " + response);
                }
                if ("404".equals(expected) && role.getValue() != null && fixtures.hasIds(row.path())) {
                    Api.Response unknown = call(api, row.method(), fixtures.resolveUnknown(row.path()), fixtures.body(row));
                    if (unknown.status() != response.status() || !codeOf(unknown).equals(codeOf(response))) {
                        wrong.add(row.key() + " as " + role.getKey() + ": a hidden id answers " + response
                                + " but an unknown one " + unknown);
                    }
                }
            }
            observed.append(row.method()).append(',').append(row.path()).append(',')
                    .append(String.join(",", answers.values())).append('\n');
        }
        if (record) {
            Files.writeString(Path.of("target", "access-matrix-observed.csv"), observed.toString(), StandardCharsets.UTF_8);
        }
        assertThat(wrong).as("answers that differ from the access-control table").isEmpty();
    }

    @Test
    void everyEndpointOfTheApplicationIsInTheTable() {
        assertThat(missingFromTable()).as("endpoints without a row in security/access-matrix.csv").isEmpty();
    }

    private Set<String> missingFromTable() {
        Set<String> inTable = new TreeSet<>(AccessMatrix.load().stream().map(Row::key).toList());
        Set<String> missing = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getMethodsCondition().getMethods().forEach(method ->
                info.getPatternValues().forEach(path -> {
                    String key = method.name() + " " + path;
                    if (!inTable.contains(key) && !NOT_ACCESS_CONTROLLED.contains(key)) {
                        missing.add(key);
                    }
                })));
        return missing;
    }

    private static String classify(Api.Response response) {
        int status = response.status();
        if (status >= 500) {
            return "5xx";
        }
        if (status == 401 || status == 403 || status == 404) {
            return String.valueOf(status);
        }
        if (status == 302 && response.location().endsWith("/login")) { // a page sends strangers to the login form
            return "401";
        }
        return "ok";
    }

    private static String codeOf(Api.Response response) {
        try {
            return response.json().path("code").asText();
        } catch (IllegalStateException notJson) {
            return "";
        }
    }

    private static Api.Response call(Api api, String method, String path, String body) {
        return switch (method) {
            case "GET" -> api.get(path);
            case "POST" -> api.post(path, body);
            case "PUT" -> api.put(path, body);
            case "DELETE" -> api.delete(path);
            default -> throw new IllegalArgumentException(method);
        };
    }

    /** A case of the officers' unit with a recorded launch decision, an open drafting task and a reading grant. */
    static final class Fixtures {


        private final Map<String, String> ids = new LinkedHashMap<>();

        Fixtures(CaseDriver driver) {
            String number = driver.file("访问控制矩阵", Map.of());
            driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
            String task = driver.awaitTask(number, "Task_DraftDecision");
            var detail = driver.detail(number);
            ids.put("{number}", number);
            ids.put("{taskId}", task);
            ids.put("{recordId}", detail.path("records").path(0).path("id").asText());
            Api.Response instances = driver.as("ops").get("/engine-rest/process-instance?processDefinitionKey=decision-case"
                    + "&businessKey=" + number);
            String instance = instances.json().path(0).path("id").asText();
            assertThat(instance).as("the fixture case's process instance: " + instances).isNotBlank();
            ids.put("{instance}", instance);
            ids.put("access-grants/{id}", "access-grants/" + driver.as("zhangwei").post("/api/cases/" + number + "/access-grants",
                    Map.of("unit", "镇农业农村办", "reason", "矩阵测试")).json().path("id").asText());
            Api.Response document = driver.as("wangfang").upload("/api/cases/" + number + "/documents",
                    Map.of("title", "矩阵测试材料"), "材料.txt", "text/plain", "矩阵测试".getBytes(StandardCharsets.UTF_8));
            assertThat(document.status()).as("the fixture document: " + document).isEqualTo(201);
            ids.put("documents/{id}", "documents/" + document.json().path("id").asText());
            ids.put("{from}", "1");
            ids.put("{to}", "2");
            ids.put("{version}", "1");
            ids.put("notifications/{id}", "notifications/987654321");
            catalog(driver);
            ids.put("experts/{id}", "experts/987654321");
            ids.put("evaluations/{id}", "evaluations/987654321");
            ids.put("reports/{id}", "reports/987654321");
            ids.put("{year}", "2026");
            ids.put("{userId}", "zhaolei");
            ids.put("{receipt}", "YJ20260101-NOSUCHNO");
        }

        /**
         * The 2026 decision catalog, published, with one proposed addition awaiting the party committee. Another test
         * of the same database (or the demo data) may have made the catalog already: then it is completed, not redone.
         */
        private void catalog(CaseDriver driver) {
            Api officer = driver.as("wangfang");
            Api committee = driver.as("fenglei");
            Map<String, Object> item = Map.of("title", "访问控制矩阵目录事项", "undertakingUnit", "镇规划建设办",
                    "legalBasis", "《重大行政决策程序暂行条例》", "plannedCompletion", "2026-12-31");
            Api.Response catalog = committee.get("/api/catalogs/2026");
            String status = catalog.status() == 200 ? catalog.json().path("status").path("code").asText() : "NONE";
            if (status.equals("NONE") || status.equals("DRAFT")) {
                Api.Response added = officer.post("/api/catalogs/2026/items", item);
                assertThat(added.status()).as("the fixture catalog: " + added).isEqualTo(201);
                assertThat(committee.post("/api/catalogs/2026/approval", Map.of("meeting", "矩阵测试会议")).status())
                        .isEqualTo(200);
            }
            if (!status.equals("PUBLISHED")) {
                assertThat(officer.post("/api/catalogs/2026/publication", "{}").status()).isEqualTo(200);
            }
            ids.put("{itemNumber}", committee.get("/api/catalogs/2026").json().path("items").path(0).path("number").asText());
            for (var request : committee.get("/api/catalogs/2026/change-requests").json()) {
                if ("PROPOSED".equals(request.path("status").path("code").asText())) {
                    ids.put("{requestId}", request.path("id").asText());
                    return;
                }
            }
            Api.Response proposed = officer.post("/api/catalogs/2026/change-requests", Map.of("kind", "ADD",
                    "item", item, "reason", "矩阵测试"));
            assertThat(proposed.status()).as("the fixture change request: " + proposed).isEqualTo(201);
            ids.put("{requestId}", proposed.json().path("id").asText());
        }

        String resolve(String path) {
            String resolved = path;
            for (Map.Entry<String, String> id : ids.entrySet()) {
                resolved = resolved.replace(id.getKey(), id.getValue());
            }
            return resolved;
        }

        boolean hasIds(String path) {
            return path.contains("{number}") || path.contains("{taskId}") || path.contains("{instance}");
        }

        /** The same path with the ids one might hide replaced by ids that do not exist. */
        String resolveUnknown(String path) {
            return resolve(path.replace("{number}", "YHZ-1999-999")
                    .replace("{taskId}", "00000000-0000-0000-0000-000000000000")
                    .replace("{instance}", "00000000-0000-0000-0000-000000000000"));
        }

        String body(Row row) {
            if (row.path().endsWith("/user/create")) {
                return "{\"profile\":{\"id\":\"matrixprobe\"},\"credentials\":{\"password\":\"Probe-2026-x\"}}";
            }
            if (row.path().endsWith("/variables")) {
                return "{\"modifications\":{\"matrixProbe\":{\"value\":1}}}";
            }
            return "{}";
        }
    }
}
