package cn.majordecision.calendar.web;

import static org.springframework.restdocs.mockmvc.MockMvcRestDocumentation.document;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.get;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.put;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.preprocessRequest;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.preprocessResponse;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.prettyPrint;
import static org.springframework.restdocs.payload.PayloadDocumentation.fieldWithPath;
import static org.springframework.restdocs.payload.PayloadDocumentation.relaxedResponseFields;
import static org.springframework.restdocs.payload.PayloadDocumentation.requestFields;
import static org.springframework.restdocs.payload.PayloadDocumentation.responseFields;
import static org.springframework.restdocs.request.RequestDocumentation.parameterWithName;
import static org.springframework.restdocs.request.RequestDocumentation.pathParameters;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
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
import org.springframework.restdocs.payload.JsonFieldType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureRestDocs
@ActiveProfiles("test")
class CalendarDocumentationTests {

    private static final String PASSWORD = CaseDriver.PASSWORD;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void showsAYearOfTheWorkingDayCalendar() throws Exception {
        mvc.perform(get("/api/admin/calendar/{year}", 2026).with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.workingDays").value(248))
                .andDo(document("calendar-show", preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("year").description("年份，2000-2100")),
                        responseFields(yearFields())));
    }

    @Test
    void replacesAYearFromTheStateCouncilNotice() throws Exception {
        Map<String, Object> request = Map.of("notice", "示例：2027年节假日安排（以国务院办公厅通知为准）",
                "off", List.of("2027-01-01..2027-01-03", "2027-02-06..2027-02-13", "2027-10-01..2027-10-07"),
                "work", List.of("2027-02-14", "2027-09-26", "2027-10-09"));
        mvc.perform(put("/api/admin/calendar/{year}", 2027).with(httpBasic("admin", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(request)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("ADMIN"))
                .andDo(document("calendar-replace", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("year").description("年份，2000-2100")),
                        requestFields(
                                fieldWithPath("notice").optional().type(JsonFieldType.STRING).description("通知文号，最多 200 字"),
                                fieldWithPath("off").description("休息日：日期（YYYY-MM-DD）或含首尾的区间（2027-10-01..2027-10-07），区间内的周末一并列入"),
                                fieldWithPath("work").description("调休上班日：只能是周六或周日；不得同时列为休息日")),
                        responseFields(yearFields())));
    }

    @Test
    void refusesAWrongYearFieldByField() throws Exception {
        Map<String, Object> request = Map.of("off", List.of("2028-10-01..2028-10-07", "2029-01-01"),
                "work", List.of("2028-10-09"));
        mvc.perform(put("/api/admin/calendar/{year}", 2028).with(httpBasic("admin", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(request)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("OTHER_YEAR"))
                .andDo(document("calendar-replace-invalid", preprocessResponse(prettyPrint()),
                        relaxedResponseFields(
                                fieldWithPath("code").description("VALIDATION_FAILED；未保存任何数据"),
                                fieldWithPath("errors[].field").description("出错的项，如 off[1]"),
                                fieldWithPath("errors[].code").description("OTHER_YEAR / DATE / RANGE_ORDER / NOT_A_WEEKEND / BOTH_REST_AND_WORK / REQUIRED / TOO_MANY"),
                                fieldWithPath("errors[].message").description("中文说明"))));
    }

    @Test
    void showsAYearWhoseNoticeIsNotEnteredAsProvisional() throws Exception {
        mvc.perform(get("/api/admin/calendar/{year}", 2035).with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("PROVISIONAL"))
                .andExpect(jsonPath("$.provisional").value(true))
                .andExpect(jsonPath("$.restDays[1]").value("2035-02-07"))
                .andDo(document("calendar-provisional", preprocessResponse(prettyPrint()),
                        responseFields(yearFields())));
    }

    @Test
    void refusesAnyoneButAnAdministrator() throws Exception {
        mvc.perform(get("/api/admin/calendar/{year}", 2026).with(httpBasic("wangfang", PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ADMIN_ONLY"))
                .andDo(document("calendar-forbidden", preprocessResponse(prettyPrint())));
    }

    private static FieldDescriptor[] yearFields() {
        return new FieldDescriptor[] {
                fieldWithPath("year").description("年份"),
                fieldWithPath("notice").type(JsonFieldType.STRING).optional().description("国务院办公厅通知文号"),
                fieldWithPath("source").description("FILE：随系统发布的数据文件；ADMIN：管理员录入（优先于数据文件）；"
                        + "PROVISIONAL：尚未录入该年通知，暂按周末和法定节假日推算（不含调休）"),
                fieldWithPath("provisional").description("是否为暂定日历：涉及该年的期限均标为“暂定”，录入通知后自动重算"),
                fieldWithPath("workingDays").description("全年工作日天数（已计入调休和地方休息日）"),
                fieldWithPath("restDays").description("法定休息日（含假期中的周末）"),
                fieldWithPath("adjustedWorkingDays").description("调休上班的周末"),
                fieldWithPath("regionalRestDays").description("地方增加的休息日（配置 app.calendar.overlays）"),
                fieldWithPath("replacedBy").type(JsonFieldType.STRING).optional().description("录入的管理员（数据文件为 null）"),
                fieldWithPath("replacedAt").type(JsonFieldType.STRING).optional().description("录入时间（UTC）")};
    }
}
