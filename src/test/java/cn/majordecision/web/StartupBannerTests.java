package cn.majordecision.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The start-up block names the pages a person opens, at the port and path the server really has. */
class StartupBannerTests {

    @Test
    void namesThePortalTheSignInPageAndBothGuidesAtTheActualPort() {
        // given
        MockEnvironment env = new MockEnvironment().withProperty("local.server.port", "41234")
                .withProperty("server.port", "8080").withProperty("app.demo.enabled", "true");

        // when
        String text = StartupBanner.text(env);

        // then
        assertThat(text).contains("公众门户 Public portal  http://localhost:41234/\n",
                "登录页面 Sign in        http://localhost:41234/login\n",
                "用户指南 User guide     http://localhost:41234/docs/user-guide.html\n",
                "接口文档 API guide      http://localhost:41234/docs/index.html\n", "README")
                .doesNotContain(":8080", "/api/");
    }

    @Test
    void followsTheContextPathAndHttps() {
        MockEnvironment env = new MockEnvironment().withProperty("local.server.port", "8443")
                .withProperty("server.ssl.enabled", "true").withProperty("server.servlet.context-path", "/decisions");

        assertThat(StartupBanner.text(env)).contains("https://localhost:8443/decisions/login")
                .doesNotContain("README");
    }

    @Test
    void saysNothingWhenNoServerListens() {
        assertThat(StartupBanner.text(new MockEnvironment().withProperty("server.port", "8080"))).isNull();
    }
}
