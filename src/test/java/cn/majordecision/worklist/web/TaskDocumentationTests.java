package cn.majordecision.worklist.web;

import static org.springframework.restdocs.mockmvc.MockMvcRestDocumentation.document;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.delete;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.get;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.post;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.preprocessRequest;
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
import java.util.Map;
import org.springframework.restdocs.payload.JsonFieldType;
import org.junit.jupiter.api.BeforeEach;
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
class TaskDocumentationTests {

    private static final String PASSWORD = CaseDriver.PASSWORD;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    DocumentationSupport support;
    String taskId;

    @BeforeEach
    void setUp() throws Exception {
        support = new DocumentationSupport(mvc, json);
        taskId = support.openTask(support.fileCase(Map.of()));
    }

    @Test
    void listsMyInbox() throws Exception {
        mvc.perform(get("/api/tasks").param("page", "0").param("size", "50").with(httpBasic("zhangwei", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].taskKey").value("Task_DecideLaunch"))
                .andDo(document("tasks-inbox", preprocessResponse(prettyPrint()),
                        queryParameters(
                                parameterWithName("page").optional().description("页码，从 0 开始"),
                                parameterWithName("size").optional().description("每页条数，1-200，缺省 50")),
                        relaxedResponseFields(
                                fieldWithPath("[].id").description("任务编号"),
                                fieldWithPath("[].name").description("任务名称"),
                                fieldWithPath("[].taskKey").description("流程中的任务标识"),
                                fieldWithPath("[].formKey").description("表单标识"),
                                fieldWithPath("[].assignee").description("签收人（未签收为 null）"),
                                fieldWithPath("[].candidateGroups").description("可办理的岗位"),
                                fieldWithPath("[].caseNumber").description("事项编号"),
                                fieldWithPath("[].caseTitle").description("事项名称"),
                                fieldWithPath("[].due").type(JsonFieldType.STRING).optional().description("办理期限：按法定工作日历计算的最后一日结束时（北京时间零点，UTC 表示），即最后一日 24:00前"),
                                fieldWithPath("[].dueProvisional").description("期限是否暂定：期间涉及尚未录入国务院节假日安排的年份，暂按周末和法定节假日计算，录入后自动重算"))));
    }

    @Test
    void reportsDeadlines() throws Exception {
        mvc.perform(get("/api/deadlines").param("stage", "LAUNCH").param("unit", "镇规划建设办")
                        .with(httpBasic("xunuo", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].stage").value("LAUNCH"))
                .andDo(document("deadlines", preprocessResponse(prettyPrint()),
                        queryParameters(
                                parameterWithName("stage").optional().description("只看某一阶段，如 LEGALITY_REVIEW"),
                                parameterWithName("unit").optional().description("只看某一承办单位")),
                        relaxedResponseFields(
                                fieldWithPath("[].taskName").description("任务名称"),
                                fieldWithPath("[].stage").description("所属阶段；决策执行中尚待答复的问题报告为 EXECUTION（没有法定办理期限，排在最后）"),
                                fieldWithPath("[].caseNumber").description("事项编号"),
                                fieldWithPath("[].unit").description("承办单位"),
                                fieldWithPath("[].due").optional().description("办理期限（UTC；当地时间为期限日的24时）"),
                                fieldWithPath("[].workingDaysLeft").optional().description("剩余工作日；0 为今日到期，负数为已超期的工作日数"),
                                fieldWithPath("[].overdue").description("是否已超期"),
                                fieldWithPath("[].dueProvisional").description("期限是否暂定（见待办列表）"))));
    }

    @Test
    void showsATaskWithItsFormAndCase() throws Exception {
        mvc.perform(get("/api/tasks/{id}", taskId).with(httpBasic("zhangwei", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.form.id").value("decide-launch"))
                .andDo(document("tasks-detail", preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("id").description("任务编号")),
                        relaxedResponseFields(
                                subsectionWithPath("task").description("任务"),
                                subsectionWithPath("form").description("Camunda 表单（form-js JSON），服务器按它校验提交"),
                                subsectionWithPath("decisionCase").description("事项概要"),
                                subsectionWithPath("currentDraft").optional().description("当前草案（尚无草案时为 null）"),
                                subsectionWithPath("earlierRecords").description("此前各步骤的办理记录（本轮专家意见在全部提交或期限届满前只有撰写人可见）"),
                                fieldWithPath("materialsWithheld").description("true 时草案、此前记录和程序说明暂不提供：专家尚未声明与本事项无利害关系"),
                                subsectionWithPath("procedureStatement").description("履行决策法定程序的说明（第二十六条）：各阶段已履行、依标记未履行（含理由）或尚未进行，由系统根据记录生成"))));
    }

    @Test
    void claimsATask() throws Exception {
        mvc.perform(post("/api/tasks/{id}/claim", taskId).with(httpBasic("zhangwei", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assignee").value("zhangwei"))
                .andDo(document("tasks-claim", preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("id").description("任务编号"))));
    }

    @Test
    void unclaimsATask() throws Exception {
        support.claim(taskId, "zhangwei");
        mvc.perform(delete("/api/tasks/{id}/claim", taskId).with(httpBasic("zhangwei", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assignee").doesNotExist())
                .andDo(document("tasks-unclaim", preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("id").description("任务编号"))));
    }

    @Test
    void completesATask() throws Exception {
        support.claim(taskId, "zhangwei");
        mvc.perform(post("/api/tasks/{id}/complete", taskId).with(httpBasic("zhangwei", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Submissions.launch())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("LAUNCH"))
                .andDo(document("tasks-complete", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("id").description("任务编号")),
                        relaxedResponseFields(
                                fieldWithPath("recordId").description("办理记录编号"),
                                fieldWithPath("stage").description("所属阶段"),
                                fieldWithPath("completedAt").description("办结时间（UTC）"),
                                fieldWithPath("draftVersion").description("办理时所针对的草案版本"),
                                fieldWithPath("producedDraftVersion").optional().description("本次提交产生的新草案版本"),
                                fieldWithPath("sha256").description("提交内容（规范化 JSON）的 SHA-256 摘要"),
                                subsectionWithPath("nextTasks").description("办结后本事项的待办任务（下一步）"))));
    }

    @Test
    void refusesInvalidFormData() throws Exception {
        support.claim(taskId, "zhangwei");
        mvc.perform(post("/api/tasks/{id}/complete", taskId).with(httpBasic("zhangwei", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"launchDecision\":\"notLaunch\",\"extra\":1}"))
                .andExpect(status().isBadRequest())
                .andDo(document("tasks-complete-invalid", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint())));
    }
}
