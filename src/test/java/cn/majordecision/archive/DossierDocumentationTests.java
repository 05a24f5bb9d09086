package cn.majordecision.archive;

import static org.springframework.restdocs.mockmvc.MockMvcRestDocumentation.document;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.get;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.post;
import static org.springframework.restdocs.payload.PayloadDocumentation.fieldWithPath;
import static org.springframework.restdocs.payload.PayloadDocumentation.responseFields;
import static org.springframework.restdocs.headers.HeaderDocumentation.headerWithName;
import static org.springframework.restdocs.headers.HeaderDocumentation.responseHeaders;
import static org.springframework.restdocs.request.RequestDocumentation.parameterWithName;
import static org.springframework.restdocs.request.RequestDocumentation.pathParameters;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.majordecision.support.CaseDriver;
import cn.majordecision.support.DocumentationSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.restdocs.payload.JsonFieldType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.restdocs.AutoConfigureRestDocs;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureRestDocs
@ActiveProfiles("test")
class DossierDocumentationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    /** Documents the request; a case that is not archived yet answers 409 CASE_NOT_ARCHIVED. */
    @Test
    void documentsTheDossierDownload() throws Exception {
        String number = new DocumentationSupport(mvc, json).fileCase(Map.of());
        mvc.perform(get("/api/cases/{number}/dossier", number).with(httpBasic("hefang", CaseDriver.PASSWORD)))
                .andExpect(status().isConflict())
                .andDo(document("dossier", pathParameters(parameterWithName("number").description("事项编号"))));
    }

    /** A withdrawn case's dossier: the list of its versions once built, and the download of one version. */
    @Test
    void documentsTheDossierVersionsAndTheDownloadOfOne() throws Exception {
        String number = new DocumentationSupport(mvc, json).fileCase(Map.of());
        mvc.perform(post("/api/cases/{number}/withdrawal", number).with(httpBasic("wangfang", CaseDriver.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"上级政策调整，本事项不再推进。\"}"))
                .andExpect(status().isOk());
        awaitReady(number);

        mvc.perform(get("/api/cases/{number}/dossiers", number).with(httpBasic("hefang", CaseDriver.PASSWORD)))
                .andExpect(status().isOk())
                .andDo(document("dossier-versions", pathParameters(parameterWithName("number").description("事项编号")),
                        responseFields(
                                fieldWithPath("[].caseNumber").description("事项编号"),
                                fieldWithPath("[].version").description("版本号，从 1 起；新版本在前"),
                                fieldWithPath("[].reason").description("生成原因：事项办结的方式（`ARCHIVED`、`NOT_LAUNCHED`、"
                                        + "`WITHDRAWN`、`REJECTED`、`PARTY_DISAGREED`、`CONGRESS_NOT_APPROVED`、`LAPSED`），"
                                        + "`TERMINATED`（决策在归档前被终止执行），或 `AFTER_DECISION`（决策作出后新增的记录）"),
                                fieldWithPath("[].reasonLabel").description("生成原因的中文说明"),
                                fieldWithPath("[].reasonDetail").type(JsonFieldType.STRING).optional()
                                        .description("`AFTER_DECISION` 时为触发的记录种类（如 `EXECUTION_REPORTED`），多个以逗号分隔"),
                                fieldWithPath("[].status").description("`PENDING`/`BUILDING`（生成中）、`READY`（可下载）、"
                                        + "`FAILED`（生成失败，见 `failure`）"),
                                fieldWithPath("[].statusLabel").description("状态的中文说明"),
                                fieldWithPath("[].failure").type(JsonFieldType.STRING).optional().description("生成失败的原因"),
                                fieldWithPath("[].requestedAt").description("请求生成的时间（UTC），即事项办结或新记录提交的时间"),
                                fieldWithPath("[].requestedBy").type(JsonFieldType.STRING).optional()
                                        .description("引起生成的用户；流程自行结束时为空"),
                                fieldWithPath("[].createdAt").type(JsonFieldType.STRING).optional().description("生成完成的时间（UTC）"),
                                fieldWithPath("[].sha256").type(JsonFieldType.STRING).optional()
                                        .description("归档包（ZIP）的 SHA-256，亦记入审计日志（`DOSSIER_CREATED`）"),
                                fieldWithPath("[].sizeBytes").type(JsonFieldType.NUMBER).optional().description("归档包字节数"))));

        mvc.perform(get("/api/cases/{number}/dossiers/{version}", number, 1).with(httpBasic("hefang", CaseDriver.PASSWORD)))
                .andExpect(status().isOk())
                .andDo(document("dossier-version", pathParameters(parameterWithName("number").description("事项编号"),
                                parameterWithName("version").description("版本号")),
                        responseHeaders(headerWithName("Content-Disposition").description("文件名：`<事项编号>-dossier-v<版本>.zip`"))));
    }

    private void awaitReady(String number) throws Exception {
        int polls = 300; // at most a minute, a poll every 200 ms
        while (polls-- > 0) {
            String body = mvc.perform(get("/api/cases/{number}/dossiers", number).with(httpBasic("hefang", CaseDriver.PASSWORD)))
                    .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            JsonNode list = json.readTree(body);
            if (list.size() > 0 && "READY".equals(list.path(0).path("status").asText())) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The dossier of " + number + " was not built");
    }
}
