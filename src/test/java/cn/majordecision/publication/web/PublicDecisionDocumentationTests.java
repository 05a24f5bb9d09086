package cn.majordecision.publication.web;

import static org.springframework.restdocs.mockmvc.MockMvcRestDocumentation.document;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.get;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.post;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.preprocessResponse;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.prettyPrint;
import static org.springframework.restdocs.payload.PayloadDocumentation.fieldWithPath;
import static org.springframework.restdocs.payload.PayloadDocumentation.responseFields;
import static org.springframework.restdocs.request.RequestDocumentation.parameterWithName;
import static org.springframework.restdocs.request.RequestDocumentation.pathParameters;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.majordecision.support.CaseDriver;
import cn.majordecision.support.DocumentationSupport;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
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

@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureRestDocs
@ActiveProfiles("test")
class PublicDecisionDocumentationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    String number;

    @BeforeEach
    void publishADecision() throws Exception {
        DocumentationSupport support = new DocumentationSupport(mvc, json);
        number = support.fileCase(Map.of());
        support.openConsultation(number);
        answerOneOpinion();
        DocumentationSupport.closeConsultation(runtime, management, number);
        support.decideAndPublish(number);
    }

    private void answerOneOpinion() throws Exception {
        String body = mvc.perform(post("/api/public/consultations/{number}/opinions", number)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("text", "建议施工期间保留一条人行通道。"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String receipt = json.readTree(body).path("receiptNumber").asText();
        String opinion = "/api/cases/{number}/opinions/{receipt}/";
        mvc.perform(post(opinion + "screening", number, receipt).with(httpBasic("wangfang", CaseDriver.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"published\":true}")).andExpect(status().isOk());
        mvc.perform(post(opinion + "answer", number, receipt).with(httpBasic("wangfang", CaseDriver.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("adoption", "ADOPTED", "reason", "施工方案已增加临时人行通道"))))
                .andExpect(status().isOk());
    }

    private static FieldDescriptor[] summary(String prefix) {
        return new FieldDescriptor[] {
                fieldWithPath(prefix + "caseNumber").description("事项编号"),
                fieldWithPath(prefix + "title").description("决策事项名称"),
                fieldWithPath(prefix + "documentNumber").description("文号"),
                fieldWithPath(prefix + "publishedOn").description("公布日期"),
                fieldWithPath(prefix + "status").description(
                        "IN_FORCE 现行有效、SUSPENDED 暂停执行、ADJUSTED 已调整、TERMINATED 已终止"),
                fieldWithPath(prefix + "statusLabel").description("状态（中文），如“现行有效”")};
    }

    @Test
    void listsPublishedDecisions() throws Exception {
        mvc.perform(get("/api/public/decisions"))
                .andExpect(status().isOk())
                .andDo(document("public-decisions", preprocessResponse(prettyPrint()),
                        responseFields(fieldWithPath("[]").description("已公布的决策，新公布的在前"))
                                .andWithPrefix("[].", List.of(summary("")))));
    }

    @Test
    void showsOnePublishedDecisionWithItsAdoptionTable() throws Exception {
        mvc.perform(get("/api/public/decisions/{number}", number))
                .andExpect(status().isOk())
                .andDo(document("public-decision", preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号")),
                        responseFields(summary(""))
                                .and(fieldWithPath("undertakingUnit").description("决策承办单位"),
                                        fieldWithPath("statusReason").type(JsonFieldType.STRING).optional()
                                                .description("暂停执行或终止的理由"),
                                        fieldWithPath("statusSince").type(JsonFieldType.STRING).optional()
                                                .description("暂停、调整或终止自何时起（北京时间）"),
                                        fieldWithPath("adjustedByCase").type(JsonFieldType.STRING).optional()
                                                .description("已调整的决策：重新履行程序的新事项编号"),
                                        fieldWithPath("awaitingOrgan").description(
                                                "行政首长已因情况紧急先行决定暂停执行，尚待决策机关决定（第三十七条）"),
                                        fieldWithPath("statusHistory").description(
                                                "暂停、维持暂停、恢复、调整和停止执行的每一次决定，按时间先后，附日期和决定依据"),
                                        fieldWithPath("statusHistory[].event").optional().type(JsonFieldType.STRING)
                                                .description("SUSPENDED、SUSPENSION_CONFIRMED、SUSPENSION_LIFTED、ADJUSTED、TERMINATED"),
                                        fieldWithPath("statusHistory[].label").optional().type(JsonFieldType.STRING).description("事项（中文）"),
                                        fieldWithPath("statusHistory[].status").optional().type(JsonFieldType.STRING).description("此后的状态"),
                                        fieldWithPath("statusHistory[].reason").optional().type(JsonFieldType.STRING).description("理由"),
                                        fieldWithPath("statusHistory[].ground").optional().type(JsonFieldType.STRING).description("暂停所依据的第三十五条情形"),
                                        fieldWithPath("statusHistory[].groundLabel").optional().type(JsonFieldType.STRING).description("情形（中文）"),
                                        fieldWithPath("statusHistory[].at").optional().type(JsonFieldType.STRING).description("记录时间"),
                                        fieldWithPath("statusHistory[].decidedBy").optional().type(JsonFieldType.STRING).description("行政首长或决策机关集体讨论决定"),
                                        fieldWithPath("statusHistory[].meetingDate").optional().type(JsonFieldType.STRING).description("会议日期"),
                                        fieldWithPath("statusHistory[].meetingType").optional().type(JsonFieldType.STRING).description("会议类型"),
                                        fieldWithPath("statusHistory[].decidingRecord").optional().type(JsonFieldType.STRING).description("载明决定的会议纪要或记录"),
                                        fieldWithPath("statusHistory[].linkedCase").optional().type(JsonFieldType.STRING).description("履行法定程序的新事项编号"),
                                        fieldWithPath("channels").description("公布途径代码：gazette（政府公报）、website（政府网站）、"
                                                + "newspaper（报刊）、newMedia（政务新媒体）、broadcast（广播电视）、noticeBoard（公告栏）、other（其他）"),
                                        fieldWithPath("channelDetails[]").description("每一种公布途径，按登记顺序"),
                                        fieldWithPath("channelDetails[].channel").description("公布途径代码"),
                                        fieldWithPath("channelDetails[].label").description("公布途径名称（取自公布表单）"),
                                        fieldWithPath("channelDetails[].detail").type(JsonFieldType.STRING).optional()
                                                .description("该途径的公布信息：政府网站的网址、公报期号、报刊名称和刊期、公告栏地点等"),
                                        fieldWithPath("links").type(JsonFieldType.STRING).optional()
                                                .description("政府网站公布网址，每行一个（同 channelDetails 中政府网站的 detail）"),
                                        fieldWithPath("lateReason").type(JsonFieldType.STRING).optional()
                                                .description("决定作出后超过规定工作日才公布的，逾期理由；否则为 null"),
                                        fieldWithPath("draftVersion").description("决定的草案版本"),
                                        fieldWithPath("decisionText").type(JsonFieldType.STRING).optional().description("决策文本"),
                                        fieldWithPath("explanation").type(JsonFieldType.STRING).optional().description("起草说明"),
                                        fieldWithPath("adoptionStatement").type(JsonFieldType.STRING).optional()
                                                .description("公众意见、专家论证意见采纳情况说明"),
                                        fieldWithPath("publicOpinions").description("公众意见采纳情况表"))
                                .andWithPrefix("publicOpinions.", List.of(DocumentationSupport.adoptionTable("")))));
        mvc.perform(get("/api/public/decisions/{number}/opinion-adoption/csv", number))
                .andExpect(status().isOk())
                .andDo(document("public-decision-adoption-csv",
                        pathParameters(parameterWithName("number").description("事项编号"))));
    }
}
