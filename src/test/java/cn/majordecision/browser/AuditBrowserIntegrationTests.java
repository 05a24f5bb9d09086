package cn.majordecision.browser;

import static cn.majordecision.support.Submissions.draft;
import static cn.majordecision.support.Submissions.launch;
import static cn.majordecision.support.Submissions.legalOpinion;
import static cn.majordecision.support.Submissions.legalityConclusion;
import static cn.majordecision.support.Submissions.legalityPackage;
import static cn.majordecision.support.Submissions.materialsCheck;
import static cn.majordecision.support.Submissions.meeting;
import static cn.majordecision.support.Submissions.partyAnswer;
import static cn.majordecision.support.Submissions.partyReport;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.audit.offline.BundleVerifier;
import cn.majordecision.support.CaseDriver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An auditor searches, reads a case's whole record, verifies the log and downloads what proves it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditBrowserIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;

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
    void anAuditorFindsACaseByNumberAndByPersonReadsItsRecordVerifiesTheLogAndDownloadsTheProof() throws Exception {
        // given a decided case awaiting the archive and a running one (archiving needs a font some machines lack)
        CaseDriver driver = new CaseDriver(port);
        String archived = decidedCase(driver, "镇农贸市场改造方案");
        // in which someone with database access has since rewritten the lawful legality conclusion (Art. 25)
        Map<String, Object> concluded = jdbc.queryForMap("SELECT id, payload FROM stage_record WHERE form_key = "
                + "'conclude-legality' AND case_id = (SELECT id FROM decision_case WHERE case_number = ?)", archived);
        assertThat(jdbc.update("UPDATE stage_record SET payload = REPLACE(payload, '\"lawful\"', '\"revise\"') "
                + "WHERE form_key = 'conclude-legality' AND case_id = (SELECT id FROM decision_case WHERE case_number = ?)",
                archived)).isEqualTo(1);
        try {
            rewrittenConclusionIsFound(driver, archived, ((Number) concluded.get("id")).longValue());
        } finally {
            // on MySQL every integration test shares this database, and later ones verify the whole log
            jdbc.update("UPDATE stage_record SET payload = ? WHERE id = ?", concluded.get("payload"), concluded.get("id"));
        }
    }

    private void rewrittenConclusionIsFound(CaseDriver driver, String archived, long conclusionId) throws Exception {
        String running = driver.file("镇区停车收费调整", Map.of());
        browser.signIn("xunuo");

        // when the auditor searches by number
        browser.open("/app/audit").type("#number", archived).click("form[role=search] button[type=submit]");

        // then only that case is listed
        browser.waitForText("决策事项（共 1 件）");
        assertThat(browser.find("#main table").getText()).contains(archived, "镇农贸市场改造方案", "镇规划建设办", "归档")
                .doesNotContain(running);
        browser.assertNoConsoleErrors();

        // when the auditor searches a person by name
        browser.open("/app/audit").type("#person", "王芳").click("form[role=search] button[type=submit]");

        // then the cases she acted on and what she did are listed
        browser.waitForText("人员的办理记录");
        WebElement person = browser.find("[data-person=wangfang]");
        assertThat(person.getText()).contains("王芳", "wangfang", "经手的事项", archived, running, "立案", "办结任务");
        browser.assertNoConsoleErrors().screenshot("audit-search");

        // when the auditor opens the archived case from the person's list
        clickCentred(person.findElement(By.linkText(archived)));

        // then the timeline shows only her entries (the link filters by person) and the compliance report is there
        browser.waitForText("办理时间线");
        assertThat(browser.text()).contains("合规检查", "已履行", "第 14-15 条", "第 25-28 条");
        assertThat(new Select(browser.find("#f-actor")).getFirstSelectedOption().getText()).isEqualTo("王芳（wangfang）");
        assertThat(browser.all("table.timeline tbody tr")).isNotEmpty()
                .allSatisfy(row -> assertThat(row.findElements(By.tagName("td")).get(4).getText()).startsWith("王芳"));
        clickCentred(browser.find("a.btn-outline-secondary[href$='" + archived + "']"));
        browser.waitForText("立案");
        assertThat(browser.find("table.timeline").getText()).contains("王芳", "张伟", "吴刚", "立案", "办结任务", "生成任务");
        // each breach the compliance check finds is marked in words as well as in red, with its articles
        assertThat(browser.text()).contains("发现违反程序规定的情形");
        assertThat(browser.all("table.compliance tr[data-status=MISSING], table.compliance tr[data-status=VIOLATED]"))
                .isNotEmpty().allSatisfy(row -> assertThat(row.getText()).containsAnyOf("缺少记录", "违反规定")
                        .containsPattern("第 [0-9-]+ 条"));
        // and the rewritten conclusion is named as tampered by the compliance check and marked on its timeline row
        assertThat(browser.find("#compliance .tampered-records").getText()).contains("stage_record #" + conclusionId);
        assertThat(browser.find("table.timeline").getText()).contains("记录与审计日志不符，可能被篡改");
        browser.assertNoConsoleErrors().screenshot("audit-case");

        // when the auditor downloads the audit bundle with her session
        HttpResponse<byte[]> bundle = get(browser.find("#bundle-link").getDomProperty("href"));

        // then it is a zip that verifies offline; the dossier waits for the archive
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("Content-Disposition").orElseThrow()).contains(archived + "-audit-bundle.zip");
        // the rewritten conclusion is the only problem the offline check finds: the log itself is intact
        assertThat(BundleVerifier.verify(bundle.body(), null).problems()).singleElement().asString()
                .contains("业务记录与审计日志不符", "stage_record #" + conclusionId);
        assertThat(browser.text()).contains("事项尚未归档，归档后可下载归档包。");
        assertThat(browser.all("#dossier-link")).isEmpty();

        // when the auditor runs the log verification
        browser.open("/app/audit/log");
        clickCentred(browser.find("#verify"));

        // then the log itself is intact, every entry counted, but the rewritten conclusion is named (ADR 0021)
        browser.waitForText("有业务记录与日志登记的内容不符");
        assertThat(Long.parseLong(browser.find("#checked-entries").getText())).isGreaterThan(20);
        assertThat(browser.find("#verification-result .tampered-records").getText())
                .contains("stage_record #" + conclusionId, archived, "审计日志登记的摘要不符");
        browser.assertNoConsoleErrors().screenshot("audit-verification");
    }

    @Test
    void theAuditorSeesAWithdrawnCasesDossierVersionsAndTheirStatus() {
        // given a withdrawn case, whose dossier is built after the withdrawal
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("镇区夜间施工管理办法", Map.of());
        driver.as("wangfang").post("/api/cases/" + number + "/withdrawal", Map.of("reason", "上级已有统一规定，不再另行决策。"));
        driver.awaitDossier(number, 1);

        // when the auditor opens the case
        browser.signIn("xunuo");
        browser.open("/app/audit/cases/" + number).waitForText("合规检查");

        // then the versions are listed with their status, and the newest ready one can be downloaded
        assertThat(browser.find("#dossier-versions tr[data-version='1']").getText()).contains("已撤回", "已生成");
        assertThat(browser.find("#dossier-link").getDomProperty("href")).endsWith("/api/cases/" + number + "/dossiers/1");
        assertThat(browser.text()).doesNotContain("事项尚未归档");
        browser.assertNoConsoleErrors().screenshot("audit-dossier-versions");
    }

    @Test
    void anOfficerIsRefusedTheAuditPages() {
        // given
        String number = new CaseDriver(port).file("审计页面拒绝测试", Map.of());
        browser.signIn("wangfang");
        assertThat(browser.find("nav").getText()).doesNotContain("审计查询");

        // when / then
        browser.open("/app/audit").waitForText("只有审计人员可以使用审计查询。");
        browser.open("/app/audit/cases/" + number).waitForText("只有审计人员");
        assertThat(browser.text()).doesNotContain("合规检查", "审计包");
        browser.open("/app/audit/log").waitForText("只有审计人员");
        browser.assertNoConsoleErrors();
    }

    /** Clicks an element in the middle of the screen, where nothing can lie over it. */
    private void clickCentred(WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    /** GETs a link as the signed-in browser does: with its session cookie and nothing else. */
    private HttpResponse<byte[]> get(String url) throws Exception {
        String cookie = "JSESSIONID=" + browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String decidedCase(CaseDriver driver, String title) {
        String number = driver.file(title, Map.of("nonPublic", true));
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.complete(number, "Task_SubmitLegalityPackage", "wangfang", legalityPackage());
        driver.complete(number, "Task_CheckLegalityMaterials", "wugang", materialsCheck("accept"));
        driver.complete(number, "Task_GiveLegalOpinion", "sunli", legalOpinion());
        driver.complete(number, "Task_ConcludeLegality", "wugang", legalityConclusion("lawful"));
        driver.complete(number, "Task_RecordMeeting", "zhenghong", meeting("approve"));
        driver.complete(number, "Task_PreparePartyReport", "wangfang", partyReport());
        driver.complete(number, "Task_RecordPartyAnswer", "fenglei", partyAnswer("agree"));
        driver.awaitTask(number, "Task_ConfirmArchive");
        return number;
    }
}
