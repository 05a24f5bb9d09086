package cn.majordecision.cases.web;

import static org.springframework.restdocs.mockmvc.MockMvcRestDocumentation.document;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.delete;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
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
import org.springframework.http.MediaType;
import org.springframework.restdocs.payload.FieldDescriptor;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureRestDocs
@ActiveProfiles("test")
class CaseAccessDocumentationTests {

    private static final FieldDescriptor[] GRANT = {
            fieldWithPath("id").description("授权编号"),
            fieldWithPath("unit").description("获准查阅的单位"),
            fieldWithPath("reason").description("授权理由"),
            fieldWithPath("grantedBy").description("授权人"),
            fieldWithPath("grantedAt").description("授权时间"),
            fieldWithPath("revokedBy").optional().description("撤销人，未撤销为 null"),
            fieldWithPath("revokedAt").optional().description("撤销时间，未撤销为 null"),
            fieldWithPath("active").description("是否仍然有效")};

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void grantsListsAndRevokes() throws Exception {
        String number = new DocumentationSupport(mvc, json).fileCase(Map.of());
        String body = mvc.perform(post("/api/cases/{number}/access-grants", number)
                        .with(httpBasic("zhangwei", CaseDriver.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("unit", "镇农业农村办", "reason", "涉及农田水利，请农业农村办会签"))))
                .andExpect(status().isCreated())
                .andDo(document("access-grant", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号")),
                        requestFields(fieldWithPath("unit").description("获准查阅的单位（不能是承办或牵头单位）"),
                                fieldWithPath("reason").description("授权理由，最多 500 字")),
                        responseFields(GRANT)))
                .andReturn().getResponse().getContentAsString();
        long id = json.readTree(body).path("id").asLong();

        mvc.perform(get("/api/cases/{number}/access-grants", number).with(httpBasic("zhangwei", CaseDriver.PASSWORD)))
                .andExpect(status().isOk())
                .andDo(document("access-grants-list", preprocessResponse(prettyPrint()),
                        responseFields(fieldWithPath("[]").description("本事项的全部查阅授权，含已撤销的"))
                                .andWithPrefix("[].", GRANT)));

        mvc.perform(delete("/api/cases/{number}/access-grants/{id}", number, id).with(httpBasic("zhangwei", CaseDriver.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false))
                .andDo(document("access-grant-revoke", preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号"),
                                parameterWithName("id").description("授权编号"))));
    }
}
