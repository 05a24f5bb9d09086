package cn.majordecision.browser;

import static cn.majordecision.support.Submissions.draft;
import static cn.majordecision.support.Submissions.launch;
import static cn.majordecision.support.Submissions.map;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.calendar.Deadlines;
import cn.majordecision.calendar.DueText;
import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import cn.majordecision.support.EngineTime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The officer's pages in a real browser: filing a case from the published catalog, the case page with its diagram,
 * documents and timeline, a refused filing, the dashboard's deadlines, the opinions, the catalog and the annual report.
 * Its own context (and so its own empty database): this year's catalog is published here, which other tests must not
 * meet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "app.test.area=officer")
class OfficerBrowserIntegrationTests {

    private static final ZoneId CHINA = Deadlines.CHINA;
    private static final String ITEM_TITLE = "银湖镇老旧小区改造工程";

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    Browser browser;
    CaseDriver driver;

    @BeforeEach
    void openBrowser() {
        driver = new CaseDriver(port);
        browser = new Browser(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void anOfficerFilesACaseFromTheCatalogAndFollowsItOnTheCasePageAndInTheAnnualReport() throws IOException {
        // given this year's catalog, approved by the party committee and published
        String item = publishedCatalogItem();
        browser.signIn("wangfang");

        // when the officer picks the catalog item on the filing page and files the case
        browser.open("/app/cases/new");
        new Select(browser.find("#catalogItem")).selectByValue(item);
        assertThat(browser.find("#title").getDomProperty("value")).isEqualTo(ITEM_TITLE);
        assertThat(browser.find("#flag-hearing").isSelected()).as("the item's hearing is prefilled").isTrue();
        assertThat(browser.find("#outsideCatalogReason").isEnabled()).isFalse();
        fillProposal();
        ((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0)");
        browser.assertNoConsoleErrors().screenshot("officer-new-case");
        press(browser.find("#new-case button[type=submit]"));

        // then the case page shows the case, the diagram with the launch decision as the current step, and the timeline
        browser.waitFor(ExpectedConditions.urlMatches("/app/cases/YHZ-\\d{4}-\\d{3}$"));
        String number = browser.driver().getCurrentUrl().replaceAll(".*/", "");
        assertThat(browser.find("h1").getText()).contains(number, ITEM_TITLE);
        assertThat(browser.find("#case-header").getText()).contains("镇规划建设办", "决策启动", "办理中", item);
        browser.find("#diagram[data-ready='true']");
        WebElement current = browser.find("#diagram g.djs-element.current[data-element-id='Task_DecideLaunch']");
        assertThat(current.getDomAttribute("class")).contains("current");
        assertThat(browser.find("#timeline").getText()).contains("提出决策事项 " + number, "王芳");
        assertThat(browser.find("#open-tasks").getText()).contains("决定是否启动");
        browser.assertNoConsoleErrors().screenshot("officer-case");

        // when the officer uploads a draft and then a new version of it under the same title
        upload("决策草案", "draft-v1.txt", "第一条 改造范围为中心街以北小区。\n第二条 资金由镇财政安排。\n");
        browser.find(".document[data-title='决策草案']");
        upload("决策草案", "draft-v2.txt", "第一条 改造范围为中心街以北小区。\n第二条 资金由镇财政和上级补助共同安排。\n");

        // then the document shows version 2 and what changed from version 1
        WebElement document = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//div[@data-title='决策草案'][.//span[contains(., '第 2 版')]]")));
        assertThat(document.getText()).contains("第 1 版与第 2 版比较：新增 1 行，删除 1 行",
                "- 第二条 资金由镇财政安排。", "+ 第二条 资金由镇财政和上级补助共同安排。");
        assertThat(browser.find("#timeline").getText()).contains("上传材料“决策草案”第 2 版");
        browser.assertNoConsoleErrors();

        // and the annual report of the year it was filed in (its number says which: the year may have turned since)
        // counts the filed case and links the number to it
        String filedIn = number.split("-")[1];
        browser.open("/app/reports/annual?year=" + filedIn);
        WebElement filed = browser.find("tr[data-metric='cases.filed']");
        assertThat(filed.getText()).contains("提出决策事项");
        browser.assertNoConsoleErrors().screenshot("officer-annual-report");
        press(filed.findElement(By.tagName("summary")));
        press(browser.find("tr[data-metric='cases.filed'] a[href='/app/cases/" + number + "']"));
        browser.waitFor(ExpectedConditions.urlContains("/app/cases/" + number));
        assertThat(browser.find("h1").getText()).contains(ITEM_TITLE);

        // and that year's catalog shows the item with its case
        browser.open("/app/catalog?year=" + filedIn);
        assertThat(browser.find("#catalog-items").getText()).contains(ITEM_TITLE, number);
        assertThat(browser.find("#catalog-status").getText()).contains("已公布");
        browser.assertNoConsoleErrors().screenshot("officer-catalog");
    }

    @Test
    void aFilingWithoutATitleShowsTheErrorNextToTheFieldAndKeepsWhatWasTyped() {
        // given
        browser.signIn("liqiang");
        browser.open("/app/cases/new");

        // when the officer files outside the catalog and leaves the title empty
        browser.type("#outsideCatalogReason", "年度目录编制后新发生的事项。");
        fillProposal();
        press(browser.find("#new-case button[type=submit]"));

        // then the API's message is under the title and everything typed is still there
        WebElement problem = browser.find("#title + .invalid-feedback");
        assertThat(problem.getText()).isEqualTo("请填写决策事项名称。");
        assertThat(browser.find("#title").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#problem").getDomProperty("value")).isEqualTo("小区管网老化，雨季积水。");
        assertThat(browser.find("#outsideCatalogReason").getDomProperty("value")).isEqualTo("年度目录编制后新发生的事项。");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/app/cases/new");
        browser.assertNoConsoleErrors();
    }

    @Test
    void leavingOutExpertReviewOnTheFilingPageAsksForItsBasisWhichTheCasePageShows() {
        // given the filing page: expert review and risk assessment are ticked, their basis fields out of sight
        browser.signIn("liqiang");
        browser.open("/app/cases/new");
        assertThat(browser.find("#flag-technical").isSelected()).isTrue();
        assertThat(browser.find("#flag-stabilityRisk").isSelected()).isTrue();
        assertThat(browser.driver().findElement(By.id("basis-technical")).isDisplayed()).isFalse();

        // when the officer unticks expert review and files without saying why
        browser.type("#title", "村级公益性岗位管理办法");
        browser.type("#outsideCatalogReason", "年度目录编制后新发生的事项。");
        fillProposal();
        press(browser.find("#flag-technical"));
        assertThat(browser.find("#basis-technical").isDisplayed()).isTrue();
        press(browser.find("#new-case button[type=submit]"));

        // then the API's message asks for the basis next to it
        WebElement problem = browser.find("#basis-code-technical + .invalid-feedback");
        assertThat(problem.getText()).contains("专业性、技术性较强", "第十九条", "请选择依据");

        // when the officer gives the ground and the particulars and files again
        new Select(browser.find("#basis-code-technical")).selectByValue("NOT_TECHNICAL");
        browser.type("#basis-text-technical", "岗位管理属常规人事事项，不涉及专业技术问题。");
        press(browser.find("#new-case button[type=submit]"));

        // then the case page shows the basis and that the head has not confirmed the flags yet
        browser.waitFor(ExpectedConditions.urlMatches("/app/cases/YHZ-\\d{4}-\\d{3}$"));
        assertThat(browser.find("#skip-bases").getText()).contains("专业性、技术性较强",
                "不涉及专业性、技术性较强的问题：岗位管理属常规人事事项，不涉及专业技术问题。");
        assertThat(browser.find("#flags-confirmed").getText()).contains("尚未");
        browser.assertNoConsoleErrors();
    }

    @Test
    void theDashboardShowsEachCaseWithItsDeadlineAndMarksTheOverdueOnes() {
        // given two cases: one whose launch decision is due in ten days, one whose deadline has passed
        String onTime = driver.file("镇区停车管理办法", Map.of());
        String late = driver.file("镇文化站改扩建工程", Map.of());
        EngineTime time = new EngineTime(driver);
        Instant due = clock.instant().plus(Duration.ofDays(10));
        time.setDue(driver.awaitTask(onTime, "Task_DecideLaunch"), due);
        Instant passed = clock.instant().minus(Duration.ofDays(5));
        time.setDue(driver.awaitTask(late, "Task_DecideLaunch"), passed);

        // when the officer opens the dashboard
        browser.signIn("wangfang");
        browser.open("/app/cases");

        // then each case shows its current step and due date, and the late one is marked overdue in words
        WebElement onTimeRow = browser.find("tr[data-case='" + onTime + "']");
        WebElement lateRow = browser.find("tr[data-case='" + late + "']");
        assertThat(onTimeRow.getText()).contains("镇区停车管理办法", "决策启动", day(due)).doesNotContain("已逾期");
        assertThat(lateRow.getText()).contains("镇文化站改扩建工程", day(passed), "已逾期");
        assertThat(lateRow.getDomAttribute("class")).contains("table-overdue");
        List<WebElement> rows = browser.all("#cases tbody tr");
        assertThat(rows.get(0).getDomAttribute("data-case")).as("overdue first").isEqualTo(late);
        assertThat(browser.text()).contains("有 1 个事项的环节已逾期");
        browser.assertNoConsoleErrors().screenshot("officer-dashboard");

        // and a head, who reads the same cases, sees the same marks
        browser.signOut().signIn("zhangwei").open("/app/cases");
        assertThat(browser.find("tr[data-case='" + late + "']").getText()).contains("已逾期");
        browser.assertNoConsoleErrors();

        // and an expert, whose role may not read case files, is told so as the API would tell them
        browser.signOut().signIn("chenming").open("/app/cases");
        browser.waitForText("您的岗位无权查阅决策事项案卷。");
        assertThat(browser.text()).doesNotContain("镇文化站改扩建工程");
        browser.assertNoConsoleErrors();
    }

    @Test
    void theOfficerScreensAPublicOpinionOnTheOpinionsPage() {
        // given a case in public consultation with an opinion from a citizen
        String number = driver.file("镇农贸市场提升改造方案", Map.of());
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        driver.complete(number, "Task_PublishConsultationNotice", "wangfang", map("channels", List.of("website"),
                "howToSubmit", "网站留言", "periodStart", today.toString(), "periodEnd", today.plusDays(31).toString()));
        Api.Response opinion = Api.anonymous(port).post("/api/public/consultations/" + number + "/opinions",
                map("name", "李四", "contact", "13800000000", "text", "建议保留早市摊位。"));
        assertThat(opinion.status()).as(opinion.toString()).isEqualTo(201);
        String receipt = opinion.json().path("receiptNumber").asText();

        // when the officer opens the opinions from the case page and publishes the opinion
        browser.signIn("wangfang");
        browser.open("/app/cases/" + number);
        press(browser.find("a[href='/app/cases/" + number + "/opinions']"));
        WebElement card = browser.find(".opinion[data-receipt='" + receipt + "']");
        assertThat(card.getText()).contains("建议保留早市摊位。", "李四", "待甄别");
        assertThat(browser.find("#opinion-counts").getText()).isEqualTo("收到 1 条，公开 0 条，不予公开 0 条，尚未答复 1 条。");
        browser.assertNoConsoleErrors().screenshot("officer-opinions");
        press(card.findElement(By.cssSelector("form[action$='/screening'] button[type=submit]")));

        // then the page shows it published
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("opinion-counts"), "公开 1 条"));
        assertThat(browser.find(".opinion[data-receipt='" + receipt + "']").getText()).contains("已公开");
        browser.assertNoConsoleErrors();

        // and the annual report still adds up while the published opinion awaits its answer
        browser.open("/app/reports/annual");
        assertThat(browser.find("tr[data-metric='cases.filed']").getText()).contains("提出决策事项");
        browser.assertNoConsoleErrors();
    }

    private String publishedCatalogItem() {
        int year = LocalDate.now(clock.withZone(CHINA)).getYear();
        Api.Response added = driver.as("wangfang").post("/api/catalogs/" + year + "/items", map("title", ITEM_TITLE,
                "undertakingUnit", "镇规划建设办", "legalBasis", "《城镇老旧小区改造工作方案》",
                "plannedCompletion", year + "-12-31", "procedures", map("hearing", true)));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String item = added.json().path("items").path(0).path("number").asText();
        Api.Response approved = driver.as("fenglei").post("/api/catalogs/" + year + "/approval",
                map("meeting", "镇党委" + year + "年第2次会议"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        Api.Response published = driver.as("zhenghong").post("/api/catalogs/" + year + "/publication", "");
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return item;
    }

    private void fillProposal() {
        browser.type("#problem", "小区管网老化，雨季积水。");
        browser.type("#reasonsAndBasis", "《城镇老旧小区改造工作方案》。");
        browser.type("#initialPlan", "分三年改造十二个小区。");
        browser.type("#necessityAndFeasibility", "群众反映强烈，资金已落实。");
    }

    private void upload(String title, String fileName, String text) throws IOException {
        Path file = Files.createTempDirectory("upload").resolve(fileName);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        browser.type("#doc-title", title);
        browser.find("#doc-file").sendKeys(file.toAbsolutePath().toString());
        String before = browser.find("#timeline").getText();
        press(browser.find("#upload button[type=submit]"));
        // the page reloads after the upload: the timeline is read afresh until it shows the new entry
        browser.waitFor(d -> {
            try {
                return !d.findElement(By.id("timeline")).getText().equals(before);
            } catch (StaleElementReferenceException | NoSuchElementException reloading) {
                return false;
            }
        });
    }

    /**
     * Clicks an element further down the page: Bootstrap scrolls smoothly, so the element is first brought to the middle
     * of the screen at once, where a person would have scrolled to.
     */
    private void press(WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        browser.waitFor(ExpectedConditions.elementToBeClickable(element)).click();
    }

    /**
     * A deadline as the dashboard shows it, without the year ("12月11日（周五）20:53前"), which the page adds only for
     * another year than the current one: a substring of either form, also when the year turns while the test runs.
     */
    private static String day(Instant instant) {
        return DueText.of(instant, LocalDate.ofInstant(instant.minusNanos(1), CHINA), Locale.CHINA);
    }
}
