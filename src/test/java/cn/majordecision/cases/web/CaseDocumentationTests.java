package cn.majordecision.cases.web;

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
import static org.springframework.restdocs.payload.PayloadDocumentation.subsectionWithPath;
import static org.springframework.restdocs.request.RequestDocumentation.parameterWithName;
import static org.springframework.restdocs.request.RequestDocumentation.pathParameters;
import static org.springframework.restdocs.request.RequestDocumentation.queryParameters;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.majordecision.support.CaseDriver;
import cn.majordecision.support.DocumentationSupport;
import cn.majordecision.support.Submissions;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.restdocs.payload.JsonFieldType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.restdocs.AutoConfigureRestDocs;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureRestDocs
@ActiveProfiles("test")
class CaseDocumentationTests {

    private static final String PASSWORD = CaseDriver.PASSWORD;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    DocumentationSupport support;

    @BeforeEach
    void setUp() {
        support = new DocumentationSupport(mvc, json);
    }

    @Test
    void filesACase() throws Exception {
        Map<String, Object> request = Submissions.fileCase("银湖镇中心街道路改造工程",
                Map.of("technical", true, "hearing", true, "priorRiskAssessment", true, "stabilityRisk", true));
        mvc.perform(post("/api/cases").with(httpBasic("wangfang", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(request)))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.status.code").value("ACTIVE"))
                .andExpect(jsonPath("$.skipBases.priorRiskAssessment.code").value("PRIOR_REPORT"))
                .andDo(document("cases-file", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint()),
                        requestFields(
                                fieldWithPath("title").description("决策事项名称，最多 200 字"),
                                fieldWithPath("category").description("类别（第三条）：PUBLIC_POLICY / PLAN / RESOURCES / CONSTRUCTION / OTHER"),
                                fieldWithPath("proposerType").description("提出主体（第十条）：LEADER / DEPARTMENT / DEPUTY / CITIZEN"),
                                fieldWithPath("catalogItem").optional().type(JsonFieldType.STRING).description("所属决策事项目录事项的编号，如 ML-2026-01；该目录须已经党委同意"),
                                fieldWithPath("outsideCatalogReason").optional().type(JsonFieldType.STRING).description("未列入决策事项目录的立项理由，不填目录事项时必填，最多 1000 字"),
                                fieldWithPath("undertakingUnit").description("承办单位"),
                                fieldWithPath("leadUnit").optional().type(JsonFieldType.STRING).description("牵头单位（多个承办单位时）"),
                                fieldWithPath("problem").description("拟解决的问题"),
                                fieldWithPath("reasonsAndBasis").description("理由和依据"),
                                fieldWithPath("initialPlan").description("初步方案"),
                                fieldWithPath("necessityAndFeasibility").description("必要性和可行性"),
                                subsectionWithPath("flags").optional().description("八个标记：nonPublic, technical, stabilityRisk, "
                                        + "priorRiskAssessment, hearing, marketActivity, congressApproval, exploratoryReform。"
                                        + "未提供的标记取缺省值：technical（专家论证）和 stabilityRisk（风险评估）缺省为 true，其余为 false；"
                                        + "据目录事项立项的，另取该事项经党委同意的程序，且任何标记不得低于该程序（否则 400 `WEAKER_THAN_CATALOG_ITEM`）"),
                                subsectionWithPath("skipBases").optional().description("不履行法定程序的依据，以标记为键："
                                        + "nonPublic 为 true、technical 为 false、stabilityRisk 为 false、priorRiskAssessment 为 true 时必填，"
                                        + "其他标记不得填写。每项为 {code, text}：code 取自依据清单（见下表），text 为具体说明，10 至 1000 字"
                                        + "（不予公开的写明法律条款或密级类别；已有风险评估的写明事项编号或报告文号，PRIOR_CASE 须写明系统中已有的事项编号）")),
                        relaxedResponseFields(
                                fieldWithPath("number").description("事项编号，如 YHZ-2026-001"),
                                fieldWithPath("status.code").description("状态"),
                                fieldWithPath("stage.code").description("当前阶段"),
                                subsectionWithPath("flags").description("立案后的八个标记（含缺省值和目录事项的程序）"),
                                subsectionWithPath("skipBases").description("各跳过程序标记的依据：code、label（依据名称）、text（具体说明）"))));
    }

