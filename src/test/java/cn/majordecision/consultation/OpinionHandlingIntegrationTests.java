package cn.majordecision.consultation;

import static cn.majordecision.support.Submissions.draft;
import static cn.majordecision.support.Submissions.launch;
import static cn.majordecision.support.Submissions.map;
import static cn.majordecision.support.Submissions.opinionHandling;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Officers screen and answer every public opinion before the handling stage can be completed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpinionHandlingIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    PublicOpinionRepository opinions;

    @Autowired
    cn.majordecision.cases.CaseService cases;

    @Test
    void theHandlingStageCannotCompleteWhileAnOpinionIsUnansweredAndCanOnceAllAreScreenedAndAnswered() {
        // given a closed consultation with three opinions received, two of them alike
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("社区菜市场迁建方案", Map.of());
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.consultAndClose(number);
        String taskId = driver.awaitTask(number, "Task_HandlePublicOpinions");
        Long caseId = cases.get(number).getId();
        String hash = "a".repeat(64);
        opinions.save(new PublicOpinion(caseId, "YJ20260101-AAAAAAAA", "王五", "13900000000", "建议保留早市", hash, clock.instant()));
        opinions.save(new PublicOpinion(caseId, "YJ20260101-BBBBBBBB", null, null, "建议保留早市", hash, clock.instant()));
        opinions.save(new PublicOpinion(caseId, "YJ20260101-CCCCCCCC", null, null, "广告：低价出售", "b".repeat(64), clock.instant()));
        Api officer = driver.as("wangfang");
        officer.post("/api/tasks/" + taskId + "/claim", "");

        // when the officer tries to complete at once
        Api.Response blocked = officer.post("/api/tasks/" + taskId + "/complete", opinionHandling());

        // then it is refused with the count of unanswered opinions
        assertThat(blocked.status()).as(blocked.toString()).isEqualTo(400);
        assertThat(blocked.body()).contains("OPINIONS_UNANSWERED").contains("还有 3 条");

        // and withholding needs a reason, answering needs the opinion published first
        String base = "/api/cases/" + number + "/opinions/";
        assertThat(officer.post(base + "YJ20260101-CCCCCCCC/screening", map("published", false)).status()).isEqualTo(400);
        assertThat(officer.post(base + "YJ20260101-AAAAAAAA/answer", map("adoption", "ADOPTED", "reason", "有道理")).status())
                .isEqualTo(409);
        assertThat(driver.as("zhangwei").get("/api/cases/" + number + "/opinions").status()).isEqualTo(403);

        // when the officer screens and answers them, the alike pair as one group
        officer.post(base + "YJ20260101-CCCCCCCC/screening", map("published", false, "reason", "SPAM"));
        officer.post(base + "YJ20260101-AAAAAAAA/screening", map("published", true));
        officer.post(base + "YJ20260101-BBBBBBBB/screening", map("published", true));
        JsonNode list = officer.post(base + "YJ20260101-AAAAAAAA/answer",
                map("adoption", "PARTLY_ADOPTED", "reason", "早市保留至新市场建成", "wholeGroup", true)).json();

        // then counts are kept apart, the withheld opinion is still there, and the stage completes
        assertThat(list.path("received").asLong()).isEqualTo(3);
        assertThat(list.path("published").asLong()).isEqualTo(2);
        assertThat(list.path("withheld").asLong()).isEqualTo(1);
        assertThat(list.path("unanswered").asLong()).isZero();
        assertThat(list.path("opinions").findValuesAsText("adoption")).containsExactly("PARTLY_ADOPTED", "PARTLY_ADOPTED", "null");
        assertThat(list.path("opinions").findValuesAsText("withheldReason")).containsExactly("null", "null", "SPAM");
        Api.Response done = officer.post("/api/tasks/" + taskId + "/complete", opinionHandling());
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
    }

    @Test
    void anOpinionWithheldAsOffTopicIsAnsweredWithItsReasonInTheAdoptionTableBeforeTheStageCompletes() {
        // given a closed consultation with one opinion on the matter and one off the matter
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("社区菜市场迁建方案", Map.of());
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.consultAndClose(number);
        String taskId = driver.awaitTask(number, "Task_HandlePublicOpinions");
        Long caseId = cases.get(number).getId();
        opinions.save(new PublicOpinion(caseId, "YJ20260102-DDDDDDDD", "赵六", "13700000000", "建议增设停车位",
                "d".repeat(64), clock.instant()));
        opinions.save(new PublicOpinion(caseId, "YJ20260102-EEEEEEEE", "钱七", "13600000000", "请修一下我家门口的路灯",
                "e".repeat(64), clock.instant()));
        Api officer = driver.as("wangfang");
        officer.post("/api/tasks/" + taskId + "/claim", "");
        String base = "/api/cases/" + number + "/opinions/";
        officer.post(base + "YJ20260102-DDDDDDDD/screening", map("published", true));
        officer.post(base + "YJ20260102-DDDDDDDD/answer", map("adoption", "ADOPTED", "reason", "已增设"));

        // when the other is withheld as off-topic and left at that
        JsonNode screened = officer.post(base + "YJ20260102-EEEEEEEE/screening",
                map("published", false, "reason", "OFF_TOPIC")).json();
        Api.Response blocked = officer.post("/api/tasks/" + taskId + "/complete", opinionHandling());

        // then it still counts as unanswered and the stage cannot complete
        assertThat(screened.path("unanswered").asLong()).isEqualTo(1);
        assertThat(blocked.status()).as(blocked.toString()).isEqualTo(400);
        assertThat(blocked.body()).contains("OPINIONS_UNANSWERED").contains("还有 1 条");

        // when the officer answers it as adopted, then as not applicable with the reason
        Api.Response adopted = officer.post(base + "YJ20260102-EEEEEEEE/answer", map("adoption", "ADOPTED", "reason", "转交"));
        officer.post(base + "YJ20260102-EEEEEEEE/answer",
                map("adoption", "NOT_APPLICABLE", "reason", "路灯维修不属于本事项，已转镇城管办处理"));

        // then adopting a withheld opinion is refused, and the answer appears in the adoption table without the text
        assertThat(adopted.status()).as(adopted.toString()).isEqualTo(400);
        assertThat(adopted.body()).contains("WITHHELD_OPINION_ADOPTION");
        JsonNode table = driver.as("zhangwei").get("/api/cases/" + number + "/opinion-adoption").json();
        assertThat(table.path("rows")).hasSize(2);
        JsonNode row = table.path("rows").path(1);
        assertThat(row.path("withheldReason").asText()).isEqualTo("OFF_TOPIC");
        assertThat(row.path("text").asText()).isEqualTo("（不予公开：与本事项无关）");
        assertThat(row.path("adoptionLabel").asText()).isEqualTo("不适用");
        assertThat(row.path("reason").asText()).isEqualTo("路灯维修不属于本事项，已转镇城管办处理");
        assertThat(table.toString()).doesNotContain("路灯的").doesNotContain("请修一下").doesNotContain("钱七");
        assertThat(table.path("unanswered").asLong()).isZero();
        Api.Response done = officer.post("/api/tasks/" + taskId + "/complete", opinionHandling());
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
    }
}
