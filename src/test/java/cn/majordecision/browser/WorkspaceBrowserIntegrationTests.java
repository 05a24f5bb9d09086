package cn.majordecision.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The frame every page shares: sign-in, the workspace by role, the language switch, sign-out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkspaceBrowserIntegrationTests {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void anOfficerSignsInToAChineseWorkspaceWithTheirOwnAreas() {
        // when
        browser.signIn("wangfang");

        // then
        assertThat(browser.find("h1").getText()).isEqualTo("您好，王芳");
        assertThat(browser.find("nav").getText()).contains("待办", "决策事项", "决策目录", "王芳", "镇规划建设办")
                .doesNotContain("审计查询", "系统管理");
        assertThat(browser.driver().findElement(org.openqa.selenium.By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("zh-CN");
        browser.assertNoConsoleErrors().screenshot("workspace-officer");
    }

    @Test
    void theLanguageSwitchTurnsThePagesIntoEnglishAndRemembersIt() {
        // given
        browser.signIn("xunuo");

        // when
        browser.click("nav a[lang=en]");

        // then
        browser.waitForText("Hello, 许诺");
        assertThat(browser.find("nav").getText()).contains("Tasks", "Audit").doesNotContain("Cases");
        browser.open("/app");
        assertThat(browser.find("h1").getText()).isEqualTo("Hello, 许诺");
        browser.click("nav a[lang=zh-CN]").waitForText("您好，许诺").assertNoConsoleErrors();
    }

    @Test
    void signingOutEndsTheSessionAndTheWorkspaceAsksForSignInAgain() {
        // given
        browser.signIn("admin");
        assertThat(browser.find("nav").getText()).contains("系统管理");

        // when
        browser.signOut();
        browser.open("/app");

        // then
        assertThat(browser.driver().getCurrentUrl()).endsWith("/login");
        assertThat(browser.text()).contains("用户名", "密码");
        browser.assertNoConsoleErrors();
    }

    @Test
    void aMistypedPageAddressIsExplainedOnAPageInTheFrame() {
        // given
        browser.signIn("wangfang");

        // when
        browser.open("/app/reports/annual?year=abc");

        // then
        assertThat(browser.find("main").getText()).contains("无法完成", "参数“year”的值不正确。");
        assertThat(browser.find("nav").getText()).contains("王芳");
        browser.assertNoConsoleErrors();
    }
}
