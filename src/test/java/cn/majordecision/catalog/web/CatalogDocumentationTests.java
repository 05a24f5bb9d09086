package cn.majordecision.catalog.web;

import static org.springframework.restdocs.mockmvc.MockMvcRestDocumentation.document;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.get;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.post;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.put;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.preprocessRequest;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.preprocessResponse;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.prettyPrint;
import static org.springframework.restdocs.payload.PayloadDocumentation.fieldWithPath;
import static org.springframework.restdocs.payload.PayloadDocumentation.relaxedResponseFields;
import static org.springframework.restdocs.payload.PayloadDocumentation.requestFields;
import static org.springframework.restdocs.payload.PayloadDocumentation.responseFields;
import static org.springframework.restdocs.payload.PayloadDocumentation.subsectionWithPath;
import static org.springframework.restdocs.request.RequestDocumentation.parameterWithName;
import static org.springframework.restdocs.request.RequestDocumentation.pathParameters;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.majordecision.support.CaseDriver;
import cn.majordecision.support.Submissions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.restdocs.AutoConfigureRestDocs;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.restdocs.payload.FieldDescriptor;
import org.springframework.restdocs.payload.JsonFieldType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The decision catalog API; each test keeps to its own year, the contexts' database being shared. */
@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureRestDocs
@ActiveProfiles("test")
class CatalogDocumentationTests {

    private static final String PASSWORD = CaseDriver.PASSWORD;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    private static Map<String, Object> item(int year, String title) {
        return Submissions.map("title", title, "undertakingUnit", "镇规划建设办",
                "legalBasis", "《中华人民共和国公路法》；镇第十四个五年规划纲要。",
                "procedures", Map.of("technical", true, "stabilityRisk", true, "hearing", true),
                "plannedCompletion", year + "-10-31");
    }

