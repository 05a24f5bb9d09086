package cn.majordecision.browser;

import static cn.majordecision.support.Submissions.launch;
import static cn.majordecision.support.Submissions.map;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import cn.majordecision.support.EngineTime;
import cn.majordecision.support.Submissions;
import cn.majordecision.support.TimePasses;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The public pages, as a citizen without an account uses them: finding an open consultation on a phone, reading the
 * draft, submitting an opinion and keeping the receipt number; reading a published decision with its adoption table
 * and status; and the published catalog.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalBrowserIntegrationTests {

    private static final Pattern RECEIPT = Pattern.compile("回执号：(YJ\\d{8}-[A-Z0-9]{8})");

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    Browser browser;
    CaseDriver driver;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(port);
        driver = new CaseDriver(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aCitizenOnAPhoneSubmitsAnOpinionOnTheDraftAndKeepsTheReceiptNumber() {
        // given a draft open for comment for another 30 days
        String number = openConsultation("镇区公共停车场建设方案", "第一条 在镇政府东侧新建公共停车场，设车位120个。");

        // when a citizen opens the public portal on a phone
        browser.size(Browser.PHONE).open("/portal");

        // then the consultation is listed with its unit and the days left
        WebElement entry = entryFor("镇区公共停车场建设方案");
        assertThat(entry.getText()).contains("镇规划建设办", "还有 30 天截止");
        assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
        browser.assertNoConsoleErrors();
        officeScreenshot("portal-consultations");

        // when they open it
        entry.findElement(By.linkText("镇区公共停车场建设方案")).click();

        // then they read the notice, the draft and its explanation, and the opinion form
        browser.waitForText("征求意见公告");
        assertThat(browser.find("#draft-text").getText()).isEqualTo("第一条 在镇政府东侧新建公共停车场，设车位120个。");
        assertThat(browser.find("#explanation").getText()).isEqualTo("为缓解镇区停车难而起草。");
        assertThat(browser.text()).contains(number, "正在征求意见", "网站留言");
        browser.assertNoConsoleErrors();
        officeScreenshot("portal-consultation");

        // when they send the form with a name and contact but no opinion
        browser.type("#opinion-name", "李明").type("#opinion-contact", "13800000000");
        press("#opinion-form button[type=submit]");

        // then the API's message stands next to the opinion field and what they typed is still there
        WebElement problem = browser.find("#opinion-text + .invalid-feedback");
        assertThat(problem.getText()).isEqualTo("请填写意见内容。");
        assertThat(browser.find("#opinion-text").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#opinion-name").getDomProperty("value")).isEqualTo("李明");
        assertThat(browser.find("#opinion-contact").getDomProperty("value")).isEqualTo("13800000000");

        // when they write the opinion and send it again
        browser.type("#opinion-text", "建议增设非机动车停放区。");
        press("#opinion-form button[type=submit]");

        // then the receipt number is shown, with the advice to keep it, and a file may be attached to it
        browser.waitForText("回执号：YJ");
        WebElement notice = browser.find("#opinion-form .alert-success");
        Matcher receipt = RECEIPT.matcher(notice.getText());
        assertThat(receipt.find()).as(notice.getText()).isTrue();
        assertThat(notice.getText()).contains("妥善保存回执号");
        assertThat(browser.all("#opinion-form .invalid-feedback")).isEmpty();
        assertThat(browser.find("#attachment-form").getText()).contains(receipt.group(1));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})", notice);
        browser.assertNoConsoleErrors().screenshot("portal-receipt");

        // and the opinion reached the undertaking unit's officers, with the name and contact only they see
        JsonNode opinions = driver.as("wangfang").get("/api/cases/" + number + "/opinions").json();
        assertThat(opinions.toString()).contains(receipt.group(1), "建议增设非机动车停放区。", "李明", "13800000000");
    }

    @Test
    void aPublishedDecisionShowsItsAdoptionTableAndTheHeadsSuspensionAtOnce() {
        // given a decision whose consultation received an opinion that was adopted, then closed
        String number = openConsultation("农贸市场夜间经营管理办法", "第一条 农贸市场夜间经营时间为18时至22时。");
        String receipt = Api.anonymous(port).post("/api/public/consultations/" + number + "/opinions",
                map("text", "建议夜间经营延长至23时。")).json().path("receiptNumber").asText();
        new EngineTime(driver).closeConsultation(number);

        // and the opinion answered and the decision taken and published
        Api officer = driver.as("wangfang");
        String opinions = "/api/cases/" + number + "/opinions/" + receipt;
        assertThat(officer.post(opinions + "/screening", map("published", true)).status()).isEqualTo(200);
        assertThat(officer.post(opinions + "/answer", map("adoption", "ADOPTED", "reason", "已调整为22时30分")).status())
                .isEqualTo(200);
        driver.complete(number, "Task_HandlePublicOpinions", "wangfang", Submissions.opinionHandling());
        driver.reviewLegality(number, "lawful");
        driver.approve(number);
        driver.complete(number, "Task_PublishDecision", "wangfang", Submissions.publication());

        // when a citizen, who has looked at the staff sign-in page (and so has a session), opens the published
        // decisions and picks it
        browser.open("/login").open("/portal/decisions");
        WebElement entry = entryFor("农贸市场夜间经营管理办法");
        assertThat(entry.getText()).contains("现行有效", "银政发〔2026〕12号");
        browser.assertNoConsoleErrors();
        entry.findElement(By.linkText("农贸市场夜间经营管理办法")).click();

        // then the decision text, its status and the adoption table with the answer are shown
        browser.waitForText("公众意见采纳情况");
        assertThat(browser.find("#decision-status").getText()).contains("现行有效");
        assertThat(browser.find("#decision-text").getText()).isEqualTo("第一条 农贸市场夜间经营时间为18时至22时。");
        assertThat(browser.find("#adoption-table tbody").getText())
                .contains("建议夜间经营延长至23时。", "采纳", "已调整为22时30分", receipt);
        assertThat(browser.text()).contains("共收到意见 1 条，公开 1 条");
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", browser.find("#adoption-table"));
        browser.assertNoConsoleErrors().screenshot("portal-decision");

        // when the head suspends it
        Api.Response suspended = driver.as("zhangwei").post("/api/cases/" + number + "/suspension",
                map("ground", "CIRCUMSTANCES_CHANGED", "reason", "市场周边道路施工，暂停执行"));
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        browser.open("/portal/decisions/" + number);

        // then the page says so, with the reason
        assertThat(browser.find("#decision-status [data-status]").getText()).isEqualTo("暂停执行");
        assertThat(browser.find("#status-reason").getText()).isEqualTo("市场周边道路施工，暂停执行");

        // when the citizen sends empty feedback, then feedback
        browser.type("#feedback-name", "王小二");
        press("#feedback-form button[type=submit]");
        assertThat(browser.find("#feedback-text + .invalid-feedback").getText()).isEqualTo("请填写反馈内容。");
        assertThat(browser.find("#feedback-name").getDomProperty("value")).isEqualTo("王小二");
        browser.type("#feedback-text", "施工结束后请尽快恢复夜市。");
        press("#feedback-form button[type=submit]");

        // then they get a receipt number for it, and the officers see the feedback
        browser.waitForText("反馈已提交。回执号：");
        browser.assertNoConsoleErrors();
        assertThat(driver.as("wangfang").get("/api/cases/" + number + "/execution/feedback").body())
                .contains("施工结束后请尽快恢复夜市。", "王小二");

        // when they switch to English
        press("nav a[lang=en]");

        // then the same page reads in English, the decision's own text unchanged
        browser.waitForText("How public opinions were adopted");
        assertThat(browser.find("#decision-status [data-status]").getText()).isEqualTo("Suspended");
        assertThat(browser.find("#adoption-table tbody").getText()).contains("Adopted", "建议夜间经营延长至23时。");
        assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        press("nav a[lang=zh-CN]");
        browser.waitForText("公众意见采纳情况").assertNoConsoleErrors();
    }

    @Test
    void aConsultationWhosePeriodHasEndedSaysSoAndTakesNoOpinion() {
        // given a consultation whose period ended ten days ago
        String number = driver.file("镇区道路限速调整方案", Map.of());
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", Submissions.draft());
        driver.complete(number, "Task_PublishConsultationNotice", "wangfang", Submissions.consultationNotice());
        // the record is put back afterwards: on MySQL every integration test shares the database
        try (TimePasses.Restore moved = TimePasses.recordMadeDaysAgo(jdbc, number, "publish-consultation-notice", 40)) {

            // when a citizen opens it on a phone
            browser.size(Browser.PHONE).open("/portal/consultations/" + number);

            // then the page says it has closed, still shows the draft, and offers no form; the open list leaves it out
            assertThat(browser.find("#closed-notice").getText()).contains("本次征求意见已截止");
            assertThat(browser.find("#draft-text").getText()).isEqualTo("实施方案（草案）第一稿");
            assertThat(browser.all("#opinion-form")).isEmpty();
            browser.assertNoConsoleErrors();
            browser.open("/portal");
            assertThat(browser.find("h1").getText()).isEqualTo("正在征求意见的决策草案");
            assertThat(browser.text()).doesNotContain("镇区道路限速调整方案");
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void theCatalogListsThePublishedItemsAndUnknownPagesSaySoPlainly() {
        // given this year's catalog published
        int year = Submissions.today().getYear();
        publishCatalog(year);
        JsonNode published = Api.anonymous(port).get("/api/public/catalogs/" + year).json();

        // when a citizen opens the catalog page
        browser.open("/portal/catalog");

        // then every published item is listed with its unit and planned completion
        WebElement table = browser.find("#catalog-table");
        assertThat(published.path("items")).isNotEmpty();
        for (JsonNode item : published.path("items")) {
            assertThat(table.getText()).contains(item.path("title").asText(), item.path("undertakingUnit").asText(),
                    item.path("plannedCompletion").asText());
        }
        assertThat(browser.find("h1").getText()).isEqualTo(year + " 年度重大行政决策事项目录");
        browser.assertNoConsoleErrors().screenshot("portal-catalog");

        // when they ask for a year without a published catalog
        browser.type("#catalog-year", "1999");
        press("form[action$='/portal/catalog'] button[type=submit]");

        // then the page says so
        browser.waitForText("1999 年度决策事项目录尚未公布。");
        browser.assertNoConsoleErrors();

        // when they follow numbers that do not exist
        browser.open("/portal/decisions/YHZ-1999-999");
        browser.waitForText("没有找到该已公布的决策。");
        browser.open("/portal/consultations/YHZ-1999-999");

        // then each says nothing was found, in Chinese, with a way back
        browser.waitForText("没有找到该征求意见事项。");
        assertThat(browser.text()).contains("HTTP 404", "返回首页");
        browser.assertNoConsoleErrors();
    }

    /** A case of the planning office whose draft is open for comment from today for 30 days. */
    private String openConsultation(String title, String draftText) {
        String number = driver.file(title, Map.of());
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", map("draftText", draftText,
                "draftExplanation", "为缓解镇区停车难而起草。", "lawsReviewed", "《中华人民共和国城乡规划法》"));
        LocalDate today = Submissions.today();
        driver.complete(number, "Task_PublishConsultationNotice", "wangfang", map("channels", List.of("website"),
                "howToSubmit", "网站留言", "periodStart", today.toString(),
                "periodEnd", today.plusDays(30).toString()));
        return number;
    }

    /**
     * This year's catalog, published with at least one item. Another test of the same application may have made it
     * already: then it is completed, not redone.
     */
    private void publishCatalog(int year) {
        Api officer = driver.as("wangfang");
        Api committee = driver.as("fenglei");
        Api.Response catalog = committee.get("/api/catalogs/" + year);
        String status = catalog.status() == 200 ? catalog.json().path("status").path("code").asText() : "NONE";
        if (status.equals("NONE") || status.equals("DRAFT")) {
            Api.Response added = officer.post("/api/catalogs/" + year + "/items", map("title", "银湖镇公共停车场建设",
                    "undertakingUnit", "镇规划建设办", "legalBasis", "《重大行政决策程序暂行条例》",
                    "plannedCompletion", year + "-12-31"));
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
            assertThat(committee.post("/api/catalogs/" + year + "/approval", map("meeting", "镇党委会议")).status())
                    .isEqualTo(200);
        }
        if (!status.equals("PUBLISHED")) {
            Api.Response publication = officer.post("/api/catalogs/" + year + "/publication", "{}");
            assertThat(publication.status()).as(publication.toString()).isEqualTo(200);
        }
    }

    /** Clicks a button after scrolling it to the middle of the (small) screen. */
    private void press(String css) {
        WebElement button = browser.find(css);
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button);
        browser.click(css);
    }

    /** The list entry (card) whose title is this text. */
    private WebElement entryFor(String title) {
        browser.waitForText(title);
        return browser.driver().findElement(By.xpath("//li[contains(@class,'card')][.//a[normalize-space()='" + title + "']]"));
    }

    /** The guide shows the pages at the office size; the journey itself stays on the phone. */
    private void officeScreenshot(String name) {
        browser.size(Browser.OFFICE).screenshot(name).size(Browser.PHONE);
    }
}
