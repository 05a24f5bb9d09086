package cn.majordecision.documents.web;

import static org.springframework.restdocs.headers.HeaderDocumentation.headerWithName;
import static org.springframework.restdocs.headers.HeaderDocumentation.responseHeaders;
import static org.springframework.restdocs.mockmvc.MockMvcRestDocumentation.document;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.get;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.multipart;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.preprocessResponse;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.prettyPrint;
import static org.springframework.restdocs.payload.PayloadDocumentation.fieldWithPath;
import static org.springframework.restdocs.payload.PayloadDocumentation.responseFields;
import static org.springframework.restdocs.payload.PayloadDocumentation.subsectionWithPath;
import static org.springframework.restdocs.request.RequestDocumentation.parameterWithName;
import static org.springframework.restdocs.request.RequestDocumentation.partWithName;
import static org.springframework.restdocs.request.RequestDocumentation.pathParameters;
import static org.springframework.restdocs.request.RequestDocumentation.requestParts;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.majordecision.support.CaseDriver;
import cn.majordecision.support.DocumentationSupport;
import cn.majordecision.support.Submissions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.restdocs.AutoConfigureRestDocs;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockPart;
import org.springframework.restdocs.payload.FieldDescriptor;
import org.springframework.restdocs.payload.JsonFieldType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureRestDocs
@ActiveProfiles("test")
class DocumentsDocumentationTests {

    private static final String OFFICER = "wangfang";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    private String caseBeingDrafted(DocumentationSupport support) throws Exception {
        String number = support.fileCase(Map.of());
        support.complete(support.openTask(number), "zhangwei", Submissions.launch());
        return number;
    }

