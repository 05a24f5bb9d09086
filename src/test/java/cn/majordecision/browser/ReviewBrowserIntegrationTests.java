package cn.majordecision.browser;

import static cn.majordecision.support.Submissions.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.support.CaseDriver;
import cn.majordecision.support.EngineTime;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The reviewer's pages in a real browser: every task of a case done by the person whose job it is, from the inbox
 * through the claim to the form rendered from its schema; the server's problems next to their fields; overdue first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReviewBrowserIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    Browser browser;
    CaseDriver driver;
    String signedIn;

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
    void aCaseGoesFromFilingToTheArchiveWithEveryTaskDoneInTheBrowserByItsOwnUser() {
        // given a case whose optional stages the flags switch off, apart from the public consultation
        String number = file("中心街路灯改造");

        // when every task is claimed and done through the pages by the person whose job it is
        doTask(number, "Task_DecideLaunch", "zhangwei", launch());
        doTask(number, "Task_DraftDecision", "wangfang", draft());
        doTask(number, "Task_PublishConsultationNotice", "wangfang", consultationNotice());
        new EngineTime(driver).closeConsultation(number);
        doTask(number, "Task_HandlePublicOpinions", "wangfang", opinionHandling());
        doTask(number, "Task_SubmitLegalityPackage", "wangfang", legalityPackage());
        doTask(number, "Task_CheckLegalityMaterials", "wugang", materialsCheck("accept"));
        doTask(number, "Task_GiveLegalOpinion", "sunli", legalOpinion());
        openTask(number, "Task_ConcludeLegality", "wugang");
        assertThat(browser.find("aside").getText()).as("the case beside the form")
                .contains("实施方案（草案）第一稿", "报送合法性审查材料", "出具法律意见", "未发现违法情形");
        browser.screenshot("review-task-legality");
        submit(legalityConclusion("lawful"));
        doTask(number, "Task_RecordMeeting", "zhenghong", meeting("approve"));
        doTask(number, "Task_PreparePartyReport", "wangfang", partyReport());
        doTask(number, "Task_RecordPartyAnswer", "fenglei", partyAnswer("agree"));
        doTask(number, "Task_PublishDecision", "wangfang", publication());
        doTask(number, "Task_ConfirmArchive", "hefang", archive());

        // then the case is archived with every record in the order of the procedure
        JsonNode detail = driver.detail(number);
        assertThat(detail.at("/summary/status/code").asText()).isEqualTo("ARCHIVED");
        assertThat(detail.path("openTasks")).isEmpty();
        assertThat(detail.path("records")).extracting(r -> r.path("taskKey").asText()).containsExactly(
                "Task_DecideLaunch", "Task_DraftDecision", "Task_PublishConsultationNotice",
                "Task_HandlePublicOpinions", "Task_SubmitLegalityPackage", "Task_CheckLegalityMaterials",
                "Task_GiveLegalOpinion", "Task_ConcludeLegality", "Task_RecordMeeting", "Task_PreparePartyReport",
                "Task_RecordPartyAnswer", "Task_PublishDecision", "Task_ConfirmArchive");
        JsonNode opinions = detail.path("records").path(3).at("/data/opinions");
        assertThat(opinions).as("two rows added in the dynamic list").hasSize(2);
        assertThat(opinions.path(0).path("count").isNumber()).isTrue();
        assertThat(detail.path("records").path(8).at("/data/membersPresent")).hasSize(3);
    }

    @Test
    void aMissingRequiredAnswerIsShownNextToItsFieldAndWhatWasTypedStays() {
        // given a legal adviser's open task
        String number = file("镇区农贸市场搬迁");
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.consultAndClose(number);
        driver.complete(number, "Task_HandlePublicOpinions", "wangfang", map("opinionsReceived", 0));
        driver.complete(number, "Task_SubmitLegalityPackage", "wangfang", legalityPackage());
        driver.complete(number, "Task_CheckLegalityMaterials", "wugang", materialsCheck("accept"));
        openTask(number, "Task_GiveLegalOpinion", "sunli");

        // when the opinion is submitted without the adviser's name
        Map<String, Object> withoutName = legalOpinion();
        withoutName.remove("adviserName");
        fill(withoutName);
        press("form[data-review-form] button[type=submit]");

        // then the server's message stands under the name field, and the opinion typed is still there
        WebElement problem = browser.find("#f-adviserName + .invalid-feedback");
        assertThat(problem.getText()).isEqualTo("“姓名”为必填项。");
        assertThat(browser.find("#f-adviserName").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#f-opinion").getDomProperty("value")).isEqualTo("未发现违法情形");
        assertThat(browser.find("form[data-review-form] .alert-danger").getText()).contains("提交的内容有误");
        browser.assertNoConsoleErrors().screenshot("review-task-error");

        // and once the name is given the same form goes through
        browser.type("#f-adviserName", "孙丽");
        press("form[data-review-form] button[type=submit]");
        browser.waitFor(ExpectedConditions.urlMatches(".*/app/tasks$"));
        assertThat(driver.detail(number).path("records")).extracting(r -> r.path("taskKey").asText())
                .contains("Task_GiveLegalOpinion");
    }

    @Test
    void theInboxShowsAnOverdueTaskFirstWithItsMark() {
        // given two launch decisions for the head, one of them long past its due date
        String onTime = file("镇文化站改建");
        String late = file("镇敬老院扩建");
        new EngineTime(driver).setDue(driver.awaitTask(onTime, "Task_DecideLaunch"), clock.instant().plus(3, ChronoUnit.DAYS));
        String lateTask = driver.awaitTask(late, "Task_DecideLaunch");
        new EngineTime(driver).setDue(lateTask, Instant.parse("2001-01-01T00:00:00Z"));

        // when the head opens the inbox
        signIn("zhangwei");
        browser.open("/app/tasks");

        // then the late task heads the list of the group's tasks, marked overdue in words
        WebElement first = browser.find("[data-inbox=offered] tbody tr");
        assertThat(first.getDomAttribute("data-task-id")).isEqualTo(lateTask);
        assertThat(first.getText()).contains(late, "镇敬老院扩建", "决定是否启动决策", "已逾期", "2001年1月1日（周一）08:00前");
        WebElement onTimeRow = browser.find("[data-task-id='" + driver.awaitTask(onTime, "Task_DecideLaunch") + "']");
        assertThat(onTimeRow.getText()).doesNotContain("已逾期");
        browser.assertNoConsoleErrors().screenshot("review-inbox");

        // and to someone not in the head's group the same task does not exist
        signIn("chenming");
        browser.open("/app/tasks/" + lateTask);
        assertThat(browser.text()).contains("未找到该任务。").doesNotContain("镇敬老院扩建");
        browser.assertNoConsoleErrors();
    }

    @Test
    void anExpertDeclaresNoInterestOnTheTaskPageBeforeSeeingTheDraftAndWriting() {
        // given a technical case whose experts were chosen
        String number = driver.file("镇区供水管网改造", Map.of("technical", true, "nonPublic", true));
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.complete(number, "Task_SelectExperts", "wangfang", expertSelection(List.of("chenming", "liuyang", "jixiang")));
        String taskId = driver.awaitTask(number, "Task_WriteExpertOpinion", "chenming");

        // when the expert opens the task: the declaration comes first and the materials are withheld
        signIn("chenming");
        browser.open("/app/tasks");
        press(browser.find("[data-task-id='" + taskId + "'] a"));
        browser.waitForText("利害关系声明");
        assertThat(browser.text()).contains("声明无利害关系后，才能查阅本事项的草案和材料。")
                .doesNotContain("实施方案（草案）第一稿");
        assertThat(browser.all("form[data-review-form]")).isEmpty();
        browser.assertNoConsoleErrors();
        press("#declare-none");
        press("form[action$='/conflict-declaration'] button[type=submit]");

        // then the page shows the draft and the opinion form, which the expert fills in and submits
        browser.find("form[data-review-form] button[type=submit]");
        assertThat(browser.find("aside").getText()).contains("实施方案（草案）第一稿");
        ((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0)");
        browser.assertNoConsoleErrors().screenshot("review-task-expert");
        submit(expertOpinion("陈明"));
        assertThat(browser.all("[data-task-id='" + taskId + "']")).as("the opinion is done").isEmpty();
    }

    /** Filing is the officer's page's job; here the officer files through the API. */
    private String file(String title) {
        return driver.file(title, Map.of());
    }

    private void signIn(String user) {
        if (user.equals(signedIn)) {
            return;
        }
        if (signedIn != null) {
            browser.signOut();
        }
        browser.signIn(user);
        signedIn = user;
    }

    /** Opens the inbox as {@code user}, claims the task there when it is the group's, and lands on its page. */
    private void openTask(String number, String taskKey, String user) {
        String taskId = driver.awaitTask(number, taskKey, user);
        signIn(user);
        browser.open("/app/tasks").assertNoConsoleErrors();
        WebElement row = browser.find("[data-task-id='" + taskId + "']");
        if ("offered".equals(row.findElement(By.xpath("ancestor::table")).getDomAttribute("data-inbox"))) {
            press(row.findElement(By.cssSelector("form[data-api] button")));
        } else {
            press(row.findElement(By.cssSelector("a")));
        }
        browser.waitFor(ExpectedConditions.urlContains("/app/tasks/" + taskId));
        browser.find("form[data-review-form] button[type=submit]");
        browser.assertNoConsoleErrors();
    }

    private void doTask(String number, String taskKey, String user, Map<String, Object> data) {
        openTask(number, taskKey, user);
        submit(data);
    }

    /** Fills the form with the answers and submits it; the page goes back to the inbox. */
    private void submit(Map<String, Object> data) {
        fill(data);
        press("form[data-review-form] button[type=submit]");
        browser.waitFor(ExpectedConditions.or(ExpectedConditions.urlMatches(".*/app/tasks$"),
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[data-review-form] .alert-danger"))));
        assertThat(browser.all("form[data-review-form] .alert-danger")).extracting(WebElement::getText)
                .as("problems on submitting %s", data).isEmpty();
        browser.assertNoConsoleErrors();
    }

    /**
     * Clicks like a person who first scrolls the element into view: Bootstrap's smooth scrolling would otherwise
     * still be moving the page when the browser driver clicks.
     */
    private void press(String css) {
        press(browser.waitFor(ExpectedConditions.elementToBeClickable(By.cssSelector(css))));
    }

    private void press(WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    @SuppressWarnings("unchecked")
    private void fill(Map<String, Object> data) {
        data.forEach((key, value) -> {
            if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
                for (int i = 0; i < list.size(); i++) {
                    if (browser.all("[data-rows='" + key + "'] > [data-row]").size() <= i) {
                        press("[data-add-row='" + key + "']");
                    }
                    String prefix = key + "[" + i + "].";
                    ((Map<String, Object>) list.get(i)).forEach((child, v) -> fillField(prefix + child, v));
                }
            } else {
                fillField(key, value);
            }
        });
    }

    private void fillField(String name, Object value) {
        if (value instanceof List<?> options) {
            options.forEach(option -> press("[name='" + name + "'][value='" + option + "']"));
            return;
        }
        WebElement field = browser.find("[name='" + name + "']");
        String type = field.getDomAttribute("type");
        if (value instanceof Boolean checked) {
            if (field.isSelected() != checked) {
                press(field);
            }
        } else if ("radio".equals(type)) {
            press("[name='" + name + "'][value='" + value + "']");
        } else if ("select".equals(field.getTagName())) {
            new Select(field).selectByValue(String.valueOf(value));
        } else if ("date".equals(type)) {
            // typing into a date input depends on the browser's locale; the value itself is always YYYY-MM-DD
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}))",
                    field, value);
        } else {
            browser.type("[name='" + name + "']", String.valueOf(value));
        }
    }
}
