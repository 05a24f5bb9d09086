package cn.majordecision.notifications.web;

import static org.springframework.restdocs.mockmvc.MockMvcRestDocumentation.document;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.get;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.post;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.preprocessResponse;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.prettyPrint;
import static org.springframework.restdocs.payload.PayloadDocumentation.fieldWithPath;
import static org.springframework.restdocs.payload.PayloadDocumentation.relaxedResponseFields;
import static org.springframework.restdocs.request.RequestDocumentation.parameterWithName;
import static org.springframework.restdocs.request.RequestDocumentation.pathParameters;
import static org.springframework.restdocs.request.RequestDocumentation.queryParameters;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.majordecision.notifications.NotificationService;
import cn.majordecision.support.CaseDriver;
import cn.majordecision.support.DocumentationSupport;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.restdocs.AutoConfigureRestDocs;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.restdocs.payload.JsonFieldType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureRestDocs
@ActiveProfiles("test")
class NotificationDocumentationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    TaskService engineTasks;

    @Autowired
    NotificationService notifications;

    @Autowired
    Clock clock;

    long noticeId;

    @BeforeEach
    void anOverdueLaunchDecision() throws Exception {
        DocumentationSupport support = new DocumentationSupport(mvc, json);
        String taskId = support.openTask(support.fileCase(Map.of()));
        var task = engineTasks.createTaskQuery().taskId(taskId).singleResult();
        task.setDueDate(Date.from(clock.instant().minus(Duration.ofDays(2))));
        engineTasks.saveTask(task);
        notifications.watch();
        String body = mvc.perform(get("/api/notifications").with(httpBasic("zhangwei", CaseDriver.PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        noticeId = json.readTree(body).path(0).path("id").asLong();
    }

    @Test
    void listsMyNotifications() throws Exception {
        mvc.perform(get("/api/notifications").param("unreadOnly", "true").with(httpBasic("zhangwei", CaseDriver.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].kind").value("OVERDUE"))
                .andDo(document("notifications-list", preprocessResponse(prettyPrint()),
                        queryParameters(parameterWithName("unreadOnly").optional().description("只看未读（缺省 false）")),
                        relaxedResponseFields(
                                fieldWithPath("[].id").description("通知编号"),
                                fieldWithPath("[].kind").description("REMINDER 临期提醒 / OVERDUE 超期督办 / "
                                        + "DUE_DATE_MOVED 录入节假日安排后期限调整 / CALENDAR_NOTICE 提醒管理员录入下一年节假日安排（无事项、无任务）"),
                                fieldWithPath("[].caseNumber").optional().type(JsonFieldType.STRING).description("事项编号（CALENDAR_NOTICE 为 null）"),
                                fieldWithPath("[].taskId").optional().type(JsonFieldType.STRING).description("任务编号（CALENDAR_NOTICE 为 null）"),
                                fieldWithPath("[].message").description("通知内容；期限写作“12月11日（周五）24:00前”，暂定期限注明“暂定”"),
                                fieldWithPath("[].due").description("任务办理期限（CALENDAR_NOTICE 为所涉年份的 1 月 1 日零时）"),
                                fieldWithPath("[].readAt").optional().description("阅读时间，未读为 null"))));
    }

    @Test
    void marksANotificationRead() throws Exception {
        mvc.perform(post("/api/notifications/{id}/read", noticeId).with(httpBasic("zhangwei", CaseDriver.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.readAt").isNotEmpty())
                .andDo(document("notifications-read", preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("id").description("通知编号"))));
    }
}
