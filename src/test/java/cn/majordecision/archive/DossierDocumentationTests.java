package cn.majordecision.archive;

import static org.springframework.restdocs.mockmvc.MockMvcRestDocumentation.document;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.get;
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
}
