package cn.majordecision.repair.web;

import static org.springframework.restdocs.mockmvc.MockMvcRestDocumentation.document;
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
import cn.majordecision.support.Submissions;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.restdocs.AutoConfigureRestDocs;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.restdocs.payload.JsonFieldType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureRestDocs
@ActiveProfiles("test")
class RepairDocumentationTests {

    private static final String OPERATOR = "ops";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void movesATokenBackWithItsReason() throws Exception {
        DocumentationSupport support = new DocumentationSupport(mvc, json);
        String number = support.fileCase(Map.of("nonPublic", true));
        support.complete(support.openTask(number), "zhangwei", Submissions.launch());
        support.openTask(number);
        mvc.perform(post("/api/cases/{number}/repairs", number).with(httpBasic(OPERATOR, CaseDriver.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("action", "MOVE_TOKEN_BACK",
                                "fromActivityId", "Task_DraftDecision", "toActivityId", "Task_DecideLaunch",
                                "reason", "启动决定中承办单位填写有误，退回由行政首长重新决定"))))
                .andExpect(status().isCreated())
                .andDo(document("repairs-move-back", preprocessRequest(prettyPrint()),
                        preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号")),
                        requestFields(
                                fieldWithPath("action").description("RETRY_FAILED_JOBS 重试失败的作业、RESOLVE_INCIDENT "
                                        + "标记事件已处理（非作业失败的事件）、MOVE_TOKEN_BACK 退回流程节点"),
                                fieldWithPath("incidentId").optional().type(JsonFieldType.STRING)
                                        .description("RESOLVE_INCIDENT 时必填：事件编号（引擎接口 GET /engine-rest/incident 可查）"),
                                fieldWithPath("fromActivityId").optional().type(JsonFieldType.STRING)
                                        .description("MOVE_TOKEN_BACK 时必填：事项当前所在的流程节点"),
                                fieldWithPath("toActivityId").optional().type(JsonFieldType.STRING)
                                        .description("MOVE_TOKEN_BACK 时必填：退回到的节点，必须是本事项已经办理过的节点"),
                                fieldWithPath("reason").description("修复原因，至少10个字，记入审计日志和合规检查报告")),
                        responseFields(
                                fieldWithPath("id").description("修复记录编号"),
                                fieldWithPath("action").description("修复方式"),
                                fieldWithPath("actionLabel").description("修复方式（中文）"),
                                fieldWithPath("detail").description("做了什么（作业编号、事件编号或节点）"),
                                fieldWithPath("reason").description("修复原因"),
                                fieldWithPath("repairedBy").description("运维人员账号"),
                                fieldWithPath("repairedAt").description("修复时间（UTC）"))));
    }

    @Test
    void refusesAMoveAheadOfTheProcedure() throws Exception {
        DocumentationSupport support = new DocumentationSupport(mvc, json);
        String number = support.fileCase(Map.of("nonPublic", true));
        support.openTask(number);
        mvc.perform(post("/api/cases/{number}/repairs", number).with(httpBasic(OPERATOR, CaseDriver.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("action", "MOVE_TOKEN_BACK",
                                "fromActivityId", "Task_DecideLaunch", "toActivityId", "Task_ConfirmArchive",
                                "reason", "事项已办结，直接转入归档"))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("REPAIR_WOULD_SKIP_AHEAD"))
                .andDo(document("repairs-skip-ahead", preprocessResponse(prettyPrint())));
    }
}
