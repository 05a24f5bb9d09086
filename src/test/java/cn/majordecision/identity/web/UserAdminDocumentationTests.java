package cn.majordecision.identity.web;

import static org.springframework.restdocs.mockmvc.MockMvcRestDocumentation.document;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.get;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.post;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.put;
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
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
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
class UserAdminDocumentationTests {

    private static final FieldDescriptor[] ACCOUNT = {
            fieldWithPath("userId").description("用户名"),
            fieldWithPath("displayName").description("姓名"),
            fieldWithPath("unit").description("所在单位（经办人只能办理本单位的事项）"),
            fieldWithPath("email").description("电子邮箱（接收临期提醒和督办通知）"),
            fieldWithPath("groups").description("岗位，见 `GET /api/admin/groups`"),
            fieldWithPath("enabled").description("是否启用")};

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void documentsTheUserDirectory() throws Exception {
        mvc.perform(get("/api/admin/groups").with(httpBasic("admin", CaseDriver.PASSWORD)))
                .andExpect(status().isOk())
                .andDo(document("admin-groups", preprocessResponse(prettyPrint())));
        mvc.perform(post("/api/admin/users").with(httpBasic("admin", CaseDriver.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of(
                                "userId", "qianlin", "displayName", "钱琳", "unit", "镇规划建设办",
                                "email", "qianlin@example.com", "groups", List.of("officers"), "password", "Qian-2026-start"))))
                .andExpect(status().isCreated())
                .andDo(document("admin-users-create", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint()),
                        requestFields(fieldWithPath("userId").description("用户名：小写字母开头，2 至 64 位字母、数字或 . _ -"),
                                fieldWithPath("displayName").description("姓名"),
                                fieldWithPath("unit").description("所在单位"),
                                fieldWithPath("email").description("电子邮箱"),
                                fieldWithPath("groups").description("岗位；系统管理员不能兼任业务岗位"),
                                fieldWithPath("password").description("初始密码，至少 10 位；只保存其 bcrypt 散列")),
                        responseFields(ACCOUNT)));
        mvc.perform(put("/api/admin/users/{userId}", "qianlin").with(httpBasic("admin", CaseDriver.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of(
                                "displayName", "钱琳", "unit", "镇农业农村办", "email", "qianlin@example.com",
                                "groups", List.of("officers"), "enabled", true))))
                .andExpect(status().isOk())
                .andDo(document("admin-users-update", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("userId").description("用户名")),
                        requestFields(fieldWithPath("displayName").description("姓名"),
                                fieldWithPath("unit").description("所在单位"),
                                fieldWithPath("email").description("电子邮箱"),
                                fieldWithPath("groups").description("岗位（不能修改自己的岗位）"),
                                fieldWithPath("enabled").description("false 停用账号，立即生效（不能停用自己）"))));
        mvc.perform(put("/api/admin/users/{userId}/password", "qianlin").with(httpBasic("admin", CaseDriver.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"Qian-2026-second\"}"))
                .andExpect(status().isNoContent())
                .andDo(document("admin-users-password", requestFields(fieldWithPath("password").description("新密码，至少 10 位"))));
        mvc.perform(get("/api/admin/users").with(httpBasic("admin", CaseDriver.PASSWORD)))
                .andExpect(status().isOk())
                .andDo(document("admin-users-list", responseFields(fieldWithPath("[]").description("全部用户"))
                        .andWithPrefix("[].", ACCOUNT)));
    }
}
