package cn.majordecision.consultation.web;

import static org.springframework.restdocs.mockmvc.MockMvcRestDocumentation.document;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.get;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.post;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.preprocessRequest;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.preprocessResponse;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.prettyPrint;
import static org.springframework.restdocs.payload.PayloadDocumentation.fieldWithPath;
import static org.springframework.restdocs.payload.PayloadDocumentation.requestFields;
import static org.springframework.restdocs.payload.PayloadDocumentation.responseFields;
import static org.springframework.restdocs.request.RequestDocumentation.parameterWithName;
import static org.springframework.restdocs.request.RequestDocumentation.pathParameters;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.majordecision.support.CaseDriver;
import cn.majordecision.support.DocumentationSupport;
import cn.majordecision.support.Submissions;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
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
class OpinionHandlingDocumentationTests {

    private static final String OFFICER = "wangfang";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    String number;
    String receipt;

    @BeforeEach
    void openConsultationWithAnOpinion() throws Exception {
        DocumentationSupport support = new DocumentationSupport(mvc, json);
        number = support.fileCase(Map.of());
        support.complete(support.openTask(number), "zhangwei", Submissions.launch());
        support.complete(support.openTask(number), OFFICER, Submissions.draft());
        support.complete(support.openTask(number), OFFICER, Submissions.map("channels", List.of("website"),
                "howToSubmit", "网站留言", "periodStart", Submissions.today().toString(),
                "periodEnd", Submissions.today().plusDays(31).toString()));
        String body = mvc.perform(post("/api/public/consultations/{number}/opinions", number)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("name", "李四", "contact", "13800000000",
                                "text", "建议施工期间保留一条人行通道。"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        receipt = json.readTree(body).path("receiptNumber").asText();
    }

    private static FieldDescriptor[] list() {
        return new FieldDescriptor[] {
                fieldWithPath("received").description("收到的意见条数"),
                fieldWithPath("published").description("甄别为公开的条数"),
                fieldWithPath("withheld").description("不予公开的条数（保留，不删除）"),
                fieldWithPath("unanswered").description("尚未甄别或尚未答复采纳情况的条数；不为 0 时公众意见处理任务不能办结"),
                fieldWithPath("opinions[].receiptNumber").description("回执编号"),
                fieldWithPath("opinions[].name").type(JsonFieldType.STRING).optional().description("姓名（个人信息，仅经办人可见）"),
                fieldWithPath("opinions[].contact").type(JsonFieldType.STRING).optional().description("联系方式（个人信息，仅经办人可见）"),
                fieldWithPath("opinions[].text").description("意见内容"),
                fieldWithPath("opinions[].submittedAt").description("提交时刻（UTC）"),
                fieldWithPath("opinions[].alikeCount").description("内容相同的意见条数"),
                fieldWithPath("opinions[].screening").type(JsonFieldType.STRING).optional().description("PUBLISHED 公开、WITHHELD 不予公开，未甄别为 null"),
                fieldWithPath("opinions[].withheldReason").type(JsonFieldType.STRING).optional().description("不予公开的理由：SPAM、ABUSIVE、PERSONAL_DATA、OFF_TOPIC、DUPLICATE"),
                fieldWithPath("opinions[].duplicateOf").type(JsonFieldType.STRING).optional().description("与之重复的意见的回执编号"),
                fieldWithPath("opinions[].adoption").type(JsonFieldType.STRING).optional().description("ADOPTED、PARTLY_ADOPTED、NOT_ADOPTED、NOT_APPLICABLE"),
                fieldWithPath("opinions[].adoptionReason").type(JsonFieldType.STRING).optional().description("采纳情况的理由"),
                fieldWithPath("opinions[].handledBy").type(JsonFieldType.STRING).optional().description("最后处理人"),
                fieldWithPath("opinions[].answered").description("是否已处理完毕"),
                fieldWithPath("opinions[].attachmentDocumentId").type(JsonFieldType.NUMBER).optional()
                        .description("提交人所附文件的材料编号（按“下载材料”接口下载）；未附文件为 null")};
    }

    @Test
    void listsOpinions() throws Exception {
        mvc.perform(get("/api/cases/{number}/opinions", number).with(httpBasic(OFFICER, CaseDriver.PASSWORD)))
                .andExpect(status().isOk())
                .andDo(document("opinions-list", preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号")), responseFields(list())));
    }

    @Test
    void screensAndAnswersAnOpinion() throws Exception {
        mvc.perform(post("/api/cases/{number}/opinions/{receipt}/screening", number, receipt)
                        .with(httpBasic(OFFICER, CaseDriver.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("published", true))))
                .andExpect(status().isOk())
                .andDo(document("opinion-screening", preprocessRequest(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号"),
                                parameterWithName("receipt").description("回执编号")),
                        requestFields(fieldWithPath("published").description("true 公开；false 不予公开"),
                                fieldWithPath("reason").optional().type(JsonFieldType.STRING).description("不予公开时必填：SPAM、ABUSIVE、PERSONAL_DATA、OFF_TOPIC、DUPLICATE"),
                                fieldWithPath("duplicateOf").optional().type(JsonFieldType.STRING).description("理由为 DUPLICATE 时必填：另一条意见的回执编号"))));
        mvc.perform(post("/api/cases/{number}/opinions/{receipt}/answer", number, receipt)
                        .with(httpBasic(OFFICER, CaseDriver.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("adoption", "ADOPTED", "reason", "施工方案已增加临时人行通道",
                                "wholeGroup", true))))
                .andExpect(status().isOk())
                .andDo(document("opinion-answer", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号"),
                                parameterWithName("receipt").description("回执编号")),
                        requestFields(fieldWithPath("adoption").description("ADOPTED 采纳、PARTLY_ADOPTED 部分采纳、NOT_ADOPTED 不予采纳、NOT_APPLICABLE 不适用"),
                                fieldWithPath("reason").description("理由，不超过 1000 字"),
                                fieldWithPath("wholeGroup").optional().type(JsonFieldType.BOOLEAN).description("true 时对内容相同的全部意见作同样答复")),
                        responseFields(list())));
    }

    @Test
    void showsTheAdoptionTable() throws Exception {
        mvc.perform(post("/api/cases/{number}/opinions/{receipt}/screening", number, receipt)
                .with(httpBasic(OFFICER, CaseDriver.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("published", true)))).andExpect(status().isOk());
        mvc.perform(post("/api/cases/{number}/opinions/{receipt}/answer", number, receipt)
                .with(httpBasic(OFFICER, CaseDriver.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("adoption", "ADOPTED", "reason", "施工方案已增加临时人行通道"))))
                .andExpect(status().isOk());
        mvc.perform(get("/api/cases/{number}/opinion-adoption", number).with(httpBasic("zhangwei", CaseDriver.PASSWORD)))
                .andExpect(status().isOk())
                .andDo(document("opinion-adoption", preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号")),
                        responseFields(DocumentationSupport.adoptionTable(""))));
        mvc.perform(get("/api/cases/{number}/opinion-adoption/csv", number).with(httpBasic("zhangwei", CaseDriver.PASSWORD)))
                .andExpect(status().isOk())
                .andDo(document("opinion-adoption-csv", pathParameters(parameterWithName("number").description("事项编号"))));
    }
}
