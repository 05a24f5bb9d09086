package cn.majordecision;

import static org.springframework.restdocs.mockmvc.MockMvcRestDocumentation.document;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.get;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.preprocessResponse;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.prettyPrint;
import static org.springframework.restdocs.payload.PayloadDocumentation.fieldWithPath;
import static org.springframework.restdocs.payload.PayloadDocumentation.responseFields;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.majordecision.support.CaseDriver;
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
class OperationsDocumentationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void probesTellAnybodyTheStatusOnly() throws Exception {
        mvc.perform(get("/actuator/health/readiness").header("X-Request-Id", "lb-20261129-0001"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Request-Id", "lb-20261129-0001"))
                .andExpect(jsonPath("$.status").value("UP"))
                .andDo(document("actuator-readiness", preprocessResponse(prettyPrint()),
                        responseFields(fieldWithPath("status").description("UP：可以接收请求；OUT_OF_SERVICE（503）：启动中、停机中或数据库不可用"))));
    }

    @Test
    void metricsAreRefusedToOtherRoles() throws Exception {
        mvc.perform(get("/actuator/prometheus").with(httpBasic("wangfang", CaseDriver.PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("OPERATIONS_ONLY"))
                .andDo(document("actuator-refused", preprocessResponse(prettyPrint())));
    }
}