    @Test
    void refusesAnInvalidFiling() throws Exception {
        mvc.perform(post("/api/cases").with(httpBasic("wangfang", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"\",\"category\":\"CONSTRUCTION\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andDo(document("cases-file-invalid", preprocessResponse(prettyPrint()),
                        relaxedResponseFields(
                                fieldWithPath("code").description("稳定的错误代码"),
                                fieldWithPath("detail").description("中文说明"),
                                fieldWithPath("errors[].field").description("出错的字段"),
                                fieldWithPath("errors[].code").description("字段错误代码"),
                                fieldWithPath("errors[].message").description("字段错误的中文说明"))));
    }

    @Test
    void refusesASkippingFlagWithoutItsBasis() throws Exception {
        Map<String, Object> request = Submissions.fileCase("镇机关内部管理制度调整", Map.of("nonPublic", true));
        request.put("skipBases", Map.of("technical", Submissions.basis("NOT_TECHNICAL", "不涉及"),
                "stabilityRisk", Submissions.basis("NO_STABILITY_IMPACT", "仅涉及镇机关内部管理，不影响群众切身利益。")));
        mvc.perform(post("/api/cases").with(httpBasic("wangfang", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(request)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("skipBases.nonPublic"))
                .andExpect(jsonPath("$.errors[0].code").value("SKIP_BASIS_REQUIRED"))
                .andExpect(jsonPath("$.errors[1].code").value("SKIP_BASIS_TEXT_TOO_SHORT"))
                .andDo(document("cases-file-no-basis", preprocessResponse(prettyPrint())));
    }

    @Test
    void searchesCases() throws Exception {
        support.fileCase(Map.of());
        mvc.perform(get("/api/cases").param("title", "道路").param("status", "ACTIVE").param("page", "0")
                        .param("size", "20").with(httpBasic("wangfang", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].title").value("中心街道路改造工程"))
                .andDo(document("cases-search", preprocessResponse(prettyPrint()),
                        queryParameters(
                                parameterWithName("number").optional().description("编号（部分匹配）"),
                                parameterWithName("title").optional().description("名称（部分匹配）"),
                                parameterWithName("status").optional().description("状态，如 ACTIVE / ARCHIVED / WITHDRAWN"),
                                parameterWithName("stage").optional().description("当前阶段，如 LEGALITY_REVIEW"),
                                parameterWithName("filedFrom").optional().description("立案日期起（YYYY-MM-DD，含）"),
                                parameterWithName("filedTo").optional().description("立案日期止（YYYY-MM-DD，含）"),
                                parameterWithName("page").optional().description("页码，从 0 开始"),
                                parameterWithName("size").optional().description("每页条数，1-100，缺省 20"))));
    }

    @Test
    void showsACase() throws Exception {
        String number = support.fileCase(Map.of("nonPublic", true));
        support.complete(support.openTask(number), "zhangwei", Submissions.launch());
        support.complete(support.openTask(number), "wangfang", Submissions.draft());
        mvc.perform(get("/api/cases/{number}", number).with(httpBasic("wangfang", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.skippedStages[0].flag").value("nonPublic"))
                .andDo(document("cases-detail", preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号")),
                        relaxedResponseFields(
                                subsectionWithPath("summary").description("事项概要：编号、名称、状态、当前阶段、当前草案版本"),
                                subsectionWithPath("proposal").description("立项申请内容"),
                                subsectionWithPath("flags").description("八个标记"),
                                fieldWithPath("flagsSetBy").description("标记设置人"),
                                subsectionWithPath("skipBases").description("各跳过程序标记现行的依据：code、label、text"),
                                fieldWithPath("flagsConfirmedBy").description("决定启动时确认标记及其依据的行政首长；尚未启动时为 null"),
                                fieldWithPath("flagsConfirmedAt").description("确认时间"),
                                subsectionWithPath("openTasks").description("待办任务"),
                                subsectionWithPath("drafts").description("全部草案版本，旧版本不被覆盖"),
                                subsectionWithPath("records").description("每一步的办理记录：谁、何时、针对哪一版草案、提交了什么、摘要值"),
                                subsectionWithPath("skippedStages").description("依标记跳过的阶段、标记设置人、依据（basis：code、label、text）；"
                                        + "理由（reason）即经办人所述依据"))));
    }

    @Test
    void revisesFlags() throws Exception {
        String number = support.fileCase(Map.of());
        mvc.perform(put("/api/cases/{number}/flags", number).with(httpBasic("wangfang", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"flags\":{\"technical\":true,\"priorRiskAssessment\":true},"
                                + "\"reason\":\"方案涉及桥梁结构，需专家论证；县里已作稳评\","
                                + "\"skipBases\":{\"priorRiskAssessment\":{\"code\":\"PRIOR_REPORT\","
                                + "\"text\":\"县综治办出具的《社会稳定风险评估报告》（县稳评〔2026〕7号）\"}}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.skipBases.priorRiskAssessment.label").value("已按有关规定进行风险评价、评估"))
                .andDo(document("cases-flags", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号")),
                        requestFields(
                                subsectionWithPath("flags").description("要修改的标记；未提供的标记保持原值"),
                                fieldWithPath("reason").description("修改理由，最多 2000 字"),
                                subsectionWithPath("skipBases").optional().description("此次改为跳过程序的标记的依据，格式同立案；"
                                        + "其他标记不得填写。据目录事项立项的，不得改得低于目录事项的程序"))));
    }

    @Test
    void correctsARecord() throws Exception {
        String number = support.fileCase(Map.of());
        support.complete(support.openTask(number), "zhangwei", Submissions.launch());
        String detail = mvc.perform(get("/api/cases/{number}", number).with(httpBasic("zhangwei", PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        long recordId = json.readTree(detail).at("/records/0/id").asLong();
        Map<String, Object> data = Submissions.launch();
        data.put("leadUnit", "镇交通管理所");
        mvc.perform(post("/api/cases/{number}/records/{recordId}/corrections", number, recordId)
                        .with(httpBasic("zhangwei", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("reason", "牵头单位填写有误", "data", data))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.correctsRecord").value(recordId))
                .andDo(document("records-correct", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号"),
                                parameterWithName("recordId").description("被更正的办理记录编号")),
                        requestFields(fieldWithPath("reason").description("更正理由"),
                                subsectionWithPath("data").description("更正后的完整表单内容，须符合原提交适用的全部法定规则；办理结果、流程已据以办理的内容和草案正文不能更正"))));
    }

    @Test
    void withdrawsACase() throws Exception {
        String number = support.fileCase(Map.of());
        mvc.perform(post("/api/cases/{number}/withdrawal", number).with(httpBasic("wangfang", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"上级政策调整，事项暂不推进\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status.code").value("WITHDRAWN"))
                .andDo(document("cases-withdraw", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号")),
                        requestFields(fieldWithPath("reason").description("撤回理由，最多 2000 字"))));
    }
}
