package cn.majordecision.consultation;

import static cn.majordecision.support.Submissions.draft;
import static cn.majordecision.support.Submissions.consultationNotice;
import static cn.majordecision.support.Submissions.launch;
import static cn.majordecision.support.Submissions.map;
import static cn.majordecision.support.Submissions.today;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import cn.majordecision.support.TimePasses;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The public consultation portal as a citizen without an account uses it, and as an abuser tries it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicConsultationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    CaseDriver driver;
    Api citizen;

    @BeforeEach
    void setUp() {
        driver = new CaseDriver(port);
        citizen = Api.anonymous(port);
    }

    static Map<String, Object> openNotice() {
        return map("channels", List.of("website"), "howToSubmit", "网站留言或来信", "periodStart", today().toString(),
                "periodEnd", today().plusDays(31).toString());
    }

    private String openConsultation(String title) {
        String number = driver.file(title, Map.of());
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.complete(number, "Task_PublishConsultationNotice", "wangfang", openNotice());
        return number;
    }

    @Test
    void anyoneSeesAnOpenConsultationAndGetsAReceiptForAnOpinionWithoutPersonalDataShown() {
        // given an open consultation
        String number = openConsultation("老旧小区加装电梯补助办法");

        // when a citizen without an account reads it and submits an opinion with contact details
        JsonNode page = citizen.get("/api/public/consultations/" + number).json();
        Api.Response submitted = citizen.post("/api/public/consultations/" + number + "/opinions",
                map("name", "李四", "contact", "13800000000", "text", "建议补助标准按楼层分档。"));

        // then the page shows the draft, its period and how to take part, and the opinion gets a receipt
        assertThat(page.path("title").asText()).isEqualTo("老旧小区加装电梯补助办法");
        assertThat(page.path("draftText").asText()).isEqualTo("实施方案（草案）第一稿");
        assertThat(page.path("explanation").asText()).isEqualTo("起草说明");
        assertThat(page.path("howToSubmit").asText()).isEqualTo("网站留言或来信");
        assertThat(page.path("open").asBoolean()).isTrue();
        assertThat(page.path("closesAt").asText()).endsWith("+08:00");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        assertThat(submitted.json().path("receiptNumber").asText()).matches("YJ\\d{8}-[A-Z2-9]{8}");
        JsonNode after = citizen.get("/api/public/consultations/" + number).json();
        assertThat(after.path("opinionsReceived").asLong()).isEqualTo(1);
        assertThat(citizen.get("/api/public/consultations").json().findValuesAsText("caseNumber")).contains(number);
        assertThat(submitted.body() + after + citizen.get("/api/public/consultations").body())
                .doesNotContain("13800000000").doesNotContain("李四");
    }

    @Test
    void groupsTheSameTextWithACountInsteadOfDroppingIt() {
        String number = openConsultation("农贸市场改造方案");
        String path = "/api/public/consultations/" + number + "/opinions";

        Api.Response first = citizen.post(path, map("text", "反对拆除东侧摊位"));
        Api.Response second = citizen.post(path, map("text", "  反对拆除东侧摊位 "));
        Api.Response third = citizen.post(path, map("text", "反对  拆除东侧摊位"));

        assertThat(first.json().path("alikeCount").asLong()).isEqualTo(1);
        assertThat(second.json().path("alikeCount").asLong()).isEqualTo(2);
        assertThat(third.json().path("alikeCount").asLong()).isEqualTo(3);
        assertThat(List.of(first, second, third)).extracting(r -> r.json().path("receiptNumber").asText()).doesNotHaveDuplicates();
        assertThat(citizen.get("/api/public/consultations/" + number).json().path("opinionsReceived").asLong()).isEqualTo(3);
    }

    @Test
    void refusesAnOverlongEmptyOrMalformedOpinionAndStoresNothing() {
        String number = openConsultation("公共停车收费标准调整");
        String path = "/api/public/consultations/" + number + "/opinions";

        Api.Response tooLong = citizen.post(path, map("text", "长".repeat(10_000)));
        Api.Response empty = citizen.post(path, map("text", "   "));
        Api.Response malformed = citizen.post(path, "{\"text\": \"未闭合");
        Api.Response unknownField = citizen.post(path, map("text", "好", "idNumber", "110101199001011234"));

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("errors").path(0).path("field").asText()).isEqualTo("text");
        assertThat(tooLong.json().path("errors").path(0).path("message").asText()).contains("5000");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).contains("problem+json");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.body()).doesNotContain("110101199001011234");
        assertThat(citizen.get("/api/public/consultations/" + number).json().path("opinionsReceived").asLong()).isZero();
    }

    @Test
    void returnsScriptInTheTextAsDataExactlyAsTyped() {
        String number = openConsultation("城区绿化养护办法");
        String script = "<script>alert('x')</script> 请增加树木";

        Api.Response submitted = citizen.post("/api/public/consultations/" + number + "/opinions", map("text", script));

        assertThat(submitted.status()).isEqualTo(201);
        assertThat(submitted.contentType()).startsWith("application/json");
        assertThat(submitted.json().path("text").asText()).isEqualTo(script);
    }

    @Test
    void refusesAnOpinionAfterTheClosingInstantWithTheClosingTimeInTheMessage() {
        String number = driver.file("镇区道路命名方案", Map.of());
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.complete(number, "Task_PublishConsultationNotice", "wangfang", consultationNotice());
        // the record is put back afterwards: on MySQL every integration test shares the database
        try (TimePasses.Restore moved = TimePasses.recordMadeDaysAgo(jdbc, number, "publish-consultation-notice", 40)) {
            var end = today().minusDays(10);

            Api.Response late = citizen.post("/api/public/consultations/" + number + "/opinions", map("text", "迟到的意见"));

            assertThat(late.status()).isEqualTo(409);
            assertThat(late.json().path("code").asText()).isEqualTo("CONSULTATION_CLOSED");
            assertThat(late.json().path("detail").asText())
                    .contains("%d年%d月%d日 24:00（北京时间）".formatted(end.getYear(), end.getMonthValue(), end.getDayOfMonth()));
            assertThat(citizen.get("/api/public/consultations/" + number).json().path("open").asBoolean()).isFalse();
            assertThat(citizen.get("/api/public/consultations").json().findValuesAsText("caseNumber")).doesNotContain(number);
        }
    }

    @Test
    void refusesANoticeWhosePeriodBeganBeforeItIsPublishedAndPublishesNothing() {
        // given a case ready for its consultation notice
        String number = driver.file("镇区集贸市场搬迁方案", Map.of());
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        String taskId = driver.awaitTask(number, "Task_PublishConsultationNotice");
        Api officer = driver.as("wangfang");
        officer.post("/api/tasks/" + taskId + "/claim", "");

        // when the officer records today a period that ended yesterday, then one that began yesterday
        Api.Response ended = officer.post("/api/tasks/" + taskId + "/complete", map("channels", List.of("website"),
                "howToSubmit", "网站留言", "periodStart", today().minusDays(32).toString(),
                "periodEnd", today().minusDays(1).toString()));
        Api.Response begun = officer.post("/api/tasks/" + taskId + "/complete", map("channels", List.of("website"),
                "howToSubmit", "网站留言", "periodStart", today().minusDays(1).toString(),
                "periodEnd", today().plusDays(29).toString()));

        // then both are refused on the start date, the task stays open and the public sees no consultation
        for (Api.Response refused : List.of(ended, begun)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().path("errors").findValuesAsText("code")).contains("PERIOD_START_BEFORE_NOTICE");
            assertThat(refused.json().path("errors").findValuesAsText("field")).contains("periodStart");
            assertThat(refused.body()).contains("早于公告在本系统发布的日期 " + today());
        }
        // a period that began yesterday has only 29 days left from today: the urgency reason is asked for too
        assertThat(begun.json().path("errors").findValuesAsText("code")).contains("URGENCY_REASON_REQUIRED");
        assertThat(driver.awaitTask(number, "Task_PublishConsultationNotice")).isEqualTo(taskId);
        assertThat(citizen.get("/api/public/consultations/" + number).status()).isEqualTo(404);

        // when it starts today for 30 days, it is published
        Api.Response lawful = officer.post("/api/tasks/" + taskId + "/complete", consultationNotice());
        assertThat(lawful.status()).as(lawful.toString()).isEqualTo(200);
        assertThat(citizen.get("/api/public/consultations/" + number).json().path("open").asBoolean()).isTrue();
    }

    @Test
    void aCaseWithoutAConsultationOrANonPublicCaseIsNotFound() {
        String plain = driver.file("内部管理制度修订", Map.of());
        String secret = driver.file("涉密项目", Map.of("nonPublic", true));

        assertThat(citizen.get("/api/public/consultations/" + plain).status()).isEqualTo(404);
        assertThat(citizen.get("/api/public/consultations/" + secret).status()).isEqualTo(404);
        assertThat(citizen.post("/api/public/consultations/" + secret + "/opinions", map("text", "x")).status()).isEqualTo(404);
    }

    @Test
    void aCitizenAttachesOneFileToTheirOpinionAndOnlyOfficersSeeIt() throws Exception {
        // given an opinion submitted to an open consultation
        String number = openConsultation("镇区公共停车场收费办法");
        Api citizen = Api.anonymous(port);
        String receipt = citizen.post("/api/public/consultations/" + number + "/opinions",
                map("text", "建议前两小时免费，详见附件测算表。")).json().path("receiptNumber").asText();
        String attachment = "/api/public/consultations/" + number + "/opinions/" + receipt + "/attachment";
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2, 3};

        // when a file named .pdf that is really a web page is attached, it is refused and nothing is kept
        Api.Response mismatch = citizen.upload(attachment, Map.of(), "测算表.pdf", "application/pdf",
                "<html><script>alert(1)</script></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(mismatch.status()).as(mismatch.toString()).isEqualTo(400);
        assertThat(mismatch.json().at("/errors/0/field").asText()).isEqualTo("file");

        // when the citizen attaches an image
        Api.Response attached = citizen.upload(attachment, Map.of(), "测算表.png", "image/png", png);

        // then they get their receipt back, a second file is refused, and an unknown receipt is unknown
        assertThat(attached.status()).as(attached.toString()).isEqualTo(201);
        assertThat(attached.json().path("receiptNumber").asText()).isEqualTo(receipt);
        assertThat(citizen.upload(attachment, Map.of(), "第二个.png", "image/png", png).status()).isEqualTo(409);
        assertThat(citizen.upload("/api/public/consultations/" + number + "/opinions/YJ20000101-XXXXXXXX/attachment",
                Map.of(), "a.png", "image/png", png).status()).isEqualTo(404);

        // and the officer finds it with the opinion and downloads exactly what was sent; the public page shows none of it
        JsonNode opinion = driver.as("wangfang").get("/api/cases/" + number + "/opinions").json().path("opinions").get(0);
        long documentId = opinion.path("attachmentDocumentId").asLong();
        assertThat(documentId).isPositive();
        Api.Download download = driver.as("wangfang").download("/api/cases/" + number + "/documents/" + documentId + "/content");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(png);
        assertThat(citizen.get("/api/public/consultations/" + number).body()).doesNotContain("测算表");
    }
}
