package cn.majordecision.support;

import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.get;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.post;
import static org.springframework.restdocs.payload.PayloadDocumentation.fieldWithPath;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.MediaType;
import org.springframework.restdocs.payload.FieldDescriptor;
import org.springframework.restdocs.payload.JsonFieldType;
import org.springframework.test.web.servlet.MockMvc;

/** Sets cases up through the API for documentation tests, without documenting the set-up calls. */
public final class DocumentationSupport {

    private final MockMvc mvc;
    private final ObjectMapper json;

    public DocumentationSupport(MockMvc mvc, ObjectMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    public String fileCase(Map<String, Boolean> flags) throws Exception {
        String body = mvc.perform(post("/api/cases").with(httpBasic("wangfang", CaseDriver.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Submissions.fileCase("中心街道路改造工程", flags))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).path("number").asText();
    }

    /** The case's open task, waiting for it while a timer or an asynchronous step is still on its way. */
    public String openTask(String number) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            String body = mvc.perform(get("/api/cases/{number}", number).with(httpBasic("wangfang", CaseDriver.PASSWORD)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            JsonNode tasks = json.readTree(body).path("openTasks");
            if (!tasks.isEmpty() || System.nanoTime() - deadline > 0) {
                return tasks.path(0).path("id").asText();
            }
            Thread.sleep(100);
        }
    }

    /** Launches and drafts the case, and opens a 31-day public consultation on its draft. */
    public void openConsultation(String number) throws Exception {
        complete(openTask(number), "zhangwei", Submissions.launch());
        complete(openTask(number), "wangfang", Submissions.draft());
        complete(openTask(number), "wangfang", Submissions.map("channels", List.of("website"),
                "howToSubmit", "网站留言", "periodStart", Submissions.today().toString(),
                "periodEnd", Submissions.today().plusDays(31).toString()));
    }

    /** Ends the case's consultation period now, as its timer would at the end of the last day. */
    public static void closeConsultation(RuntimeService runtime, ManagementService management, String number) {
        String consultation = runtime.createProcessInstanceQuery().processDefinitionKey("public-consultation")
                .processInstanceBusinessKey(number).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(consultation).timers().singleResult().getId());
    }

    /** Takes a case whose consultation has closed through legality review, the meeting and the party to publication. */
    public void decideAndPublish(String number) throws Exception {
        List<Object[]> steps = List.of(
                new Object[] {"wangfang", Submissions.opinionHandling()},
                new Object[] {"wangfang", Submissions.legalityPackage()},
                new Object[] {"wugang", Submissions.materialsCheck("accept")},
                new Object[] {"sunli", Submissions.legalOpinion()},
                new Object[] {"wugang", Submissions.legalityConclusion("lawful")},
                new Object[] {"zhenghong", Submissions.meeting("approve")},
                new Object[] {"wangfang", Submissions.partyReport()},
                new Object[] {"fenglei", Submissions.partyAnswer("agree")},
                new Object[] {"wangfang", Submissions.publication()});
        for (Object[] step : steps) {
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) step[1];
            complete(openTask(number), (String) step[0], data);
        }
    }

    /** The adoption table of public opinions, as the case API and the published decision show it. */
    public static FieldDescriptor[] adoptionTable(String prefix) {
        return new FieldDescriptor[] {
                fieldWithPath(prefix + "caseNumber").description("事项编号"),
                fieldWithPath(prefix + "received").description("收到的意见条数"),
                fieldWithPath(prefix + "published").description("甄别为公开的条数"),
                fieldWithPath(prefix + "withheld").description("不予公开的条数（不列内容；因与本事项无关、辱骂不予公开的，以理由列入表中并答复）"),
                fieldWithPath(prefix + "unanswered").description("尚未处理完毕的条数"),
                fieldWithPath(prefix + "rows[]").description("每条公开的意见，以及因与本事项无关、辱骂不予公开的意见；内容相同且答复相同的合为一行"),
                fieldWithPath(prefix + "rows[].number").description("序号"),
                fieldWithPath(prefix + "rows[].receiptNumbers").description("本行意见的回执编号"),
                fieldWithPath(prefix + "rows[].count").description("本行意见条数"),
                fieldWithPath(prefix + "rows[].text").description("意见内容（不含姓名、联系方式）；不予公开的意见只写不予公开的理由"),
                fieldWithPath(prefix + "rows[].withheldReason").type(JsonFieldType.STRING).optional()
                        .description("不予公开的理由 OFF_TOPIC 与本事项无关、ABUSIVE 辱骂；公开的意见为 null"),
                fieldWithPath(prefix + "rows[].adoption").type(JsonFieldType.STRING).optional()
                        .description("ADOPTED、PARTLY_ADOPTED、NOT_ADOPTED、NOT_APPLICABLE；尚未答复为 null"),
                fieldWithPath(prefix + "rows[].adoptionLabel").description("采纳情况（中文）"),
                fieldWithPath(prefix + "rows[].reason").type(JsonFieldType.STRING).optional().description("理由")};
    }

    public void claim(String taskId, String user) throws Exception {
        mvc.perform(post("/api/tasks/{id}/claim", taskId).with(httpBasic(user, CaseDriver.PASSWORD)))
                .andExpect(status().isOk());
    }

    public void complete(String taskId, String user, Map<String, Object> data) throws Exception {
        claim(taskId, user);
        mvc.perform(post("/api/tasks/{id}/complete", taskId).with(httpBasic(user, CaseDriver.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(data)))
                .andExpect(status().isOk());
    }
}
