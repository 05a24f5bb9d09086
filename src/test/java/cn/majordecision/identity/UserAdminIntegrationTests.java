package cn.majordecision.identity;

import static cn.majordecision.support.Submissions.map;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import cn.majordecision.support.Submissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

    @Test
    void aSignInNameHasOneSpellingEverywhere() {
        // given a case awaiting the head's launch decision
        CaseDriver driver = new CaseDriver(port);
        String number = Api.as(port, " WangFang ", "demo").post("/api/cases", Submissions.fileCase("大小写核对道路工程",
                java.util.Map.of())).json().path("number").asText();
        assertThat(number).isNotBlank();
        String taskId = driver.awaitTask(number, "Task_DecideLaunch");

        // when the head claims it signed in as ZhangWei
        Api.Response claimed = Api.as(port, "ZhangWei", "demo").post("/api/tasks/" + taskId + "/claim", "");

        // then the task is zhangwei's, zhangwei can work it, and the audit log names zhangwei and wangfang
        assertThat(claimed.status()).as(claimed.toString()).isBetween(200, 204);
        Api.Response task = driver.as("zhangwei").get("/api/tasks/" + taskId);
        assertThat(task.status()).isEqualTo(200);
        assertThat(task.json().at("/task/assignee").asText()).isEqualTo("zhangwei");
        String log = Api.as(port, "xunuo", "demo").get("/api/audit/entries?caseNumber=" + number).body();
        assertThat(log).contains("\"actor\":\"wangfang\"").doesNotContain("WangFang").doesNotContain("ZhangWei");
    }

    @Test
    void anAdministratorSignedInWithAnotherSpellingIsStillHimself() {
        Api shouting = Api.as(port, "ADMIN", "demo");
        assertProblem(shouting.put("/api/admin/users/admin", map("displayName", "系统管理员", "unit", "镇党政办",
                "groups", List.of("officers"), "enabled", true)), 403, "OWN_ACCOUNT");
        assertProblem(shouting.put("/api/admin/users/Admin", map("displayName", "系统管理员", "unit", "镇党政办",
                "groups", List.of("admins"), "enabled", false)), 403, "OWN_ACCOUNT");

        // a new account is stored in the one spelling and signs in with any
        String id = "Case-" + Long.toString(System.nanoTime(), 36);
        Api.Response created = shouting.post("/api/admin/users", map("userId", " " + id + " ", "displayName", "拼写",
                "groups", List.of("officers"), "password", "Spell-2026-start"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("userId").asText()).isEqualTo(id.toLowerCase(java.util.Locale.ROOT));
        assertThat(Api.as(port, id.toUpperCase(java.util.Locale.ROOT), "Spell-2026-start").get("/api/cases").status())
                .isEqualTo(200);
        assertProblem(shouting.post("/api/admin/users", map("userId", id.toUpperCase(java.util.Locale.ROOT),
                "displayName", "重复", "groups", List.of("officers"), "password", "Spell-2026-again")), 409, "USER_EXISTS");
    }

    @Test
    void aPasswordResetOrADisabledAccountEndsItsTokens() {
        // given an account with a bearer token
        Api admin = Api.as(port, "admin", "demo");
        String id = "tok" + Long.toString(System.nanoTime(), 36);
        admin.post("/api/admin/users", map("userId", id, "displayName", "令牌", "groups", List.of("officers"),
                "password", "Token-2026-start"));
        Api bearer = Api.withAuthorization(port, "Bearer " + token(id, "Token-2026-start"));
        assertThat(bearer.get("/api/cases").status()).isEqualTo(200);

        // when the password is reset, the token no longer works
        assertThat(admin.put("/api/admin/users/" + id + "/password", map("password", "Token-2026-second")).status())
                .isEqualTo(204);
        assertThat(bearer.get("/api/cases").status()).isEqualTo(401);

        // a token issued under the new password dies when the account is disabled, and stays dead when it is enabled again
        Api second = Api.withAuthorization(port, "Bearer " + token(id, "Token-2026-second"));
        assertThat(second.get("/api/cases").status()).isEqualTo(200);
        admin.put("/api/admin/users/" + id, map("displayName", "令牌", "groups", List.of("officers"), "enabled", false));
        admin.put("/api/admin/users/" + id, map("displayName", "令牌", "groups", List.of("officers"), "enabled", true));
        assertThat(second.get("/api/cases").status()).isEqualTo(401);
        assertThat(Api.as(port, id, "Token-2026-second").get("/api/cases").status()).isEqualTo(200);
    }

    @Autowired
    DefaultPasswords defaultPasswords;

    @Test
    void theAccountsStillOnTheDemoPasswordAreNamedAndLeaveTheListWhenReset() {
        // given the demo accounts, all on the README's password, and one on a password of its own
        Api admin = Api.as(port, "admin", "demo");
        String id = "own" + Long.toString(System.nanoTime(), 36);
        admin.post("/api/admin/users", map("userId", id, "displayName", "自设密码", "groups", List.of("officers"),
                "password", "Own-2026-password"));

        // then the check names the administrator and the engine operator, and not the account with its own password
        List<String> open = defaultPasswords.accountsWithKnownPassword();
        assertThat(open).contains("admin", "ops", "wangfang").doesNotContain(id);
        assertThat(DefaultPasswords.warning(open)).contains("admin", "ops", "安全警告");
    }

    private String token(String user, String password) {
        Api.Response issued = Api.as(port, user, password).post("/api/auth/tokens", map("label", "脚本", "validHours", 2));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.json().path("token").asText();
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().path("code").asText()).isEqualTo(code);
    }
}
