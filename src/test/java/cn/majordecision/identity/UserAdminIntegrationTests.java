package cn.majordecision.identity;

import static cn.majordecision.support.Submissions.map;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.support.Api;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Administrators keep the user directory; changes take effect at once and are audited. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UserAdminIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void anAdministratorAddsDisablesAndResetsAnAccount() {
        Api admin = Api.as(port, "admin", "demo");
        Api.Response created = admin.post("/api/admin/users", map("userId", "qianlin", "displayName", "钱琳",
                "unit", "镇规划建设办", "email", "qianlin@example.com", "groups", List.of("officers"),
                "password", "Qian-2026-start"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("Qian-2026-start").doesNotContain("passwordHash");
        Api newcomer = Api.as(port, "qianlin", "Qian-2026-start");
        assertThat(newcomer.get("/api/cases").status()).isEqualTo(200);

        // disabled: refused at once, although the password was just verified
        Api.Response disabled = admin.put("/api/admin/users/qianlin", map("displayName", "钱琳", "unit", "镇规划建设办",
                "groups", List.of("officers"), "enabled", false));
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(newcomer.get("/api/cases").status()).isEqualTo(401);

        // enabled again with a new password: the old one no longer works
        admin.put("/api/admin/users/qianlin", map("displayName", "钱琳", "unit", "镇规划建设办",
                "groups", List.of("officers"), "enabled", true));
        assertThat(admin.put("/api/admin/users/qianlin/password", map("password", "Qian-2026-second")).status()).isEqualTo(204);
        assertThat(newcomer.get("/api/cases").status()).isEqualTo(401);
        assertThat(Api.as(port, "qianlin", "Qian-2026-second").get("/api/cases").status()).isEqualTo(200);

        // every change is in the audit log
        String log = Api.as(port, "xunuo", "demo").get("/api/audit/entries?from=0&limit=500").body();
        assertThat(log).contains("USER_CHANGED", "qianlin", "PASSWORD_RESET");
    }

    @Test
    void theDirectoryRulesAreEnforced() {
        Api admin = Api.as(port, "admin", "demo");
        assertProblem(admin.put("/api/admin/users/admin", map("displayName", "系统管理员", "unit", "镇党政办",
                "groups", List.of("admins"), "enabled", false)), 403, "OWN_ACCOUNT");
        assertProblem(admin.post("/api/admin/users", map("userId", "dual", "displayName", "兼任", "groups",
                List.of("admins", "heads"), "password", "Dual-2026-pass")), 400, "VALIDATION_FAILED");
        assertProblem(admin.post("/api/admin/users", map("userId", "weak", "displayName", "弱密码", "groups",
                List.of("officers"), "password", "short")), 400, "VALIDATION_FAILED");
        assertProblem(admin.post("/api/admin/users", map("userId", "ghost", "displayName", "未知岗位", "groups",
                List.of("superusers"), "password", "Ghost-2026-pass")), 400, "VALIDATION_FAILED");
        assertProblem(admin.post("/api/admin/users", map("userId", "wangfang", "displayName", "重复", "groups",
                List.of("officers"), "password", "Dup-2026-passwd")), 409, "USER_EXISTS");
        assertProblem(Api.as(port, "zhangwei", "demo").get("/api/admin/users"), 403, "ADMIN_ONLY");
        assertProblem(admin.put("/api/admin/users/nobody", map("displayName", "无", "groups", List.of("officers"))),
                404, "USER_NOT_FOUND");
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().path("code").asText()).isEqualTo(code);
    }
}
