package cn.majordecision.annualreport.web;

import static org.springframework.restdocs.mockmvc.MockMvcRestDocumentation.document;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.get;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.preprocessResponse;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.prettyPrint;
import static org.springframework.restdocs.payload.PayloadDocumentation.fieldWithPath;
import static org.springframework.restdocs.payload.PayloadDocumentation.responseFields;
import static org.springframework.restdocs.request.RequestDocumentation.parameterWithName;
import static org.springframework.restdocs.request.RequestDocumentation.pathParameters;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.majordecision.calendar.Deadlines;
import cn.majordecision.support.CaseDriver;
import cn.majordecision.support.DocumentationSupport;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
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
class AnnualReportDocumentationTests {

    private static final String HEAD = "zhangwei";
    private static final String PASSWORD = CaseDriver.PASSWORD;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    Clock clock;

    private int year() {
        return LocalDate.now(clock.withZone(Deadlines.CHINA)).getYear();
    }

    @Test
    void reportsTheYearMetricByMetric() throws Exception {
        new DocumentationSupport(mvc, json).fileCase(Map.of("nonPublic", true));
        mvc.perform(get("/api/reports/annual/{year}", year()).with(httpBasic(HEAD, PASSWORD)))
                .andExpect(status().isOk())
                .andDo(document("annual-report", preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("year").description("年度（2000 年至明年）")),
                        responseFields(
                                fieldWithPath("government").description("政府名称（设置 `app.government`）"),
                                fieldWithPath("year").description("年度"),
                                fieldWithPath("computedAt").description("统计时间（UTC）"),
                                fieldWithPath("metrics[].key").description("指标代码，见下表"),
                                fieldWithPath("metrics[].label").description("指标名称（中文，含单位）"),
                                fieldWithPath("metrics[].value").description("数值"),
                                fieldWithPath("metrics[].caseNumbers").description("计入该指标的事项编号"),
                                fieldWithPath("metrics[].itemNumbers").description("目录指标计入的目录事项编号，其他指标为空"),
                                fieldWithPath("metrics[].note").type(JsonFieldType.STRING).optional()
                                        .description("说明，例如数据尚未纳入本系统时按 0 统计"),
                                fieldWithPath("notes").description("整份报告的说明"),
                                fieldWithPath("publicationWorkingDays").description(
                                        "“按期公布”的期限：决定作出后的工作日数（设置 `app.publication.working-days`）"))));
    }

    @Test
    void writesTheYearAsChineseParagraphs() throws Exception {
        mvc.perform(get("/api/reports/annual/{year}/text", year()).with(httpBasic(HEAD, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/plain"))
                .andDo(document("annual-report-text",
                        pathParameters(parameterWithName("year").description("年度"))));
    }

    @Test
    void exportsTheYearAsCsv() throws Exception {
        mvc.perform(get("/api/reports/annual/{year}/csv", year()).with(httpBasic(HEAD, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andDo(document("annual-report-csv",
                        pathParameters(parameterWithName("year").description("年度"))));
    }

    @Test
    void refusesAYearOutOfRange() throws Exception {
        mvc.perform(get("/api/reports/annual/{year}", 1999).with(httpBasic(HEAD, PASSWORD)))
                .andExpect(status().isBadRequest())
                .andDo(document("annual-report-invalid-year", preprocessResponse(prettyPrint())));
    }
}
