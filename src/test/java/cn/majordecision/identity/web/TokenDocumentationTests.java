package cn.majordecision.identity.web;

import static org.springframework.restdocs.headers.HeaderDocumentation.headerWithName;
import static org.springframework.restdocs.headers.HeaderDocumentation.requestHeaders;
import static org.springframework.restdocs.mockmvc.MockMvcRestDocumentation.document;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.delete;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.post;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.preprocessRequest;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.preprocessResponse;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.prettyPrint;
import static org.springframework.restdocs.payload.PayloadDocumentation.fieldWithPath;
import static org.springframework.restdocs.payload.PayloadDocumentation.requestFields;
import static org.springframework.restdocs.payload.PayloadDocumentation.responseFields;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.majordecision.support.CaseDriver;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
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
class TokenDocumentationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void issuesAToken() throws Exception {
        mvc.perform(post("/api/auth/tokens").with(httpBasic("wugang", CaseDriver.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("label", "合法性审查统计脚本", "validHours", 8))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.tokenType").value("Bearer"))
                .andDo(document("tokens-issue", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint()),
                        requestFields(
                                fieldWithPath("label").description("用途，1 至 100 个字（便于日后识别）"),
                                fieldWithPath("validHours").optional().description("有效小时数，1 至 720，缺省 8")),
                        responseFields(
                                fieldWithPath("token").description("令牌，只显示这一次；服务器只保存其 SHA-256"),
                                fieldWithPath("tokenType").description("`Bearer`"),
                                fieldWithPath("expiresAt").description("到期时间（UTC）"))));
    }

    @Test
    void revokesTheCurrentToken() throws Exception {
        String body = mvc.perform(post("/api/auth/tokens").with(httpBasic("wugang", CaseDriver.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"label\":\"临时\"}"))
                .andReturn().getResponse().getContentAsString();
        String token = json.readTree(body).path("token").asText();

        mvc.perform(delete("/api/auth/tokens/current").header("Authorization", "Bearer " + token))
                .andExpect(status().isNoContent())
                .andDo(document("tokens-revoke", requestHeaders(
                        headerWithName("Authorization").description("`Bearer` 加要注销的令牌"))));
        mvc.perform(delete("/api/auth/tokens/current").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andDo(document("tokens-invalid", preprocessResponse(prettyPrint())));
    }

    @Test
    void slowsDownGuessing() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/api/auth/tokens").with(httpBasic("nobody-guessing", "guess" + i))).andExpect(status().isUnauthorized());
        }
        mvc.perform(post("/api/auth/tokens").with(httpBasic("nobody-guessing", "guess")))
                .andExpect(status().isTooManyRequests())
                .andDo(document("login-throttled", preprocessResponse(prettyPrint())));
    }
}