    private ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String user, Object body) throws Exception {
        return mvc.perform(request.with(httpBasic(user, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    private String addItem(int year, String title) throws Exception {
        String body = send(post("/api/catalogs/{year}/items", year), "wangfang", item(year, title))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        JsonNode items = json.readTree(body).path("items");
        return items.path(items.size() - 1).path("number").asText();
    }

    private void approve(int year) throws Exception {
        send(post("/api/catalogs/{year}/approval", year), "fenglei", Map.of("meeting", "镇党委" + year + "年第2次会议"))
                .andExpect(status().isOk());
    }

    private long propose(int year, String itemNumber) throws Exception {
        String body = send(post("/api/catalogs/{year}/change-requests", year), "wangfang", Submissions.map("kind", "CHANGE",
                "itemNumber", itemNumber, "item", item(year, "银湖镇中心街道路改造工程"), "reason", "县交通局补助资金推迟下达，完成时间顺延。"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).path("id").asLong();
    }

    private static FieldDescriptor[] itemFields() {
        return new FieldDescriptor[] {
                fieldWithPath("title").description("事项名称，最多 200 字"),
                fieldWithPath("undertakingUnit").description("承办单位，须为经办人所在单位"),
                fieldWithPath("legalBasis").description("法律和政策依据，最多 5000 字"),
                subsectionWithPath("procedures").optional().description("须履行的法定程序，即立案时的八个标记（缺省为 false），"
                        + "其中 hearing 表示举行听证"),
                fieldWithPath("plannedCompletion").description("计划完成时间（YYYY-MM-DD），不早于目录年度")};
    }

    private static List<FieldDescriptor> catalogFields() {
        List<FieldDescriptor> fields = new ArrayList<>(List.of(
                fieldWithPath("government").description("本级政府"),
                fieldWithPath("year").description("年度"),
                fieldWithPath("status.code").description("目录状态：DRAFT 草拟中 / APPROVED 已经党委同意 / PUBLISHED 已公布"),
                fieldWithPath("status.label").description("状态的中文名称"),
                fieldWithPath("approvalMeeting").type(JsonFieldType.STRING).optional().description("同意目录的党委会议"),
                fieldWithPath("approvedBy").type(JsonFieldType.STRING).optional().description("记录党委同意的人员"),
                fieldWithPath("approvedAt").type(JsonFieldType.STRING).optional().description("党委同意的时刻（UTC）"),
                fieldWithPath("publishedBy").type(JsonFieldType.STRING).optional().description("公布人"),
                fieldWithPath("publishedAt").type(JsonFieldType.STRING).optional().description("公布时刻（UTC）"),
                fieldWithPath("pendingChangeRequests").description("待党委审定的调整申请数"),
                fieldWithPath("items[].number").description("事项编号，如 ML-2026-01，立案时引用"),
                fieldWithPath("items[].title").description("事项名称"),
                fieldWithPath("items[].undertakingUnit").description("承办单位"),
                fieldWithPath("items[].legalBasis").description("法律和政策依据"),
                subsectionWithPath("items[].procedures").description("须履行的法定程序（八个标记）"),
                fieldWithPath("items[].steps").description("须履行的法定程序的中文名称，按办理顺序"),
                fieldWithPath("items[].hearing").description("是否举行听证"),
                fieldWithPath("items[].plannedCompletion").description("计划完成时间"),
                fieldWithPath("items[].caseNumber").type(JsonFieldType.STRING).optional().description("据此事项立案的决策事项编号（最近一次）；未立项为 null"),
                subsectionWithPath("items[].caseStatus").type(JsonFieldType.OBJECT).optional().description("该决策事项的状态（code、label）"),
                subsectionWithPath("items[].caseStage").type(JsonFieldType.OBJECT).optional().description("该决策事项的当前阶段（code、label）"),
                fieldWithPath("items[].overdue").description("是否逾期：计划完成时间已过而尚未经集体讨论作出决定"),
                fieldWithPath("items[].addedBy").description("编制人"),
                fieldWithPath("items[].addedAt").description("编入时刻（UTC）"),
                fieldWithPath("items[].changedBy").type(JsonFieldType.STRING).optional().description("最后修改人（调整申请经同意时为审定人）"),
                fieldWithPath("items[].changedAt").type(JsonFieldType.STRING).optional().description("最后修改时刻（UTC）")));
        return fields;
    }

    private static FieldDescriptor[] changeRequestFields(String prefix) {
        return new FieldDescriptor[] {
                fieldWithPath(prefix + "id").description("调整申请编号"),
                fieldWithPath(prefix + "kind.code").description("ADD 增加事项 / CHANGE 调整事项"),
                fieldWithPath(prefix + "kind.label").description("类型的中文名称"),
                fieldWithPath(prefix + "itemNumber").type(JsonFieldType.STRING).optional().description("调整的事项编号；增加事项在党委同意后得到编号"),
                fieldWithPath(prefix + "title").description("事项名称（调整后）"),
                fieldWithPath(prefix + "undertakingUnit").description("承办单位（调整后）"),
                fieldWithPath(prefix + "legalBasis").description("法律和政策依据（调整后）"),
                subsectionWithPath(prefix + "procedures").description("须履行的法定程序（调整后）"),
                fieldWithPath(prefix + "plannedCompletion").description("计划完成时间（调整后）"),
                fieldWithPath(prefix + "reason").description("调整理由"),
                fieldWithPath(prefix + "status.code").description("PROPOSED 待党委审定 / APPROVED 党委已同意 / REJECTED 党委不同意"),
                fieldWithPath(prefix + "status.label").description("状态的中文名称"),
                fieldWithPath(prefix + "proposedBy").description("申请人"),
                fieldWithPath(prefix + "proposedAt").description("申请时刻（UTC）"),
                fieldWithPath(prefix + "decidedBy").type(JsonFieldType.STRING).optional().description("审定人"),
                fieldWithPath(prefix + "decidedAt").type(JsonFieldType.STRING).optional().description("审定时刻（UTC）"),
                fieldWithPath(prefix + "opinion").type(JsonFieldType.STRING).optional().description("党委意见")};
    }

    @Test
    void addsAnItemToTheDraft() throws Exception {
        send(post("/api/catalogs/{year}/items", 2041), "wangfang", item(2041, "银湖镇中心街道路改造工程"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status.code").value("DRAFT"))
                .andDo(document("catalog-item-add", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("year").description("年度")),
                        requestFields(itemFields()), responseFields(catalogFields())));
    }

    @Test
    void changesAnItemOfTheDraft() throws Exception {
        String number = addItem(2042, "银湖镇中心街道路改造工程");
        Map<String, Object> changed = item(2042, "银湖镇中心街及东环路道路改造工程");
        send(put("/api/catalogs/{year}/items/{itemNumber}", 2042, number), "wangfang", changed)
                .andExpect(status().isOk())
                .andDo(document("catalog-item-change", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("year").description("年度"),
                                parameterWithName("itemNumber").description("事项编号")),
                        requestFields(itemFields())));
    }

    @Test
    void showsACatalogWithTheCasesFiledAgainstItsItems() throws Exception {
        String number = addItem(2043, "银湖镇中心街道路改造工程");
        addItem(2043, "银湖镇集贸市场搬迁规划");
        approve(2043);
        Map<String, Object> filing = Submissions.fileAgainstItem("银湖镇中心街道路改造工程", number);
        send(post("/api/cases"), "wangfang", filing).andExpect(status().isCreated())
                .andDo(document("cases-file-catalog", preprocessRequest(prettyPrint())));
        mvc.perform(get("/api/catalogs/{year}", 2043).with(httpBasic("zhangwei", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].caseStatus.code").value("ACTIVE"))
                .andDo(document("catalog-show", preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("year").description("年度")),
                        responseFields(catalogFields())));
    }

    @Test
    void thePartyCommitteeApprovesTheCatalogAndItIsNoLongerEditedDirectly() throws Exception {
        String number = addItem(2044, "银湖镇中心街道路改造工程");
        send(post("/api/catalogs/{year}/approval", 2044), "fenglei", Map.of("meeting", "镇党委2044年第2次会议"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status.code").value("APPROVED"))
                .andDo(document("catalog-approve", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("year").description("年度")),
                        requestFields(fieldWithPath("meeting").description("同意目录的党委会议，如“镇党委2026年第2次会议”")),
                        relaxedResponseFields(fieldWithPath("status.code").description("APPROVED"))));
        send(put("/api/catalogs/{year}/items/{itemNumber}", 2044, number), "wangfang", item(2044, "改名"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CATALOG_NOT_DRAFT"))
                .andDo(document("catalog-not-draft", preprocessResponse(prettyPrint())));
    }

    @Test
    void publishesTheApprovedCatalog() throws Exception {
        addItem(2045, "银湖镇中心街道路改造工程");
        approve(2045);
        mvc.perform(post("/api/catalogs/{year}/publication", 2045).with(httpBasic("zhenghong", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status.code").value("PUBLISHED"))
                .andDo(document("catalog-publish", preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("year").description("年度")),
                        relaxedResponseFields(fieldWithPath("status.code").description("PUBLISHED"),
                                fieldWithPath("publishedAt").description("公布时刻（UTC）"))));
    }

    @Test
    void proposesAChangeToTheApprovedCatalog() throws Exception {
        String number = addItem(2046, "银湖镇中心街道路改造工程");
        approve(2046);
        Map<String, Object> changed = item(2046, "银湖镇中心街道路改造工程");
        changed.put("plannedCompletion", "2047-06-30");
        send(post("/api/catalogs/{year}/change-requests", 2046), "wangfang", Submissions.map("kind", "CHANGE",
                "itemNumber", number, "item", changed, "reason", "县交通局补助资金推迟下达，完成时间顺延。"))
                .andExpect(status().isCreated())
                .andDo(document("catalog-change-propose", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("year").description("年度")),
                        requestFields(
                                fieldWithPath("kind").description("ADD 增加事项 / CHANGE 调整事项"),
                                fieldWithPath("itemNumber").optional().type(JsonFieldType.STRING).description("调整的事项编号（CHANGE 时必填，ADD 时不填）"),
                                subsectionWithPath("item").description("事项调整后的全部内容，字段同编制事项"),
                                fieldWithPath("reason").description("调整理由，最多 2000 字")),
                        responseFields(changeRequestFields(""))));
    }

    @Test
    void listsTheChangeRequests() throws Exception {
        String number = addItem(2047, "银湖镇中心街道路改造工程");
        approve(2047);
        propose(2047, number);
        mvc.perform(get("/api/catalogs/{year}/change-requests", 2047).with(httpBasic("fenglei", PASSWORD)))
                .andExpect(status().isOk())
                .andDo(document("catalog-change-requests", preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("year").description("年度")),
                        responseFields(fieldWithPath("[]").description("本年度的全部调整申请，按提出先后"))
                                .andWithPrefix("[].", List.of(changeRequestFields("")))));
    }

    @Test
    void thePartyCommitteeDecidesAChange() throws Exception {
        String number = addItem(2048, "银湖镇中心街道路改造工程");
        approve(2048);
        long id = propose(2048, number);
        send(post("/api/catalogs/{year}/change-requests/{requestId}/approval", 2048, id), "fenglei",
                Map.of("decision", "APPROVED", "opinion", "同意顺延。"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status.code").value("APPROVED"))
                .andDo(document("catalog-change-decide", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("year").description("年度"),
                                parameterWithName("requestId").description("调整申请编号")),
                        requestFields(
                                fieldWithPath("decision").description("APPROVED 同意（调整随即生效）/ REJECTED 不同意"),
                                fieldWithPath("opinion").optional().type(JsonFieldType.STRING).description("党委意见；不同意时必填")),
                        responseFields(changeRequestFields(""))));
    }

    @Test
    void showsThePublishedCatalogWithoutLogin() throws Exception {
        addItem(2049, "银湖镇中心街道路改造工程");
        approve(2049);
        mvc.perform(post("/api/catalogs/{year}/publication", 2049).with(httpBasic("zhenghong", PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/public/catalogs/{year}", 2049))
                .andExpect(status().isOk())
                .andDo(document("public-catalog", preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("year").description("年度")),
                        responseFields(
                                fieldWithPath("government").description("本级政府"),
                                fieldWithPath("year").description("年度"),
                                fieldWithPath("approvalMeeting").description("同意目录的党委会议"),
                                fieldWithPath("publishedOn").description("公布日期（北京时间）"),
                                fieldWithPath("items[].number").description("事项编号"),
                                fieldWithPath("items[].title").description("事项名称"),
                                fieldWithPath("items[].undertakingUnit").description("承办单位"),
                                fieldWithPath("items[].legalBasis").description("法律和政策依据"),
                                fieldWithPath("items[].steps").description("须履行的法定程序"),
                                fieldWithPath("items[].hearing").description("是否举行听证"),
                                fieldWithPath("items[].plannedCompletion").description("计划完成时间"),
                                fieldWithPath("items[].caseNumber").type(JsonFieldType.STRING).optional().description("决策事项编号；未立项或依法不公开时为 null"),
                                subsectionWithPath("items[].caseStatus").type(JsonFieldType.OBJECT).optional().description("办理状态（code、label）"),
                                fieldWithPath("items[].overdue").description("是否逾期"))));
        mvc.perform(get("/api/public/catalogs/{year}.csv", 2049))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andExpect(content().string(Matchers.startsWith("\uFEFF事项编号")))
                .andDo(document("public-catalog-csv", pathParameters(parameterWithName("year").description("年度"))));
    }
}
