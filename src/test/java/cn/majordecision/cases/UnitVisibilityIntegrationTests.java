package cn.majordecision.cases;

import static cn.majordecision.support.Submissions.launch;
import static cn.majordecision.support.Submissions.map;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Officers see and act on their own unit's cases; another unit sees one only by a head's grant, and only reads it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnitVisibilityIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void anotherUnitsOfficerIsToldNothingAboutACaseUntilAHeadGrantsReading() {
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("规划建设办的事项", Map.of());
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        String draftTask = driver.awaitTask(number, "Task_DraftDecision");
        Api agriculture = driver.as("liqiang");

        // not in the search, the same 404 as an unknown number, no task in the inbox, task ids unknown
        assertThat(numbers(agriculture.get("/api/cases?number=" + number).json())).doesNotContain(number);
        Api.Response hidden = agriculture.get("/api/cases/" + number);
        Api.Response unknown = agriculture.get("/api/cases/YHZ-1999-999");
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.json().path("code").asText()).isEqualTo(unknown.json().path("code").asText());
        assertThat(agriculture.get("/api/tasks").body()).doesNotContain(draftTask);
        assertThat(agriculture.post("/api/tasks/" + draftTask + "/claim", "").status()).isEqualTo(404);
        assertThat(agriculture.post("/api/cases/" + number + "/withdrawal", map("reason", "x")).status()).isEqualTo(404);
        assertThat(agriculture.get("/api/deadlines").body()).doesNotContain(number);

        // an officer of the same unit sees it and its task; an officer may not file for another unit
        assertThat(driver.as("zhaolei").get("/api/cases/" + number).status()).isEqualTo(200);
        assertThat(driver.as("zhaolei").get("/api/tasks").body()).contains(draftTask);
        Map<String, Object> forOtherUnit = cn.majordecision.support.Submissions.fileCase("代别人立案", Map.of());
        Api.Response refused = agriculture.post("/api/cases", forOtherUnit);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("undertakingUnit");

        // a head grants reading: the agriculture office reads the case but cannot act on it
        Api head = driver.as("zhangwei");
        assertThat(driver.as("wangfang").post("/api/cases/" + number + "/access-grants",
                map("unit", "镇农业农村办", "reason", "协同")).status()).as("only heads grant").isEqualTo(403);
        Api.Response granted = head.post("/api/cases/" + number + "/access-grants",
                map("unit", "镇农业农村办", "reason", "涉及农田水利，请农业农村办会签"));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        assertThat(agriculture.get("/api/cases/" + number).status()).isEqualTo(200);
        assertThat(numbers(agriculture.get("/api/cases?number=" + number).json())).contains(number);
        Api.Response withdraw = agriculture.post("/api/cases/" + number + "/withdrawal", map("reason", "x"));
        assertThat(withdraw.status()).isEqualTo(403);
        assertThat(withdraw.json().path("code").asText()).isEqualTo("UNIT_NOT_YOURS");
        assertThat(agriculture.post("/api/tasks/" + draftTask + "/claim", "").status()).isEqualTo(404);

        // revoked: hidden again, and both changes are in the audit log
        long grantId = granted.json().path("id").asLong();
        assertThat(head.delete("/api/cases/" + number + "/access-grants/" + grantId).status()).isEqualTo(200);
        assertThat(agriculture.get("/api/cases/" + number).status()).isEqualTo(404);
        JsonNode audit = driver.as("xunuo").get("/api/audit/entries?caseNumber=" + number).json();
        assertThat(StreamSupport.stream(audit.spliterator(), false)
                .filter(e -> e.path("eventType").asText().equals("ACCESS_CHANGED")).count()).isEqualTo(2);
    }

    private static java.util.List<String> numbers(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false).map(c -> c.path("number").asText()).toList();
    }
}
