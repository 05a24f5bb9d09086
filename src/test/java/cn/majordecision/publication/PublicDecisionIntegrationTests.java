package cn.majordecision.publication;

import static cn.majordecision.support.Submissions.draft;
import static cn.majordecision.support.Submissions.consultationNotice;
import static cn.majordecision.support.Submissions.launch;
import static cn.majordecision.support.Submissions.map;
import static cn.majordecision.support.Submissions.meeting;
import static cn.majordecision.support.Submissions.opinionHandling;
import static cn.majordecision.support.Submissions.publication;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import cn.majordecision.support.EngineTime;
import cn.majordecision.support.Submissions;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The adoption of public opinions goes into the meeting pack and is published with the decision (Arts. 29, 32); what
 * the public reads holds no name, no contact and no withheld text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicDecisionIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void theAdoptionTableFeedsTheMeetingPackAndIsPublishedWithTheDecisionWithoutPersonalData() throws Exception {
        // given a consultation with three opinions: two alike, one spam with a contact in it
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("农贸市场搬迁方案", Map.of());
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.complete(number, "Task_PublishConsultationNotice", "wangfang", openConsultationNotice());
        Api citizen = Api.anonymous(port);
        String first = submit(citizen, number, map("name", "王五", "contact", "13900000001", "text", "=建议保留早市"));
        String second = submit(citizen, number, map("name", "赵六", "contact", "zhao@example.cn", "text", "=建议保留早市"));
        String spam = submit(citizen, number, map("contact", "13900000003", "text", "广告：低价出售"));
        Api officer = driver.as("wangfang");
        String base = "/api/cases/" + number + "/opinions/";
        officer.post(base + first + "/screening", map("published", true));
        officer.post(base + second + "/screening", map("published", true));
        officer.post(base + spam + "/screening", map("published", false, "reason", "SPAM"));
        officer.post(base + first + "/answer", map("adoption", "PARTLY_ADOPTED", "reason", "早市保留至新市场建成", "wholeGroup", true));

        // when the officers and the head read the adoption table
        JsonNode table = driver.as("zhangwei").get("/api/cases/" + number + "/opinion-adoption").json();
        Api.Response csv = officer.get("/api/cases/" + number + "/opinion-adoption/csv");

        // then alike opinions are one row, counts are kept apart, and nothing personal is in it
        assertThat(table.path("received").asInt()).isEqualTo(3);
        assertThat(table.path("published").asInt()).isEqualTo(2);
        assertThat(table.path("withheld").asInt()).isEqualTo(1);
        assertThat(table.path("rows")).hasSize(1);
        assertThat(table.at("/rows/0/count").asInt()).isEqualTo(2);
        assertThat(table.at("/rows/0/adoptionLabel").asText()).isEqualTo("部分采纳");
        assertThat(table.toString()).doesNotContain("王五", "13900000001", "zhao@example.cn", "广告");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFF序号,回执编号").contains("\"'=建议保留早市\"").contains("部分采纳")
                .doesNotContain("王五", "13900000001", "广告");

        // and the audit log recorded what happened to each opinion, without names
        JsonNode log = driver.as("xunuo").get("/api/audit/cases/" + number + "/timeline").json();
        assertThat(log.toString()).contains("OPINION_RECEIVED", "OPINION_SCREENED", "OPINION_ANSWERED")
                .doesNotContain("13900000001", "王五");

        // when the case goes on to the meeting
        closeConsultationAndHandleOpinions(driver, number);
        driver.reviewLegality(number, "lawful");
        JsonNode pack = driver.as("zhenghong").get("/api/cases/" + number + "/meeting-pack").json();

        // then the meeting pack carries the adoption table
        assertThat(pack.at("/publicOpinionAdoption/rows/0/reason").asText()).isEqualTo("早市保留至新市场建成");

        // and the public sees nothing before publication
        assertThat(citizen.get("/api/public/decisions/" + number).status()).isEqualTo(404);

        // when the decision is made and published
        driver.approve(number);
        driver.complete(number, "Task_PublishDecision", "wangfang", publication());

        // then anyone reads it with its adoption table, and downloads the table
        assertThat(citizen.get("/api/public/decisions").json().findValuesAsText("caseNumber")).contains(number);
        JsonNode published = citizen.get("/api/public/decisions/" + number).json();
        assertThat(published.path("documentNumber").asText()).isEqualTo("银政发〔2026〕12号");
        assertThat(published.path("statusLabel").asText()).isEqualTo("现行有效");
        assertThat(published.path("decisionText").asText()).isNotBlank();
        assertThat(published.at("/publicOpinions/rows/0/count").asInt()).isEqualTo(2);
        assertThat(published.toString()).doesNotContain("王五", "赵六", "13900000001", "zhao@example.cn", "广告");
        Api.Response publicCsv = citizen.get("/api/public/decisions/" + number + "/opinion-adoption/csv");
        assertThat(publicCsv.status()).isEqualTo(200);
        assertThat(publicCsv.body()).contains("早市保留至新市场建成").doesNotContain("王五");
    }

    @Test
    void publicationNeedsTheWebsiteAndTheAdoptionStatementAndThePublicReadsEachChannel() {
        // given a decision made after a public consultation
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("镇区夜市经营管理办法", Map.of());
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.consultAndClose(number);
        driver.complete(number, "Task_HandlePublicOpinions", "wangfang", opinionHandling());
        driver.reviewLegality(number, "lawful");
        driver.approve(number);
        String task = driver.awaitTask(number, "Task_PublishDecision");
        Api officer = driver.as("wangfang");
        officer.post("/api/tasks/" + task + "/claim", "");

        // when the officer records a notice board alone and a blank adoption statement
        Map<String, Object> noticeBoardOnly = map("documentNumber", "银政发〔2026〕15号", "publishedOn",
                Submissions.today().toString(), "channels", java.util.List.of("noticeBoard"),
                "noticeBoardPlace", "镇政府一楼公告栏", "adoptionStatement", "  ");
        Api.Response refused = officer.post("/api/tasks/" + task + "/complete", noticeBoardOnly);

        // then both are refused, each on its field, in Chinese
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().findValuesAsText("field")).contains("channels", "adoptionStatement");
        assertThat(refused.json().findValuesAsText("code")).contains("WEBSITE_REQUIRED", "ADOPTION_STATEMENT_REQUIRED");
        assertThat(refused.body()).contains("政府网站").contains("采纳情况");

        // when it is published in the website and a newspaper, each with its particulars, with the statement
        Map<String, Object> published = map("documentNumber", "银政发〔2026〕15号", "publishedOn",
                Submissions.today().toString(), "channels", java.util.List.of("website", "newspaper", "noticeBoard"),
                "links", "https://www.yinhu.gov.cn/zwgk/jc/15.html", "newspaperIssue", "银湖日报 第2版",
                "noticeBoardPlace", "镇政府一楼公告栏", "adoptionStatement", "收到意见2条，采纳1条，未采纳的已说明理由。");
        Api.Response done = officer.post("/api/tasks/" + task + "/complete", published);
        assertThat(done.status()).as(done.toString()).isEqualTo(200);

        // then the public reads each channel by its name with what was recorded for it, and the statement
        Api citizen = Api.anonymous(port);
        JsonNode decision = citizen.get("/api/public/decisions/" + number).json();
        assertThat(decision.path("channelDetails").findValuesAsText("label")).containsExactly("政府网站", "报刊", "公告栏");
        assertThat(decision.path("channelDetails").findValuesAsText("detail"))
                .containsExactly("https://www.yinhu.gov.cn/zwgk/jc/15.html", "银湖日报 第2版", "镇政府一楼公告栏");
        assertThat(decision.path("adoptionStatement").asText()).isEqualTo("收到意见2条，采纳1条，未采纳的已说明理由。");
        assertThat(decision.path("lateReason").isNull()).isTrue();
        Api.Response page = citizen.get("/portal/decisions/" + number);
        assertThat(page.body()).contains("政府网站").contains("https://www.yinhu.gov.cn/zwgk/jc/15.html").contains("银湖日报 第2版")
                .contains("收到意见2条，采纳1条，未采纳的已说明理由。");

        // and the compliance report finds Art. 32 done, naming the channels
        JsonNode compliance = driver.as("xunuo").get("/api/compliance/cases/" + number).json();
        JsonNode article = null;
        for (JsonNode a : compliance.path("articles")) {
            if (a.path("articles").asText().equals("32")) {
                article = a;
            }
        }
        assertThat(article).isNotNull();
        assertThat(article.path("status").asText()).isEqualTo("DONE");
        assertThat(article.path("finding").asText()).contains("已通过政府网站、报刊、公告栏公布").contains("当日公布");

        // and the auditor's timeline shows the options by their labels, never their codes
        JsonNode timeline = driver.as("xunuo").get("/api/audit/cases/" + number + "/timeline").json();
        java.util.List<String> texts = new java.util.ArrayList<>();
        timeline.forEach(e -> e.path("submission").forEach(f -> texts.add(f.path("key").asText() + "=" + f.path("text").asText())));
        assertThat(texts).contains("legalityConclusion=合法", "meetingDecision=同意",
                "channels=政府网站、报刊、公告栏");
        assertThat(texts).noneMatch(t -> t.startsWith("membersPresent=") && t.contains("approve"));
    }

    @Test
    void aNonPublicDecisionIsNotOnThePublicSide() {
        // given a non-public case
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("镇机关内部考勤制度", Map.of("nonPublic", true));

        // when the public asks for it, then it looks like nothing at all
        Api.Response response = Api.anonymous(port).get("/api/public/decisions/" + number);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("code").asText()).isEqualTo("DECISION_NOT_FOUND");
        assertThat(Api.anonymous(port).get("/api/public/decisions/YHZ-1999-999").status()).isEqualTo(404);
    }

    private static Map<String, Object> openConsultationNotice() {
        return consultationNotice();
    }

    private static String submit(Api citizen, String number, Map<String, Object> opinion) {
        Api.Response response = citizen.post("/api/public/consultations/" + number + "/opinions", opinion);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("receiptNumber").asText();
    }

    private static void closeConsultationAndHandleOpinions(CaseDriver driver, String number) {
        new EngineTime(driver).closeConsultation(number);
        driver.complete(number, "Task_HandlePublicOpinions", "wangfang", opinionHandling());
    }
}