    private JsonNode upload(String number, String title, String fileName, String text) throws Exception {
        String body = mvc.perform(multipart("/api/cases/{number}/documents", number)
                        .file(new MockMultipartFile("file", fileName, "text/plain", text.getBytes(StandardCharsets.UTF_8)))
                        .part(part("title", title))
                        .with(httpBasic(OFFICER, CaseDriver.PASSWORD)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    private static MockPart part(String name, String value) {
        return new MockPart(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static FieldDescriptor[] documentFields(String prefix) {
        return new FieldDescriptor[] {
                fieldWithPath(prefix + "id").description("材料版本的编号"),
                fieldWithPath(prefix + "title").description("材料名称；同名再次上传即为新版本"),
                fieldWithPath(prefix + "version").description("版本号，从 1 起"),
                fieldWithPath(prefix + "fileName").description("文件名（已去掉路径和控制字符）"),
                fieldWithPath(prefix + "mediaType").description("按文件内容识别的类型"),
                fieldWithPath(prefix + "sizeBytes").description("字节数"),
                fieldWithPath(prefix + "sha256").description("内容的 SHA-256（十六进制），下载时即 ETag"),
                fieldWithPath(prefix + "stage").type(JsonFieldType.STRING).optional().description("所属阶段，未指定为 null"),
                fieldWithPath(prefix + "taskId").type(JsonFieldType.STRING).optional().description("所属任务，未指定为 null"),
                fieldWithPath(prefix + "uploadedBy").description("上传人"),
                fieldWithPath(prefix + "uploadedAt").description("上传时刻（UTC）"),
                fieldWithPath(prefix + "contentUrl").description("下载地址")};
    }

    @Test
    void uploadsADocument() throws Exception {
        String number = caseBeingDrafted(new DocumentationSupport(mvc, json));

        mvc.perform(multipart("/api/cases/{number}/documents", number)
                        .file(new MockMultipartFile("file", "决策草案.txt", "text/plain",
                                "中心街道路改造工程实施方案（草案）\n第一条 ……\n".getBytes(StandardCharsets.UTF_8)))
                        .part(part("title", "决策草案"), part("stage", "DRAFTING"))
                        .with(httpBasic(OFFICER, CaseDriver.PASSWORD)))
                .andExpect(status().isCreated())
                .andDo(document("documents-upload", preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号")),
                        requestParts(partWithName("file").description("文件：PDF、docx、xlsx、odt、JPEG、PNG 或 UTF-8 纯文本，"
                                        + "默认不超过 50 MB（`app.documents.max-size`）"),
                                partWithName("title").description("材料名称，不超过 200 字；同名再次上传即为新版本"),
                                partWithName("stage").optional().description("所属阶段（可选），如 DRAFTING、PUBLIC_PARTICIPATION、"
                                        + "EXPERT_REVIEW、RISK_ASSESSMENT"),
                                partWithName("taskId").optional().description("所属任务（可选）：本事项正在办理或已办结的任务编号")),
                        responseFields(documentFields(""))));
    }

    @Test
    void refusesAFileWhoseContentDoesNotMatchItsName() throws Exception {
        String number = caseBeingDrafted(new DocumentationSupport(mvc, json));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

        mvc.perform(multipart("/api/cases/{number}/documents", number)
                        .file(new MockMultipartFile("file", "专家论证意见.pdf", "application/pdf", png))
                        .part(part("title", "专家论证意见"))
                        .with(httpBasic(OFFICER, CaseDriver.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andDo(document("documents-upload-mismatch", preprocessResponse(prettyPrint())));
    }

    @Test
    void listsTheDocumentsWithTheirVersions() throws Exception {
        String number = caseBeingDrafted(new DocumentationSupport(mvc, json));
        upload(number, "起草说明", "起草说明.txt", "起草说明（第一版）");
        upload(number, "起草说明", "起草说明.txt", "起草说明（第二版）");

        mvc.perform(get("/api/cases/{number}/documents", number).with(httpBasic(OFFICER, CaseDriver.PASSWORD)))
                .andExpect(status().isOk())
                .andDo(document("documents-list", preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号")),
                        responseFields(fieldWithPath("caseNumber").description("事项编号"),
                                fieldWithPath("documents[].title").description("材料名称，最近上传的在前"),
                                subsectionWithPath("documents[].latest").description("最新版本（字段同上传的答复）"),
                                subsectionWithPath("documents[].versions").description("全部版本，旧的在前；旧版本仍可下载"))));
    }

    @Test
    void downloadsAVersion() throws Exception {
        String number = caseBeingDrafted(new DocumentationSupport(mvc, json));
        JsonNode stored = upload(number, "听证笔录", "听证笔录.txt", "听证笔录\n时间：……\n");

        mvc.perform(get("/api/cases/{number}/documents/{id}/content", number, stored.path("id").asLong())
                        .with(httpBasic("zhangwei", CaseDriver.PASSWORD)))
                .andExpect(status().isOk())
                .andDo(document("documents-content",
                        pathParameters(parameterWithName("number").description("事项编号"),
                                parameterWithName("id").description("材料版本的编号")),
                        responseHeaders(headerWithName("Content-Type").description("上传时按内容识别的类型"),
                                headerWithName("Content-Disposition").description("附件；`filename*` 为 UTF-8 编码的原文件名（RFC 5987）"),
                                headerWithName("ETag").description("内容的 SHA-256；带 `If-None-Match` 再次请求得到 304"),
                                headerWithName("X-Content-Type-Options").description("nosniff：浏览器不得自行猜测类型"))));
    }

    @Test
    void showsWhatChangedBetweenTwoDraftVersions() throws Exception {
        DocumentationSupport support = new DocumentationSupport(mvc, json);
        String number = support.fileCase(Map.of("nonPublic", true));
        support.complete(support.openTask(number), "zhangwei", Submissions.launch());
        support.complete(support.openTask(number), OFFICER, Submissions.map("draftText",
                "第一条 为改善中心街通行条件，制定本方案。\n第二条 分段改造路面1.8公里。\n第三条 本方案自公布之日起施行。",
                "draftExplanation", "起草说明", "lawsReviewed", "《公路法》"));
        support.complete(support.openTask(number), OFFICER, Submissions.legalityPackage());
        support.complete(support.openTask(number), "wugang", Submissions.materialsCheck("accept"));
        support.complete(support.openTask(number), "sunli", Submissions.legalOpinion());
        support.complete(support.openTask(number), "wugang", Submissions.legalityConclusion("revise"));
        support.complete(support.openTask(number), OFFICER, Submissions.revision(
                "第一条 为改善中心街通行条件，制定本方案。\n第二条 分段改造路面2.0公里，同步新建雨污分流管网。\n第三条 本方案自公布之日起施行。"));

        mvc.perform(get("/api/cases/{number}/drafts/{from}/diff/{to}", number, 1, 2)
                        .with(httpBasic("wugang", CaseDriver.PASSWORD)))
                .andExpect(status().isOk())
                .andDo(document("drafts-diff", preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号"),
                                parameterWithName("from").description("较早的草案版本号"),
                                parameterWithName("to").description("较新的草案版本号")),
                        responseFields(fieldWithPath("caseNumber").description("事项编号"),
                                fieldWithPath("from.version").description("较早版本号"),
                                fieldWithPath("from.createdBy").description("该版本的起草人"),
                                fieldWithPath("from.createdAt").description("该版本形成的时刻（UTC）"),
                                fieldWithPath("from.changeSummary").type(JsonFieldType.STRING).optional().description("修改说明"),
                                subsectionWithPath("to").description("较新版本，字段同 from"),
                                fieldWithPath("text.added").description("草案正文新增的行数"),
                                fieldWithPath("text.removed").description("草案正文删去的行数"),
                                fieldWithPath("text.lines[].change").description("UNCHANGED 未变、REMOVED 删去、ADDED 新增"),
                                fieldWithPath("text.lines[].fromLine").type(JsonFieldType.NUMBER).optional().description("在较早版本中的行号，新增行为 null"),
                                fieldWithPath("text.lines[].toLine").type(JsonFieldType.NUMBER).optional().description("在较新版本中的行号，删去行为 null"),
                                fieldWithPath("text.lines[].text").description("该行内容"),
                                subsectionWithPath("explanation").description("起草说明的变化，结构同 text"))));
    }
}
