package cn.majordecision.consultation.web;

import static org.springframework.restdocs.mockmvc.MockMvcRestDocumentation.document;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.get;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.multipart;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.post;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.preprocessRequest;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.preprocessResponse;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.prettyPrint;
import static org.springframework.restdocs.payload.PayloadDocumentation.fieldWithPath;
import static org.springframework.restdocs.payload.PayloadDocumentation.requestFields;
import static org.springframework.restdocs.payload.PayloadDocumentation.responseFields;
import static org.springframework.restdocs.payload.PayloadDocumentation.subsectionWithPath;
import static org.springframework.restdocs.request.RequestDocumentation.parameterWithName;
import static org.springframework.restdocs.request.RequestDocumentation.partWithName;
import static org.springframework.restdocs.request.RequestDocumentation.pathParameters;
import static org.springframework.restdocs.request.RequestDocumentation.requestParts;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.restdocs.payload.FieldDescriptor;
import org.springframework.restdocs.payload.JsonFieldType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureRestDocs
@ActiveProfiles("test")
class PublicConsultationDocumentationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    String number;

    @BeforeEach
    void openConsultation() throws Exception {
        DocumentationSupport support = new DocumentationSupport(mvc, json);
        number = support.fileCase(Map.of());
        support.complete(support.openTask(number), "zhangwei", Submissions.launch());
        support.complete(support.openTask(number), "wangfang", Submissions.draft());
        support.complete(support.openTask(number), "wangfang", Submissions.map("channels", List.of("website"),
                "howToSubmit", "在本页提交，或来信寄至镇政府办公室", "periodStart", Submissions.today().toString(),
                "periodEnd", Submissions.today().plusDays(31).toString()));
    }

    private static FieldDescriptor[] consultation(String prefix) {
        return new FieldDescriptor[] {
                fieldWithPath(prefix + "caseNumber").description("事项编号"),
                fieldWithPath(prefix + "title").description("事项名称"),
                fieldWithPath(prefix + "draftVersion").type(JsonFieldType.NUMBER).optional().description("征求意见的草案版本"),
                fieldWithPath(prefix + "draftText").type(JsonFieldType.STRING).optional().description("草案全文"),
                fieldWithPath(prefix + "explanation").type(JsonFieldType.STRING).optional().description("起草说明"),
                fieldWithPath(prefix + "periodStart").description("征求意见开始日期"),
                fieldWithPath(prefix + "periodEnd").description("征求意见截止日期（含当日）"),
                fieldWithPath(prefix + "opensAt").description("开始时刻（北京时间）"),
                fieldWithPath(prefix + "closesAt").description("截止时刻（北京时间，截止日次日零时）"),
                fieldWithPath(prefix + "open").description("当前是否接收意见"),
                fieldWithPath(prefix + "howToSubmit").type(JsonFieldType.STRING).optional().description("提出意见的方式"),
                subsectionWithPath(prefix + "channels").description("公告发布途径"),
                fieldWithPath(prefix + "nameRequired").description("公告是否要求署名"),
                fieldWithPath(prefix + "opinionsReceived").description("已收到的意见条数（不含任何个人信息）"),
                subsectionWithPath(prefix + "hearing").type(JsonFieldType.OBJECT).optional().description(
                        "举行听证的，听证公告：hearingDate 听证日期、publishedOn 名单公布日期、selectionMethod 参加人遴选办法、"
                                + "participants 参加人（name 姓名或名称、affiliation 单位或代表方面）；不举行听证为 null")};
    }

    @Test
    void listsOpenConsultations() throws Exception {
        mvc.perform(get("/api/public/consultations"))
                .andExpect(status().isOk())
                .andDo(document("public-consultations", preprocessResponse(prettyPrint()),
                        responseFields(fieldWithPath("[]").description("正在征求意见的事项"))
                                .andWithPrefix("[].", List.of(consultation("")))));
    }

    @Test
    void showsOneConsultation() throws Exception {
        mvc.perform(get("/api/public/consultations/{number}", number))
                .andExpect(status().isOk())
                .andDo(document("public-consultation", preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号")),
                        responseFields(consultation(""))));
    }

    @Test
    void takesAnOpinion() throws Exception {
        mvc.perform(post("/api/public/consultations/{number}/opinions", number)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("name", "李四", "contact", "13800000000",
                                "text", "建议施工期间保留一条人行通道。"))))
                .andExpect(status().isCreated())
                .andDo(document("public-opinion-submit", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号")),
                        requestFields(
                                fieldWithPath("name").optional().type(JsonFieldType.STRING).description("姓名，公告要求署名时必填；不公开"),
                                fieldWithPath("contact").optional().type(JsonFieldType.STRING).description("联系方式，不超过 200 字；不公开"),
                                fieldWithPath("text").description("意见内容，不超过 5000 字")),
                        responseFields(
                                fieldWithPath("receiptNumber").description("回执编号，请妥善保存"),
                                fieldWithPath("caseNumber").description("事项编号"),
                                fieldWithPath("submittedAt").description("提交时刻（北京时间）"),
                                fieldWithPath("text").description("保存的意见内容，与提交的一致"),
                                fieldWithPath("alikeCount").description("内容相同（忽略空白、全半角、大小写）的意见条数，含本条"))));
    }

    @Test
    void takesAnAttachmentToAnOpinion() throws Exception {
        String body = mvc.perform(post("/api/public/consultations/{number}/opinions", number)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("text", "建议增设非机动车停放点，位置见附图。"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String receipt = json.readTree(body).path("receiptNumber").asText();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2, 3};
        mvc.perform(multipart("/api/public/consultations/{number}/opinions/{receipt}/attachment", number, receipt)
                        .file(new MockMultipartFile("file", "位置图.png", "image/png", png)))
                .andExpect(status().isCreated())
                .andDo(document("public-opinion-attachment", preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号"),
                                parameterWithName("receipt").description("提交意见时得到的回执编号")),
                        requestParts(partWithName("file").description("附件：PDF、Word、Excel、ODF 文本、JPEG、PNG 或 UTF-8 "
                                + "文本，按内容识别类型，不超过 10 MB（`app.consultation.opinions.attachment-max-size`）；每条意见一个"))));
    }
}
