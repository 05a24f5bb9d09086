package cn.majordecision.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.support.CaseDriver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An administrator keeps users and groups, the expert pool and the working-day calendar in the browser. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminBrowserIntegrationTests {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(port);
    }

    @AfterEach
    void closeBrowser(org.junit.jupiter.api.TestInfo test) throws java.io.IOException {
        // the page the test ended on, for reading a failure
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "screenshots",
                test.getTestMethod().orElseThrow().getName() + ".html"), browser.driver().getPageSource());
        browser.close();
    }

    @Test
    void anAdministratorOpensAnAccountWithGroupsAfterCorrectingTheEmailAndThePersonSignsIn() {
        // given
        browser.signIn("admin");
        browser.open("/app/admin");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/app/admin/users");

        // when the form is sent with a bad e-mail address
        browser.type("#new-userId", "qianli").type("#new-displayName", "钱立").type("#new-unit", "镇规划建设办")
                .type("#new-email", "qianli-at-example").type("#new-password", "an-initial-pw-2026");
        browser.click("#new-group-officers");
        browser.find("#new-password").sendKeys(Keys.ENTER);

        // then the error stands next to the e-mail field and what was typed is kept
        assertThat(browser.find("#new-email + .invalid-feedback").getText()).isEqualTo("电子邮箱格式不正确。");
        assertThat(browser.find("#new-userId").getDomProperty("value")).isEqualTo("qianli");
        assertThat(browser.find("#new-displayName").getDomProperty("value")).isEqualTo("钱立");
        assertThat(browser.find("#new-group-officers").isSelected()).isTrue();
        browser.assertNoConsoleErrors();

        // when the address is corrected
        browser.type("#new-email", "qianli@example.gov.cn");
        browser.find("#new-email").sendKeys(Keys.ENTER);

        // then the account is listed with its group
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-user=qianli]")));
        assertThat(browser.find("tr[data-user=qianli]").getText()).contains("钱立", "镇规划建设办", "承办科室经办人", "启用");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", browser.find("tr[data-user=qianli]"));
        browser.assertNoConsoleErrors().screenshot("admin-users");

        // and the person signs in with the initial password
        // Bootstrap scrolls smoothly: back to the top at once, or the click lands while the page still moves
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("window.scrollTo({top: 0, behavior: 'instant'})");
        browser.signOut();
        browser.open("/login").type("#username", "qianli").type("#password", "an-initial-pw-2026")
                .click("form button[type=submit]");
        browser.waitForText("您好，钱立");
        assertThat(browser.find("nav").getText()).contains("决策事项").doesNotContain("系统管理");
        browser.assertNoConsoleErrors();
    }

    @Test
    void anAdministratorAddsAnExpertToThePoolAndReadsTheCalendarAndSettings() {
        // given an expert account that is not in the pool yet
        var created = new CaseDriver(port).as("admin").post("/api/admin/users", Map.of("userId", "sunhua",
                "displayName", "孙华", "unit", "省城乡规划设计院", "groups", List.of("experts"),
                "password", "expert-pw-2026"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        browser.signIn("admin");
        browser.open("/app/admin/experts");
        assertThat(browser.all("tr[data-expert=sunhua]")).isEmpty();

        // when the administrator adds her
        browser.type("#ex-userId", "sunhua").type("#ex-discipline", "城乡规划").type("#ex-affiliation", "省城乡规划设计院")
                .type("#ex-contact", "0571-12345678");
        browser.find("#ex-contact").sendKeys(Keys.ENTER);

        // then she is in the pool
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-expert=sunhua]")));
        assertThat(browser.find("tr[data-expert=sunhua]").getText()).contains("孙华", "城乡规划", "省城乡规划设计院", "在库");
        browser.assertNoConsoleErrors().screenshot("admin-experts");

        // when the administrator reads the 2026 calendar
        browser.click("a.nav-link[href$='/app/admin/calendar']");
        browser.type("#year", "2026").click("form[method=get] button[type=submit]");

        // then the year's rest days and adjusted working days are shown
        browser.waitForText("2026 年现行安排");
        assertThat(browser.find("#rest-days").getText()).contains("2026-10-01", "2026-01-01");
        assertThat(browser.find("#adjusted-days").getText()).isNotBlank();
        assertThat(Integer.parseInt(browser.find("#working-days").getText())).isBetween(240, 255);
        browser.assertNoConsoleErrors().screenshot("admin-calendar");

        // and the settings in force
        browser.click("a.nav-link[href$='/app/admin/settings']").waitForText("征求意见最少天数");
        assertThat(browser.find("#settings").getText()).contains("银湖镇人民政府", "30");
        browser.assertNoConsoleErrors();
    }
}
