package cn.majordecision.support;

import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.get;
import static org.springframework.restdocs.mockmvc.RestDocumentationRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.springframework.http.MediaType;
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

    public String openTask(String number) throws Exception {
        String body = mvc.perform(get("/api/cases/{number}", number).with(httpBasic("wangfang", CaseDriver.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode tasks = json.readTree(body).path("openTasks");
        return tasks.path(0).path("id").asText();
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
