package cn.majordecision.audit.web;

import static org.springframework.restdocs.mockmvc.MockMvcRestDocumentation.document;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.get;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.preprocessResponse;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.prettyPrint;
import static org.springframework.restdocs.payload.PayloadDocumentation.fieldWithPath;
import static org.springframework.restdocs.payload.PayloadDocumentation.relaxedResponseFields;
import static org.springframework.restdocs.payload.PayloadDocumentation.subsectionWithPath;
import static org.springframework.restdocs.request.RequestDocumentation.parameterWithName;
import static org.springframework.restdocs.request.RequestDocumentation.pathParameters;
import static org.springframework.restdocs.request.RequestDocumentation.queryParameters;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.majordecision.support.CaseDriver;
import cn.majordecision.support.DocumentationSupport;
import cn.majordecision.support.Submissions;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.restdocs.AutoConfigureRestDocs;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.restdocs.payload.FieldDescriptor;
import org.springframework.restdocs.payload.JsonFieldType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureRestDocs
@ActiveProfiles("test")
class TimelineDocumentationTests {

    private static final String AUDITOR = "xunuo";
    private static final String PASSWORD = CaseDriver.PASSWORD;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    String number;

    @BeforeEach
    void setUp() throws Exception {
        DocumentationSupport support = new DocumentationSupport(mvc, json);
        number = support.fileCase(Map.of());
        support.complete(support.openTask(number), "zhangwei", Submissions.launch());
    }

    @Test
    void showsTheTimelineOfACase() throws Exception {
        mvc.perform(get("/api/audit/cases/{number}/timeline", number).with(httpBasic(AUDITOR, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.eventType == 'TASK_COMPLETED')].submission").exists())
                .andDo(document("audit-timeline", preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号")),
                        relaxedResponseFields(event("[]."))));
    }

    @Test
    void searchesEveryCasesEvents() throws Exception {
        LocalDate today = Submissions.today();
        mvc.perform(get("/api/audit/timeline").param("actor", "zhangwei").param("stage", "LAUNCH")
                        .param("eventType", "TASK_COMPLETED").param("from", today.minusDays(1).toString())
                        .param("to", today.toString()).param("page", "0").param("size", "2")
                        .with(httpBasic(AUDITOR, PASSWORD)))
                .andExpect(status().isOk())
                .andDo(document("audit-timeline-search", preprocessResponse(prettyPrint()),
                        queryParameters(
                                parameterWithName("actor").optional().description("用户名：只列此人的事件"),
                                parameterWithName("stage").optional().description("阶段代码，如 LAUNCH、LEGALITY_REVIEW"),
                                parameterWithName("eventType").optional().description("事件类型，如 TASK_COMPLETED"),
                                parameterWithName("from").optional().description("起始日期（含），北京时间，yyyy-MM-dd"),
                                parameterWithName("to").optional().description("截止日期（含），北京时间，yyyy-MM-dd"),
                                parameterWithName("page").optional().description("页码，从 0 起，缺省 0"),
                                parameterWithName("size").optional().description("每页条数，1-200，缺省 50")),
                        relaxedResponseFields(
                                fieldWithPath("page").description("页码"),
                                fieldWithPath("size").description("每页条数"),
                                fieldWithPath("total").description("符合条件的事件总数"),
                                subsectionWithPath("events").description("本页事件，新的在前，字段同办理时间线"))));
    }

    private static FieldDescriptor[] event(String prefix) {
        return new FieldDescriptor[] {
            fieldWithPath(prefix + "sequence").description("审计日志序号"),
            fieldWithPath(prefix + "caseNumber").description("事项编号"),
            fieldWithPath(prefix + "eventType").description("事件类型"),
            fieldWithPath(prefix + "actor").description("操作人用户名（system 为系统）"),
            fieldWithPath(prefix + "actorName").description("操作人姓名"),
            fieldWithPath(prefix + "role").optional().type(JsonFieldType.STRING).description("操作人当时的岗位（组）"),
            fieldWithPath(prefix + "recordedAt").description("时间，UTC，精确到微秒"),
            fieldWithPath(prefix + "stage").optional().type(JsonFieldType.STRING).description("阶段代码"),
            fieldWithPath(prefix + "stageLabel").optional().type(JsonFieldType.STRING).description("阶段中文名称"),
            fieldWithPath(prefix + "taskName").optional().type(JsonFieldType.STRING).description("任务名称（办结任务）"),
            fieldWithPath(prefix + "draftVersion").optional().type(JsonFieldType.NUMBER).description("涉及的草案版本"),
            subsectionWithPath(prefix + "submission").optional().type(JsonFieldType.ARRAY)
                    .description("办结任务时提交的内容，取自保存的办理记录：key、label（表单上的字段名称）、value（保存的原值）、"
                            + "text（供人阅读的值：选项显示表单上的名称，不显示代码；是/否；列表每行一项）"),
            subsectionWithPath(prefix + "payload").description("审计条目的原始内容"),
            fieldWithPath(prefix + "tampered").optional().type(JsonFieldType.STRING)
                    .description("该条目所写的业务记录已与它不符时：“记录与审计日志不符，可能被篡改：”及原因；否则为 null")
        };
    }
}
