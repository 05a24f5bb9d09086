package cn.majordecision.compliance.web;

import static org.springframework.restdocs.mockmvc.MockMvcRestDocumentation.document;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.get;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.preprocessResponse;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.prettyPrint;
import static org.springframework.restdocs.payload.PayloadDocumentation.fieldWithPath;
import static org.springframework.restdocs.payload.PayloadDocumentation.relaxedResponseFields;
import static org.springframework.restdocs.payload.PayloadDocumentation.subsectionWithPath;
import static org.springframework.restdocs.request.RequestDocumentation.parameterWithName;
import static org.springframework.restdocs.request.RequestDocumentation.pathParameters;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.majordecision.support.CaseDriver;
import cn.majordecision.support.DocumentationSupport;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.restdocs.AutoConfigureRestDocs;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.restdocs.payload.JsonFieldType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureRestDocs
@ActiveProfiles("test")
class ComplianceDocumentationTests {

    private static final String AUDITOR = "xunuo";
    private static final String PASSWORD = CaseDriver.PASSWORD;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void reportsACaseArticleByArticle() throws Exception {
        String number = new DocumentationSupport(mvc, json).fileCase(Map.of("nonPublic", true));
        mvc.perform(get("/api/compliance/cases/{number}", number).with(httpBasic(AUDITOR, PASSWORD)))
                .andExpect(status().isOk())
                .andDo(document("compliance-case", preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号")),
                        relaxedResponseFields(
                                fieldWithPath("caseNumber").description("事项编号"),
                                fieldWithPath("title").description("事项名称"),
                                fieldWithPath("status").description("事项状态"),
                                fieldWithPath("anyViolation").description("是否有任何条款为 VIOLATED 或 MISSING"),
                                fieldWithPath("articles[].articles").description("条款：14-15、16-17、19-20、22-24、25-28、29-30、31、32、33"),
                                fieldWithPath("articles[].title").description("条款内容"),
                                fieldWithPath("articles[].status").description("DONE 已履行、SKIPPED_LAWFULLY 依法不适用、"
                                        + "MISSING 缺失、VIOLATED 违反、NOT_YET_DUE 尚未到此程序"),
                                fieldWithPath("articles[].finding").description("结论说明（中文）"),
                                subsectionWithPath("articles[].evidence").type(JsonFieldType.ARRAY)
                                        .description("依据：recordId 办理记录、formKey 表单、actor/actorName 办理人、at 时间；"
                                                + "依法跳过时 flag 为标记、actor 为设置标记的人"),
                                subsectionWithPath("repairs").type(JsonFieldType.ARRAY)
                                        .description("流程引擎运维人员对本事项流程的每次修复：action、actionLabel 修复方式，"
                                                + "detail 内容，reason 原因，repairedBy 运维人员，repairedAt 时间"),
                                subsectionWithPath("tamperedRecords").type(JsonFieldType.ARRAY)
                                        .description("本事项与审计日志不符、可能被篡改的记录（table、id、ref、caseId、caseNumber、"
                                                + "reason）；这些记录不作为任何条款的履行依据，有任何一条则 anyViolation 为 true"))));
    }

    @Test
    void listsCasesWithAViolation() throws Exception {
        mvc.perform(get("/api/compliance/violations").with(httpBasic(AUDITOR, PASSWORD)))
                .andExpect(status().isOk())
                .andDo(document("compliance-violations", preprocessResponse(prettyPrint()),
                        relaxedResponseFields(subsectionWithPath("[]").description(
                                "有违反或缺失的事项，字段同单个事项的报告，articles 只含 VIOLATED 和 MISSING 的条款"))));
    }
}
