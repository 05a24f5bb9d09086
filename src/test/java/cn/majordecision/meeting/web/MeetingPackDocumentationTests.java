package cn.majordecision.meeting.web;

import static org.springframework.restdocs.mockmvc.MockMvcRestDocumentation.document;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.get;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.post;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.preprocessRequest;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.preprocessResponse;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.prettyPrint;
import static org.springframework.restdocs.payload.PayloadDocumentation.fieldWithPath;
import static org.springframework.restdocs.payload.PayloadDocumentation.relaxedRequestFields;
import static org.springframework.restdocs.payload.PayloadDocumentation.relaxedResponseFields;
import static org.springframework.restdocs.payload.PayloadDocumentation.subsectionWithPath;
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
class MeetingPackDocumentationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void showsTheMeetingPack() throws Exception {
        DocumentationSupport support = new DocumentationSupport(mvc, json);
        String number = support.fileCase(Map.of("nonPublic", true));
        support.complete(support.openTask(number), "zhangwei", Submissions.launch());
        support.complete(support.openTask(number), "wangfang", Submissions.draft());
        support.complete(support.openTask(number), "wangfang", Submissions.legalityPackage());
        support.complete(support.openTask(number), "wugang", Submissions.materialsCheck("accept"));
        support.complete(support.openTask(number), "sunli", Submissions.legalOpinion());
        support.complete(support.openTask(number), "wugang", Submissions.legalityConclusion("lawful"));

        mvc.perform(get("/api/cases/{number}/meeting-pack", number).with(httpBasic("zhenghong", CaseDriver.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[1].status").value("SKIPPED"))
                .andDo(document("meeting-pack", preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号")),
                        relaxedResponseFields(
                                fieldWithPath("draftVersion").description("提交会议的草案版本"),
                                fieldWithPath("items[].key").description("材料标识"),
                                fieldWithPath("items[].title").description("材料名称"),
                                fieldWithPath("items[].status").description("INCLUDED 已附 / SKIPPED 依法未履行 / NOT_APPLICABLE 不适用 / MISSING 缺失"),
                                fieldWithPath("items[].note").description("说明：办理人和任务，或跳过的理由"),
                                subsectionWithPath("items[].data").optional().description("材料内容（原始记录）"),
                                subsectionWithPath("publicOpinionAdoption").description(
                                        "公众意见采纳情况表，字段同“公众意见采纳情况表”；未征求意见时条数为 0"))));
    }

    @Test
    void refusesAMeetingFewerThanSevenWorkingDaysAfterThePackageWithoutTheReason() throws Exception {
        // given a case whose legality package was submitted and cleared today
        DocumentationSupport support = new DocumentationSupport(mvc, json);
        String number = support.fileCase(Map.of("nonPublic", true));
        support.complete(support.openTask(number), "zhangwei", Submissions.launch());
        support.complete(support.openTask(number), "wangfang", Submissions.draft());
        support.complete(support.openTask(number), "wangfang", Submissions.legalityPackage());
        support.complete(support.openTask(number), "wugang", Submissions.materialsCheck("accept"));
        support.complete(support.openTask(number), "sunli", Submissions.legalOpinion());
        support.complete(support.openTask(number), "wugang", Submissions.legalityConclusion("lawful"));
        String taskId = support.openTask(number);
        support.claim(taskId, "zhenghong");
        Map<String, Object> meeting = Submissions.meeting("approve");
        meeting.remove("shortReviewReason");

        // when the meeting held today is recorded without the reason, then it is refused on that field
        mvc.perform(post("/api/tasks/{id}/complete", taskId).with(httpBasic("zhenghong", CaseDriver.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(meeting)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("shortReviewReason"))
                .andExpect(jsonPath("$.errors[0].code").value("SHORT_REVIEW_REASON_REQUIRED"))
                .andDo(document("meeting-record-short-review", preprocessRequest(prettyPrint()),
                        preprocessResponse(prettyPrint()),
                        relaxedRequestFields(
                                fieldWithPath("meetingDate").description("会议日期：不晚于今天，不早于立项和合法性审查结论的登记日期"),
                                fieldWithPath("meetingDecision").description("行政首长的决定"),
                                fieldWithPath("shortReviewReason").optional().type(JsonFieldType.STRING).description(
                                        "审查时间不足7个工作日的理由：自审查材料在系统中报送之日至会议日期不足7个工作日时必填（第二十六条）")),
                        relaxedResponseFields(
                                fieldWithPath("code").description("VALIDATION_FAILED"),
                                fieldWithPath("errors[].field").description("出错的字段"),
                                fieldWithPath("errors[].code").description("字段错误代码，如 SHORT_REVIEW_REASON_REQUIRED"),
                                fieldWithPath("errors[].message").description("中文说明：报送日期、会议日期和相隔的工作日数"))));
    }
}
