package cn.majordecision.execution.web;

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
import cn.majordecision.support.DocumentationSupport;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureRestDocs
@ActiveProfiles("test")
class ExecutionDocumentationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    String number;

    @BeforeEach
    void publishADecision() throws Exception {
        DocumentationSupport support = new DocumentationSupport(mvc, json);
        number = support.fileCase(Map.of());
        support.openConsultation(number);
        DocumentationSupport.closeConsultation(runtime, management, number);
        support.decideAndPublish(number);
    }

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String user, Object body)
            throws Exception {
        return request.with(httpBasic(user, CaseDriver.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body));
    }

    private void plan() throws Exception {
        mvc.perform(as(put("/api/cases/{number}/execution", number), "wangfang",
                Map.of("executionUnit", "镇农业农村办", "reportIntervalMonths", 3))).andExpect(status().isOk());
    }

    private static FieldDescriptor[] execution() {
        return new FieldDescriptor[] {
                fieldWithPath("caseNumber").description("事项编号"),
                fieldWithPath("publishedOn").description("公布日期"),
                fieldWithPath("executionUnit").type(JsonFieldType.STRING).optional().description("决策执行单位"),
                fieldWithPath("reportIntervalMonths").type(JsonFieldType.NUMBER).optional()
                        .description("执行情况报告周期（月），默认 3（按季度）"),
                fieldWithPath("status").description("IN_FORCE 现行有效、SUSPENDED 暂停执行、ADJUSTED 已调整、TERMINATED 已终止"),
                fieldWithPath("statusLabel").description("状态（中文）"),
                fieldWithPath("statusReason").type(JsonFieldType.STRING).optional().description("暂停、恢复、调整或终止的理由"),
                fieldWithPath("statusSince").type(JsonFieldType.STRING).optional().description("该状态自何时起（北京时间）"),
                fieldWithPath("awaitingOrgan").description("行政首长已先行决定暂停执行，尚待决策机关决定（第三十七条）"),
                fieldWithPath("adjustedByCase").type(JsonFieldType.STRING).optional().description("重大调整后新立的事项编号"),
                fieldWithPath("adjustsCase").type(JsonFieldType.STRING).optional().description("本事项所调整的原决策事项编号"),
                fieldWithPath("schedule").description("报告到期日（遇法定节假日顺延至下一工作日）"),
                fieldWithPath("schedule[].dueOn").optional().type(JsonFieldType.STRING).description("到期日"),
                fieldWithPath("schedule[].provisional").optional().type(JsonFieldType.BOOLEAN).description("该年节假日安排尚未录入，到期日可能顺延"),
                fieldWithPath("schedule[].reported").optional().type(JsonFieldType.BOOLEAN).description("本期是否已报告执行情况"),
                fieldWithPath("schedule[].overdue").optional().type(JsonFieldType.BOOLEAN).description("已逾期未报告"),
                fieldWithPath("overdueReports").description("逾期未报告的期数"),
                fieldWithPath("reports").description("执行单位的报告，不可修改"),
                fieldWithPath("reports[].id").optional().type(JsonFieldType.NUMBER).description("报告编号"),
                fieldWithPath("reports[].kind").optional().type(JsonFieldType.STRING).description("PROGRESS 执行情况、PROBLEM 发现的问题"),
                fieldWithPath("reports[].kindLabel").optional().type(JsonFieldType.STRING).description("类型（中文）"),
                fieldWithPath("reports[].text").optional().type(JsonFieldType.STRING).description("报告内容"),
                fieldWithPath("reports[].sha256").optional().type(JsonFieldType.STRING).description("报告内容的 SHA-256"),
                fieldWithPath("reports[].filedBy").optional().type(JsonFieldType.STRING).description("报告人"),
                fieldWithPath("reports[].filedAt").optional().type(JsonFieldType.STRING).description("报告时间"),
                fieldWithPath("reports[].awaitingAnswer").optional().type(JsonFieldType.BOOLEAN).description("问题报告尚待决策机关答复"),
                fieldWithPath("reports[].answer").optional().type(JsonFieldType.STRING).description("行政首长的答复"),
                fieldWithPath("reports[].answeredBy").optional().type(JsonFieldType.STRING).description("答复人"),
                fieldWithPath("reports[].answeredAt").optional().type(JsonFieldType.STRING).description("答复时间"),
                fieldWithPath("unansweredProblems").description("尚未答复的问题报告数"),
                fieldWithPath("history").description("暂停、维持暂停、恢复、调整和停止执行的记录，按时间先后"),
                fieldWithPath("history[].event").optional().type(JsonFieldType.STRING).description(
                        "SUSPENDED 行政首长决定暂停、SUSPENSION_CONFIRMED 决策机关维持暂停、SUSPENSION_LIFTED 决策机关恢复执行、ADJUSTED 调整、TERMINATED 停止执行"),
                fieldWithPath("history[].label").optional().type(JsonFieldType.STRING).description("事项（中文）"),
                fieldWithPath("history[].status").optional().type(JsonFieldType.STRING).description("此后的状态"),
                fieldWithPath("history[].reason").optional().type(JsonFieldType.STRING).description("理由"),
                fieldWithPath("history[].ground").optional().type(JsonFieldType.STRING).description("暂停执行所依据的第三十五条情形"),
                fieldWithPath("history[].groundLabel").optional().type(JsonFieldType.STRING).description("情形（中文）"),
                fieldWithPath("history[].at").optional().type(JsonFieldType.STRING).description("记录时间（北京时间）"),
                fieldWithPath("history[].decidedBy").optional().type(JsonFieldType.STRING).description("行政首长，或决策机关集体讨论决定"),
                fieldWithPath("history[].meetingDate").optional().type(JsonFieldType.STRING).description("作出决定的会议日期"),
                fieldWithPath("history[].meetingType").optional().type(JsonFieldType.STRING).description("会议类型"),
                fieldWithPath("history[].decidingRecord").optional().type(JsonFieldType.STRING).description("载明决定的会议纪要或记录"),
                fieldWithPath("history[].linkedCase").optional().type(JsonFieldType.STRING).description("履行法定程序的新事项编号"),
                fieldWithPath("amendments").description("变更决策的建议和正在履行或已履行法定程序的新事项"),
                fieldWithPath("amendments[].id").optional().type(JsonFieldType.NUMBER).description("编号（作为 proposalId 引用）"),
                fieldWithPath("amendments[].kind").optional().type(JsonFieldType.STRING).description("ADJUST 调整、TERMINATE 停止执行、SUSPEND 暂停执行"),
                fieldWithPath("amendments[].kindLabel").optional().type(JsonFieldType.STRING).description("变更方式（中文）"),
                fieldWithPath("amendments[].state").optional().type(JsonFieldType.STRING).description(
                        "PROPOSED 评估建议待决定、UNDER_PROCEDURE 新事项办理中、DECIDED 已经集体讨论决定、TAKEN_UP 已暂停执行、NOT_ADOPTED 新事项未获通过"),
                fieldWithPath("amendments[].stateLabel").optional().type(JsonFieldType.STRING).description("状态（中文）"),
                fieldWithPath("amendments[].reason").optional().type(JsonFieldType.STRING).description("理由"),
                fieldWithPath("amendments[].evaluationId").optional().type(JsonFieldType.NUMBER).description("提出建议的决策后评估"),
                fieldWithPath("amendments[].proposedBy").optional().type(JsonFieldType.STRING).description("提出人"),
                fieldWithPath("amendments[].proposedAt").optional().type(JsonFieldType.STRING).description("提出时间"),
                fieldWithPath("amendments[].newCase").optional().type(JsonFieldType.STRING).description("新事项编号"),
                fieldWithPath("amendments[].filedAt").optional().type(JsonFieldType.STRING).description("新事项立项时间"),
                fieldWithPath("amendments[].meetingRecordId").optional().type(JsonFieldType.NUMBER).description("新事项作出决定的会议记录编号"),
                fieldWithPath("amendments[].meetingDate").optional().type(JsonFieldType.STRING).description("新事项的会议日期")};
    }

    private static FieldDescriptor[] evaluation() {
        return new FieldDescriptor[] {
                fieldWithPath("id").description("评估编号"),
                fieldWithPath("trigger").description("启动情形"),
                fieldWithPath("triggerLabel").description("启动情形（中文）"),
                fieldWithPath("triggerBasis").description("启动所依据的记录：行政首长的决定、公众意见件数或执行报告编号"),
                fieldWithPath("evaluatorUnit").description("评估单位"),
                fieldWithPath("reason").type(JsonFieldType.STRING).optional().description("启动说明"),
                fieldWithPath("openedBy").description("启动人"),
                fieldWithPath("openedAt").description("启动时间"),
                fieldWithPath("report").type(JsonFieldType.OBJECT).optional().description("评估报告（规范化 JSON）"),
                fieldWithPath("report.implementation").optional().type(JsonFieldType.STRING).description("实施情况"),
                fieldWithPath("report.effects").optional().type(JsonFieldType.STRING).description("实施效果"),
                fieldWithPath("report.publicViews").optional().type(JsonFieldType.STRING).description("社会公众意见"),
                fieldWithPath("report.participants").optional().type(JsonFieldType.ARRAY).description("参与评估的人大代表、政协委员、人民团体、基层组织、社会组织"),
                fieldWithPath("report.participants[].capacity").optional().type(JsonFieldType.STRING).description("身份"),
                fieldWithPath("report.participants[].name").optional().type(JsonFieldType.STRING).description("姓名或名称"),
                fieldWithPath("report.participants[].view").optional().type(JsonFieldType.STRING).description("意见"),
                fieldWithPath("report.noParticipationReason").optional().type(JsonFieldType.STRING).description("无人参与的原因"),
                fieldWithPath("report.recommendation").optional().type(JsonFieldType.STRING)
                        .description("CONTINUE 继续执行、ADJUST 调整、SUSPEND 暂停执行、TERMINATE 停止执行"),
                fieldWithPath("recommendationLabel").type(JsonFieldType.STRING).optional().description("评估建议（中文）"),
                fieldWithPath("reportSha256").type(JsonFieldType.STRING).optional().description("报告的 SHA-256，亦记入审计日志"),
                fieldWithPath("reportedBy").type(JsonFieldType.STRING).optional().description("报告提交人"),
                fieldWithPath("reportedAt").type(JsonFieldType.STRING).optional().description("报告提交时间"),
                fieldWithPath("proposalId").type(JsonFieldType.NUMBER).optional()
                        .description("评估建议调整、暂停或停止执行时，记入的变更建议编号（见执行情况的 amendments）")};
    }

    @Test
    void namesTheExecutionUnitAndReadsTheSchedule() throws Exception {
        mvc.perform(as(put("/api/cases/{number}/execution", number), "wangfang",
                        Map.of("executionUnit", "镇农业农村办", "reportIntervalMonths", 3)))
                .andExpect(status().isOk())
                .andDo(document("execution-plan", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号")),
                        requestFields(fieldWithPath("executionUnit").description("决策执行单位"),
                                fieldWithPath("reportIntervalMonths").type(JsonFieldType.NUMBER).optional()
                                        .description("报告周期（月，1-12），不填为 3")),
                        responseFields(execution())));
        mvc.perform(as(post("/api/cases/{number}/execution/reports", number), "liqiang",
                        Map.of("kind", "PROBLEM", "text", "部分路段施工与雨季冲突，需调整工期。")))
                .andExpect(status().isOk())
                .andDo(document("execution-report", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号")),
                        requestFields(fieldWithPath("kind").description("PROGRESS 执行情况、PROBLEM 执行中发现的问题"),
                                fieldWithPath("text").description("报告内容")),
                        responseFields(execution())));
        mvc.perform(get("/api/cases/{number}/execution", number).with(httpBasic("xunuo", CaseDriver.PASSWORD)))
                .andExpect(status().isOk())
                .andDo(document("execution", preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号")),
                        responseFields(execution())));
        mvc.perform(as(put("/api/cases/{number}/execution", "YHZ-1999-999"), "wangfang",
                        Map.of("executionUnit", "镇农业农村办")))
                .andExpect(status().isNotFound());
    }

    @Test
    void takesFeedbackFromThePublic() throws Exception {
        mvc.perform(post("/api/public/decisions/{number}/feedback", number).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("name", "市民甲", "contact", "13900000000",
                                "text", "施工围挡占用了人行道。"))))
                .andExpect(status().isCreated())
                .andDo(document("decision-feedback", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号")),
                        requestFields(fieldWithPath("name").optional().type(JsonFieldType.STRING).description("姓名（可不填，不公开）"),
                                fieldWithPath("contact").optional().type(JsonFieldType.STRING).description("联系方式（可不填，不公开）"),
                                fieldWithPath("text").description("反馈内容，不超过 5000 字")),
                        responseFields(fieldWithPath("receiptNumber").description("回执编号"),
                                fieldWithPath("caseNumber").description("事项编号"),
                                fieldWithPath("submittedAt").description("收到时间（北京时间）"),
                                fieldWithPath("text").description("反馈内容，按收到的原样"))));
        mvc.perform(get("/api/cases/{number}/execution/feedback", number).with(httpBasic("wangfang", CaseDriver.PASSWORD)))
                .andExpect(status().isOk())
                .andDo(document("execution-feedback", preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号")),
                        responseFields(fieldWithPath("[].receiptNumber").description("回执编号"),
                                fieldWithPath("[].name").type(JsonFieldType.STRING).optional().description("姓名（个人信息）"),
                                fieldWithPath("[].contact").type(JsonFieldType.STRING).optional().description("联系方式（个人信息）"),
                                fieldWithPath("[].text").description("反馈内容"),
                                fieldWithPath("[].submittedAt").description("收到时间"))));
    }

    @Test
    void opensAnEvaluationAndFilesItsReport() throws Exception {
        String body = mvc.perform(as(post("/api/cases/{number}/evaluations", number), "zhangwei",
                        Map.of("trigger", "RESULTS_SHORT_OF_EXPECTATIONS", "evaluatorUnit", "镇财政所",
                                "reason", "通行效率未达预期")))
                .andExpect(status().isCreated())
                .andDo(document("evaluation-open", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号")),
                        requestFields(fieldWithPath("trigger").description(
                                        "RESULTS_SHORT_OF_EXPECTATIONS 明显未达到预期效果、MANY_PUBLIC_OBJECTIONS 公众提出较多意见、ORGAN_SEES_NEED 决策机关认为有必要"),
                                fieldWithPath("evaluatorUnit").description("评估单位，不得为决策前承担主要论证评估工作的单位"),
                                fieldWithPath("reason").optional().type(JsonFieldType.STRING).description("说明"),
                                fieldWithPath("basisReportId").optional().type(JsonFieldType.NUMBER)
                                        .description("经办人以“明显未达到预期效果”启动时，记载该情形的执行报告编号")),
                        responseFields(evaluation())))
                .andReturn().getResponse().getContentAsString();
        long id = json.readTree(body).path("id").asLong();
        mvc.perform(as(post("/api/cases/{number}/evaluations/{id}/report", number, id), "wangfang",
                        Map.of("implementation", "主体工程已完工", "effects", "高峰时段通行时间缩短 10%",
                                "publicViews", "沿街商户反映施工期影响经营", "participants",
                                java.util.List.of(Map.of("capacity", "NPC_DEPUTY", "name", "刘代表",
                                        "view", "建议增设临时停车位")),
                                "recommendation", "ADJUST")))
                .andExpect(status().isOk())
                .andDo(document("evaluation-report", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号"),
                                parameterWithName("id").description("评估编号")),
                        requestFields(fieldWithPath("implementation").description("决策实施情况"),
                                fieldWithPath("effects").description("实施效果"),
                                fieldWithPath("publicViews").description("听取的社会公众意见和评价"),
                                fieldWithPath("participants").optional().type(JsonFieldType.ARRAY)
                                        .description("参与评估的人大代表、政协委员、人民团体、基层组织、社会组织及其意见"),
                                fieldWithPath("participants[].capacity").description(
                                        "NPC_DEPUTY 人大代表、CPPCC_MEMBER 政协委员、PEOPLES_ORGANISATION 人民团体、GRASSROOTS_ORGANISATION 基层组织、SOCIAL_ORGANISATION 社会组织"),
                                fieldWithPath("participants[].name").description("姓名或名称"),
                                fieldWithPath("participants[].view").description("其意见，如实记录"),
                                fieldWithPath("noParticipationReason").optional().type(JsonFieldType.STRING)
                                        .description("无人参与评估时必填：原因"),
                                fieldWithPath("recommendation").description(
                                        "CONTINUE、ADJUST、SUSPEND 或 TERMINATE；后三者记入变更建议，提请行政首长启动第三十七条程序")),
                        responseFields(evaluation())));
        mvc.perform(get("/api/cases/{number}/evaluations", number).with(httpBasic("xunuo", CaseDriver.PASSWORD)))
                .andExpect(status().isOk())
                .andDo(document("evaluations", preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号")),
                        responseFields(fieldWithPath("[]").description("本事项的决策后评估"))
                                .andWithPrefix("[].", evaluation())));
        mvc.perform(as(post("/api/cases/{number}/evaluations", number), "zhangwei",
                        Map.of("trigger", "ORGAN_SEES_NEED", "evaluatorUnit", "镇规划建设办")))
                .andExpect(status().isBadRequest())
                .andDo(document("evaluation-refused", preprocessResponse(prettyPrint())));
    }

    @Test
    void answersAProblemReport() throws Exception {
        plan();
        String body = mvc.perform(as(post("/api/cases/{number}/execution/reports", number), "liqiang",
                        Map.of("kind", "PROBLEM", "text", "雨季施工，部分路段积水。")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(body).at("/reports/0/id").asLong();
        mvc.perform(as(post("/api/cases/{number}/execution/reports/{id}/answer", number, id), "zhangwei",
                        Map.of("text", "同意调整施工顺序，先施工排水管网。")))
                .andExpect(status().isOk())
                .andDo(document("execution-report-answer", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号"),
                                parameterWithName("id").description("问题报告编号")),
                        requestFields(fieldWithPath("text").description("决策机关的答复")),
                        responseFields(execution())));
    }

    @Test
    void suspendsAndTheOrganDecides() throws Exception {
        plan();
        mvc.perform(as(post("/api/cases/{number}/suspension", number), "zhangwei",
                        Map.of("ground", "FORCE_MAJEURE", "reason", "施工区域发生塌陷，须立即暂停施工")))
                .andExpect(status().isOk())
                .andDo(document("suspension", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号")),
                        requestFields(fieldWithPath("ground").description(
                                        "第三十五条规定的情形：PROBLEM_FOUND 决策存在问题、CIRCUMSTANCES_CHANGED 客观情况发生重大变化、FORCE_MAJEURE 发生不可抗力等"),
                                fieldWithPath("reason").description("情况紧急、须先行暂停执行的理由"),
                                fieldWithPath("proposalId").optional().type(JsonFieldType.NUMBER)
                                        .description("据以暂停的评估建议编号（kind=SUSPEND）")),
                        responseFields(execution())));
        mvc.perform(as(post("/api/cases/{number}/suspension/lifting", number), "zhangwei", Map.of("reason", "险情已排除")))
                .andExpect(status().isConflict())
                .andDo(document("suspension-lifting-refused", preprocessResponse(prettyPrint())));
        String today = cn.majordecision.support.Submissions.today().toString();
        mvc.perform(as(post("/api/cases/{number}/suspension/organ-decision", number), "zhenghong",
                        Map.of("decision", "CONFIRM", "meetingDate", today, "meetingType", "executive",
                                "decidingRecord", "镇政府常务会议纪要〔2026〕12号", "reason", "险情尚在排查，维持暂停")))
                .andExpect(status().isOk())
                .andDo(document("suspension-organ-decision", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号")),
                        requestFields(fieldWithPath("decision").description("CONFIRM 维持暂停执行（仅在待决策机关决定时）、LIFT 恢复执行"),
                                fieldWithPath("meetingDate").description("作出决定的会议日期，不晚于今天、不早于暂停之日"),
                                fieldWithPath("meetingType").description("executive 常务会议、plenary 全体会议"),
                                fieldWithPath("decidingRecord").description("载明决定的会议纪要或会议记录编号"),
                                fieldWithPath("reason").description("决定的理由")),
                        responseFields(execution())));
        mvc.perform(as(post("/api/cases/{number}/suspension/organ-decision", number), "zhenghong",
                        Map.of("decision", "LIFT", "meetingDate", today, "meetingType", "executive",
                                "decidingRecord", "镇政府常务会议纪要〔2026〕13号", "reason", "险情已排除")))
                .andExpect(status().isOk());
        mvc.perform(as(post("/api/cases/{number}/suspension", number), "wangfang", Map.of("reason", "紧急")))
                .andExpect(status().isForbidden())
                .andDo(document("suspension-refused", preprocessResponse(prettyPrint())));
    }

    @Test
    void changesTheDecisionOnlyThroughALinkedCase() throws Exception {
        mvc.perform(as(post("/api/cases/{number}/amendments", number), "wangfang",
                        Map.of("kind", "ADJUST", "reason", "线路走向须作重大调整", "title", "中心街道路改造工程（线路调整）")))
                .andExpect(status().isCreated())
                .andDo(document("amendment", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号")),
                        requestFields(fieldWithPath("kind").description("ADJUST 重大调整、TERMINATE 停止执行"),
                                fieldWithPath("reason").description("变更的理由"),
                                fieldWithPath("title").optional().type(JsonFieldType.STRING)
                                        .description("新事项名称，不填为原名称加“（调整）”或“（停止执行）”"),
                                fieldWithPath("proposalId").optional().type(JsonFieldType.NUMBER)
                                        .description("据以提出的评估建议编号")),
                        responseFields(execution())));
        mvc.perform(as(post("/api/cases/{number}/termination", number), "zhangwei", Map.of("reason", "上位法已修改")))
                .andExpect(status().isConflict())
                .andDo(document("termination-refused", preprocessResponse(prettyPrint())));
    }
}
