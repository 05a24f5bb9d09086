package cn.majordecision.catalog;

import static cn.majordecision.support.Submissions.map;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import cn.majordecision.support.Submissions;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The decision catalog over HTTP: drafted by officers, approved by the party committee, published for anybody, changed
 * only by approved change requests, and the cases filed against its items. Each test keeps to its own year.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogIntegrationTests {

    @LocalServerPort
    int port;

    private CaseDriver driver() {
        return new CaseDriver(port);
    }

    static Map<String, Object> item(String title, String planned, Map<String, Boolean> procedures) {
        return map("title", title, "undertakingUnit", "镇规划建设办",
                "legalBasis", "《中华人民共和国城乡规划法》；镇国民经济和社会发展第十四个五年规划纲要。",
                "procedures", procedures, "plannedCompletion", planned);
    }

    private String addItem(int year, Map<String, Object> item) {
        Api.Response added = driver().as("wangfang").post("/api/catalogs/" + year + "/items", item);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        JsonNode items = added.json().path("items");
        return items.path(items.size() - 1).path("number").asText();
    }

    private void approve(int year) {
        Api.Response approved = driver().as("fenglei").post("/api/catalogs/" + year + "/approval",
                map("meeting", "镇党委" + year + "年第2次会议"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    }

    @Test
    void aDraftedCatalogIsApprovedByThePartyCommitteeThenPublishedForAnybodyAsJsonAndCsv() {
        // given an officer's draft with two items, one of them lawfully not disclosed
        String road = addItem(2031, item("镇区道路提升改造规划", "2031-10-31", Map.of("technical", true, "hearing", true)));
        addItem(2031, item("应急物资储备点选址", "2031-06-30", Map.of("nonPublic", true)));
        Api anybody = Api.anonymous(port);
        assertThat(road).isEqualTo("ML-2031-01");
        assertThat(anybody.get("/api/public/catalogs/2031").status()).isEqualTo(404);

        // when it is published before approval, or a head tries to approve it
        Api.Response early = driver().as("zhenghong").post("/api/catalogs/2031/publication", "{}");
        Api.Response byHead = driver().as("zhangwei").post("/api/catalogs/2031/approval", map("meeting", "镇长办公会"));

        // then both are refused
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.json().path("detail").asText()).contains("草拟中").contains("须经党委同意");
        assertThat(byHead.status()).as(byHead.toString()).isEqualTo(403);

        // when the party committee approves it
        approve(2031);

        // then the catalog can no longer be edited directly: the refusal names its state
        Api.Response edit = driver().as("wangfang").put("/api/catalogs/2031/items/" + road,
                item("镇区道路提升改造规划（修改）", "2031-12-31", Map.of()));
        assertThat(edit.status()).as(edit.toString()).isEqualTo(409);
        assertThat(edit.json().path("code").asText()).isEqualTo("CATALOG_NOT_DRAFT");
        assertThat(edit.json().path("detail").asText()).contains("已经党委同意").contains("调整申请");
        Api.Response add = driver().as("wangfang").post("/api/catalogs/2031/items", item("新增事项", "2031-12-31", Map.of()));
        assertThat(add.status()).as(add.toString()).isEqualTo(409);

        // when the party and government office publishes it
        Api.Response published = driver().as("zhenghong").post("/api/catalogs/2031/publication", "");
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.json().path("status").path("code").asText()).isEqualTo("PUBLISHED");

        // then anybody reads it without login, without the non-disclosed item and without who drafted it
        Api.Response page = anybody.get("/api/public/catalogs/2031");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        JsonNode items = page.json().path("items");
        assertThat(items).hasSize(1);
        assertThat(items.path(0).path("title").asText()).isEqualTo("镇区道路提升改造规划");
        assertThat(items.path(0).path("hearing").asBoolean()).isTrue();
        assertThat(items.path(0).path("steps").toString()).contains("听证").contains("专家论证").contains("合法性审查");
        assertThat(items.path(0).path("plannedCompletion").asText()).isEqualTo("2031-10-31");
        assertThat(page.json().path("approvalMeeting").asText()).isEqualTo("镇党委2031年第2次会议");
        assertThat(page.body()).doesNotContain("wangfang").doesNotContain("应急物资");

        // and as CSV in UTF-8 with a byte order mark
        Api.Response csv = anybody.get("/api/public/catalogs/2031.csv");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFF事项编号,事项名称,承办单位");
        assertThat(csv.body()).contains("ML-2031-01,镇区道路提升改造规划,镇规划建设办").contains("2031-10-31")
                .doesNotContain("应急物资");

        // and the approval and the publication are in the audit log
        assertThat(catalogAudit(2031)).contains("CATALOG_ITEM_DRAFTED", "CATALOG_APPROVED", "CATALOG_PUBLISHED");
    }

    @Test
    void aChangeToAnApprovedCatalogAppliesOnlyOnceThePartyCommitteeApprovesItAndIsLogged() {
        // given an approved catalog
        String market = addItem(2032, item("集贸市场搬迁规划", "2032-06-30", Map.of()));
        approve(2032);
        Api officer = driver().as("wangfang");
        Api committee = driver().as("fenglei");

        // when an officer proposes to postpone the item
        Api.Response proposed = officer.post("/api/catalogs/2032/change-requests", map("kind", "CHANGE",
                "itemNumber", market, "item", item("集贸市场搬迁规划", "2032-12-31", Map.of("stabilityRisk", true)),
                "reason", "选址论证需要补充交通影响评价。"));

        // then nothing changes until the party committee decides
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        assertThat(proposed.json().path("status").path("code").asText()).isEqualTo("PROPOSED");
        long id = proposed.json().path("id").asLong();
        JsonNode before = officer.get("/api/catalogs/2032").json();
        assertThat(before.path("items").path(0).path("plannedCompletion").asText()).isEqualTo("2032-06-30");
        assertThat(before.path("pendingChangeRequests").asLong()).isEqualTo(1);
        assertThat(officer.post("/api/catalogs/2032/change-requests/" + id + "/approval", map("decision", "APPROVED"))
                .status()).isEqualTo(403);

        // when the party committee approves it
        Api.Response decided = committee.post("/api/catalogs/2032/change-requests/" + id + "/approval",
                map("decision", "APPROVED", "opinion", "同意调整。"));

        // then the change applies, and it cannot be decided twice
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(decided.json().path("status").path("code").asText()).isEqualTo("APPROVED");
        JsonNode after = officer.get("/api/catalogs/2032").json().path("items").path(0);
        assertThat(after.path("plannedCompletion").asText()).isEqualTo("2032-12-31");
        assertThat(after.path("procedures").path("stabilityRisk").asBoolean()).isTrue();
        assertThat(committee.post("/api/catalogs/2032/change-requests/" + id + "/approval",
                map("decision", "REJECTED", "opinion", "再议")).status()).isEqualTo(409);

        // when an addition is rejected (a reason is required) and another approved
        long rejected = officer.post("/api/catalogs/2032/change-requests", map("kind", "ADD",
                "item", item("镇区停车场建设", "2032-09-30", Map.of()), "reason", "群众反映停车难。")).json().path("id").asLong();
        assertThat(committee.post("/api/catalogs/2032/change-requests/" + rejected + "/approval",
                map("decision", "REJECTED")).status()).isEqualTo(400);
        assertThat(committee.post("/api/catalogs/2032/change-requests/" + rejected + "/approval",
                map("decision", "REJECTED", "opinion", "资金未落实，明年再议。")).status()).isEqualTo(200);
        long added = officer.post("/api/catalogs/2032/change-requests", map("kind", "ADD",
                "item", item("镇区公厕改造", "2032-11-30", Map.of()), "reason", "纳入县改厕计划。")).json().path("id").asLong();
        Api.Response addition = committee.post("/api/catalogs/2032/change-requests/" + added + "/approval",
                map("decision", "APPROVED"));

        // then only the approved addition is in the catalog, with the next number
        assertThat(addition.json().path("itemNumber").asText()).isEqualTo("ML-2032-02");
        JsonNode items = officer.get("/api/catalogs/2032").json().path("items");
        assertThat(items.findValuesAsText("title")).containsExactly("集贸市场搬迁规划", "镇区公厕改造");
        JsonNode requests = committee.get("/api/catalogs/2032/change-requests").json();
        assertThat(requests.findValuesAsText("reason")).hasSize(3);

        // and every proposal and every decision is in the audit log
        List<String> audit = catalogAudit(2032);
        assertThat(audit.stream().filter("CATALOG_CHANGE_PROPOSED"::equals)).hasSize(3);
        assertThat(audit.stream().filter("CATALOG_CHANGE_DECIDED"::equals)).hasSize(3);
    }

    @Test
    void aCaseFiledAgainstAnItemTakesItsProceduresAndShowsInTheCatalogWithItsStatus() {
        // given an approved item that needs expert review and a hearing
        String item = addItem(2033, item("老旧小区改造实施方案", "2033-12-31", Map.of("technical", true, "hearing", true)));
        approve(2033);

        // when an officer files a case against it without setting flags
        Map<String, Object> filing = Submissions.fileAgainstItem("老旧小区改造实施方案", item);
        Api.Response filed = driver().as("wangfang").post("/api/cases", filing);

        // then the case has the item's procedures and links to it
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String number = filed.json().path("number").asText();
        JsonNode detail = driver().detail(number);
        assertThat(detail.path("flags").path("technical").asBoolean()).isTrue();
        assertThat(detail.path("flags").path("hearing").asBoolean()).isTrue();
        // and risk assessment, which a catalog item requires unless it says otherwise
        assertThat(detail.path("flags").path("stabilityRisk").asBoolean()).isTrue();
        assertThat(detail.path("proposal").path("catalogItem").asText()).isEqualTo(item);

        // and the catalog shows the case with its status
        JsonNode shown = driver().as("zhangwei").get("/api/catalogs/2033").json().path("items").path(0);
        assertThat(shown.path("caseNumber").asText()).isEqualTo(number);
        assertThat(shown.path("caseStatus").path("code").asText()).isEqualTo("ACTIVE");
        assertThat(shown.path("caseStatus").path("label").asText()).isEqualTo("办理中");
        assertThat(shown.path("overdue").asBoolean()).isFalse();

        // and a second active case for the same item, or a case for an unknown item, is refused
        Api.Response again = driver().as("wangfang").post("/api/cases", filing);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().path("detail").asText()).contains(number);
        filing.put("catalogItem", "ML-2033-99");
        Api.Response unknown = driver().as("wangfang").post("/api/cases", filing);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.body()).contains("CATALOG_ITEM_UNKNOWN");
    }

    @Test
    void aCaseAsksNoLessThanItsCatalogItemsApprovedProceduresOnFilingOrRevision() {
        // given an approved item that requires a hearing, expert review and risk assessment (left to their default)
        String item = addItem(2036, item("镇区集中供热管网建设", "2036-12-31", Map.of("hearing", true)));
        approve(2036);

        // when an officer files against it without expert review (with a basis), or without the hearing
        Map<String, Object> noExperts = Submissions.fileAgainstItem("镇区集中供热管网建设", item);
        noExperts.put("flags", map("technical", false));
        noExperts.put("skipBases", Submissions.skipBases(Map.of("technical", false)));
        Api.Response weaker = driver().as("wangfang").post("/api/cases", noExperts);
        Map<String, Object> noHearing = Submissions.fileAgainstItem("镇区集中供热管网建设", item);
        noHearing.put("flags", map("hearing", false, "marketActivity", true));
        Api.Response withoutHearing = driver().as("wangfang").post("/api/cases", noHearing);

        // then both are refused, naming the flag and the item, and nothing is filed
        assertThat(weaker.status()).as(weaker.toString()).isEqualTo(400);
        assertThat(weaker.json().at("/errors/0/field").asText()).isEqualTo("flags.technical");
        assertThat(weaker.json().at("/errors/0/code").asText()).isEqualTo("WEAKER_THAN_CATALOG_ITEM");
        assertThat(weaker.json().at("/errors/0/message").asText()).contains(item).contains("镇区集中供热管网建设")
                .contains("专业性、技术性较强");
        assertThat(withoutHearing.json().at("/errors/0/field").asText()).isEqualTo("flags.hearing");
        assertThat(driver().as("zhangwei").get("/api/catalogs/2036").json().at("/items/0/caseNumber").isTextual()).isFalse();

        // when the officer files asking for more than the item (a fair-competition note), then revises it below
        Map<String, Object> more = Submissions.fileAgainstItem("镇区集中供热管网建设", item);
        more.put("flags", map("marketActivity", true));
        Api.Response filed = driver().as("wangfang").post("/api/cases", more);
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String number = filed.json().path("number").asText();
        Api.Response revised = driver().as("wangfang").put("/api/cases/" + number + "/flags",
                map("flags", map("stabilityRisk", false), "reason", "经研判不涉及社会稳定",
                        "skipBases", Submissions.skipBases(Map.of("stabilityRisk", false))));
        Api.Response extraDropped = driver().as("wangfang").put("/api/cases/" + number + "/flags",
                map("flags", map("marketActivity", false), "reason", "不涉及市场主体"));

        // then the item's risk assessment stays, while what the officer added beyond the item may be dropped
        assertThat(revised.status()).as(revised.toString()).isEqualTo(400);
        assertThat(revised.json().at("/errors/0/field").asText()).isEqualTo("flags.stabilityRisk");
        assertThat(extraDropped.status()).as(extraDropped.toString()).isEqualTo(200);
        JsonNode flags = driver().detail(number).path("flags");
        assertThat(flags.path("technical").asBoolean()).isTrue();
        assertThat(flags.path("stabilityRisk").asBoolean()).isTrue();
        assertThat(flags.path("hearing").asBoolean()).isTrue();
        assertThat(flags.path("marketActivity").asBoolean()).isFalse();
    }

    @Test
    void aCaseCannotBeFiledAgainstAnItemOfACatalogThePartyCommitteeHasNotApproved() {
        // given an item of a draft catalog
        String item = addItem(2034, item("农贸市场提升改造", "2034-12-31", Map.of()));
        Map<String, Object> filing = Submissions.fileAgainstItem("农贸市场提升改造", item);

        // when an officer files against it
        Api.Response filed = driver().as("wangfang").post("/api/cases", filing);

        // then it is refused, naming the catalog's state
        assertThat(filed.status()).as(filed.toString()).isEqualTo(409);
        assertThat(filed.json().path("code").asText()).isEqualTo("CATALOG_NOT_APPROVED");
        assertThat(filed.json().path("detail").asText()).contains("草拟中");
    }

    @Test
    void filingOutsideTheCatalogNeedsAReason() {
        // given a filing that names neither a catalog item nor a reason
        Map<String, Object> filing = Submissions.fileCase("临时动议事项", Map.of());
        filing.remove("outsideCatalogReason");

        // when it is filed
        Api.Response filed = driver().as("wangfang").post("/api/cases", filing);

        // then it is refused with the field to fill in
        assertThat(filed.status()).as(filed.toString()).isEqualTo(400);
        JsonNode error = filed.json().path("errors").path(0);
        assertThat(error.path("field").asText()).isEqualTo("outsideCatalogReason");
        assertThat(error.path("code").asText()).isEqualTo("OUTSIDE_CATALOG_REASON_REQUIRED");
        assertThat(error.path("message").asText()).contains("未列入目录").contains("理由");

        // and with a reason it is filed, the reason kept on the case
        filing.put("outsideCatalogReason", "上级临时交办的紧急事项。");
        Api.Response accepted = driver().as("wangfang").post("/api/cases", filing);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        assertThat(driver().detail(accepted.json().path("number").asText()).path("proposal")
                .path("outsideCatalogReason").asText()).isEqualTo("上级临时交办的紧急事项。");
    }

    @Test
    void anItemNotDecidedByItsPlannedCompletionIsMarkedOverdue() {
        // given last year's catalog: one item planned for a date already past, one for later, and a case filed
        // against the first that has not reached the collective meeting
        String late = addItem(2025, item("镇文化站改扩建", "2025-06-30", Map.of()));
        addItem(2025, item("镇污水处理厂扩容", "2099-12-31", Map.of()));
        approve(2025);
        Map<String, Object> filing = Submissions.fileAgainstItem("镇文化站改扩建", late);
        assertThat(driver().as("wangfang").post("/api/cases", filing).status()).isEqualTo(201);

        // when the catalog is read, inside and on the public page
        JsonNode items = driver().as("fenglei").get("/api/catalogs/2025").json().path("items");
        driver().as("wangfang").post("/api/catalogs/2025/publication", "{}");
        Api.Response page = Api.anonymous(port).get("/api/public/catalogs/2025");
        Api.Response csv = Api.anonymous(port).get("/api/public/catalogs/2025.csv");

        // then only the item past its date is overdue
        assertThat(items.path(0).path("overdue").asBoolean()).isTrue();
        assertThat(items.path(1).path("overdue").asBoolean()).isFalse();
        assertThat(page.json().path("items").path(0).path("overdue").asBoolean()).isTrue();
        assertThat(page.json().path("items").path(0).path("caseStatus").path("code").asText()).isEqualTo("ACTIVE");
        assertThat(csv.body().lines().filter(line -> line.startsWith(late)).findFirst().orElseThrow()).endsWith(",办理中,逾期");
    }

    @Test
    void anOfficerDraftsOnlyItemsOfTheirOwnUnitAndExpertsDoNotReadTheCatalog() {
        // when an officer drafts an item of another unit, and an expert reads a catalog
        Map<String, Object> other = item("农田水利设施改造", "2035-12-31", Map.of());
        other.put("undertakingUnit", "镇农业农村办");
        Api.Response drafted = driver().as("wangfang").post("/api/catalogs/2035/items", other);
        Api.Response read = driver().as("chenming").get("/api/catalogs/2035");

        // then both are refused, and nothing was stored
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(400);
        assertThat(drafted.body()).contains("NOT_OWN_UNIT");
        assertThat(read.status()).isEqualTo(403);
        assertThat(driver().as("zhangwei").get("/api/catalogs/2035").status()).isEqualTo(404);
    }

    /** The event types of the catalog audit entries of one year, oldest first. */
    private List<String> catalogAudit(int year) {
        Api auditor = driver().as("xunuo");
        List<String> types = new ArrayList<>();
        long from = 0;
        while (true) {
            JsonNode page = auditor.get("/api/audit/entries?from=" + from + "&limit=500").json();
            if (page.isEmpty()) {
                return types;
            }
            for (JsonNode entry : page) {
                if (entry.path("eventType").asText().startsWith("CATALOG_")
                        && entry.path("payload").path("year").asInt() == year) {
                    types.add(entry.path("eventType").asText());
                }
                from = entry.path("sequence").asLong() + 1;
            }
        }
    }
}
