package cn.majordecision.expertreview.web;

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
import cn.majordecision.support.Submissions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
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

@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureRestDocs
@ActiveProfiles("test")
class ExpertReviewDocumentationTests {

    private static final String OFFICER = "wangfang";
    private static final String PASSWORD = CaseDriver.PASSWORD;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    DocumentationSupport support;
    String number;

    @BeforeEach
    void caseAtExpertSelection() throws Exception {
        support = new DocumentationSupport(mvc, json);
        number = support.fileCase(Map.of("technical", true));
        support.complete(support.openTask(number), "zhangwei", Submissions.launch());
        support.complete(support.openTask(number), OFFICER, Submissions.draft());
        support.complete(support.openTask(number), OFFICER, Submissions.consultationNotice());
        DocumentationSupport.closeConsultation(runtime, management, number);
        support.complete(awaitTask("Task_HandlePublicOpinions", null), OFFICER, Submissions.opinionHandling());
        awaitTask("Task_SelectExperts", null);
    }

    private static FieldDescriptor[] expert(String prefix) {
        return new FieldDescriptor[] {
                fieldWithPath(prefix + "id").description("专家库编号"),
                fieldWithPath(prefix + "userId").description("专家的系统账号（“论证专家”岗位），专家以此登录撰写意见"),
                fieldWithPath(prefix + "name").description("姓名（取自账号）"),
                fieldWithPath(prefix + "discipline").description("专业领域"),
                fieldWithPath(prefix + "affiliation").description("工作单位；与事项承办单位相同的不能选择"),
                fieldWithPath(prefix + "contact").type(JsonFieldType.STRING).optional()
                        .description("联系方式，仅承办科室经办人和系统管理员可见，其他人为 null，从不公开"),
                fieldWithPath(prefix + "status").description("ACTIVE 在库，INACTIVE 停用（停用的不能选择）")};
    }

    private static FieldDescriptor[] input() {
        return new FieldDescriptor[] {
                fieldWithPath("userId").optional().type(JsonFieldType.STRING).description("新增时必填：“论证专家”岗位的系统账号"),
                fieldWithPath("discipline").description("专业领域，不超过 100 字"),
                fieldWithPath("affiliation").description("工作单位，不超过 200 字"),
                fieldWithPath("contact").optional().type(JsonFieldType.STRING).description("联系方式，不超过 200 字"),
                fieldWithPath("status").optional().type(JsonFieldType.STRING).description("ACTIVE（默认）或 INACTIVE")};
    }

    private static FieldDescriptor[] draw(String prefix) {
        return new FieldDescriptor[] {
                fieldWithPath(prefix + "id").description("抽取编号"),
                fieldWithPath(prefix + "caseNumber").description("事项编号"),
                fieldWithPath(prefix + "discipline").type(JsonFieldType.STRING).optional().description("限定的专业领域，未限定为 null"),
                fieldWithPath(prefix + "count").description("抽取人数"),
                fieldWithPath(prefix + "seed").description("种子：系统用安全随机数生成的 32 位十六进制，抽取完成后公开"),
                fieldWithPath(prefix + "seedHash").type(JsonFieldType.STRING).optional()
                        .description("种子的 SHA-256（64 位十六进制），在列出候选专家之前写入审计日志（EXPERT_DRAW_SEED_COMMITTED）"),
                fieldWithPath(prefix + "rule").description("规则全文：候选条件和抽取算法"),
                fieldWithPath(prefix + "candidates[]").description("全部候选专家，按专家库编号升序"),
                fieldWithPath(prefix + "candidates[].expertId").description("专家库编号"),
                fieldWithPath(prefix + "candidates[].userId").description("系统账号"),
                fieldWithPath(prefix + "candidates[].name").description("姓名"),
                fieldWithPath(prefix + "drawn[]").description("抽中的专家，按抽取先后"),
                fieldWithPath(prefix + "drawn[].expertId").description("专家库编号"),
                fieldWithPath(prefix + "drawn[].userId").description("系统账号"),
                fieldWithPath(prefix + "drawn[].name").description("姓名"),
                fieldWithPath(prefix + "drawnBy").description("抽取人"),
                fieldWithPath(prefix + "drawnAt").description("抽取时刻（UTC）")};
    }

    private static FieldDescriptor[] declaration(String prefix) {
        return new FieldDescriptor[] {
                fieldWithPath(prefix + "taskId").description("专家论证任务编号"),
                fieldWithPath(prefix + "caseNumber").description("事项编号"),
                fieldWithPath(prefix + "expert").description("声明的专家账号"),
                fieldWithPath(prefix + "noConflict").description("true 无利害关系；false 申报了利害关系"),
                fieldWithPath(prefix + "interest").type(JsonFieldType.STRING).optional().description("申报的利害关系"),
                fieldWithPath(prefix + "declaredAt").description("声明时刻（UTC）"),
                fieldWithPath(prefix + "materialsVisible").description("该专家是否可以查阅事项材料")};
    }

    @Test
    void listsThePool() throws Exception {
        mvc.perform(get("/api/experts").with(httpBasic(OFFICER, PASSWORD)))
                .andExpect(status().isOk())
                .andDo(document("experts-list", preprocessResponse(prettyPrint()), responseFields(expert("[]."))));
        mvc.perform(get("/api/admin/experts").with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isOk())
                .andDo(document("experts-admin-list", preprocessResponse(prettyPrint()), responseFields(expert("[]."))));
    }

    @Test
    void addsAndUpdatesAnExpert() throws Exception {
        String userId = "doc-expert" + SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
        mvc.perform(post("/api/admin/users").with(httpBasic("admin", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("userId", userId, "displayName", "钱工",
                                "unit", "省水利设计院", "groups", Set.of("experts"), "password", "expert-pass-2026"))))
                .andExpect(status().isCreated());
        String body = mvc.perform(post("/api/admin/experts").with(httpBasic("admin", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("userId", userId, "discipline", "水利工程",
                                "affiliation", "省水利设计院", "contact", "0571-8800 2001"))))
                .andExpect(status().isCreated())
                .andDo(document("experts-create", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint()),
                        requestFields(input()), responseFields(expert(""))))
                .andReturn().getResponse().getContentAsString();
        long id = json.readTree(body).path("id").asLong();
        mvc.perform(put("/api/admin/experts/{id}", id).with(httpBasic("admin", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("discipline", "水利工程", "affiliation", "省水利设计院",
                                "contact", "0571-8800 2001", "status", "INACTIVE"))))
                .andExpect(status().isOk())
                .andDo(document("experts-update", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("id").description("专家库编号")),
                        requestFields(input()), responseFields(expert(""))));
    }

    @Test
    void drawsExpertsAndListsTheDraws() throws Exception {
        mvc.perform(post("/api/cases/{number}/expert-draws", number).with(httpBasic(OFFICER, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("count", 3))))
                .andExpect(status().isCreated())
                .andDo(document("expert-draw", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号")),
                        requestFields(fieldWithPath("count").description("抽取人数：不少于最低人数的单数"),
                                fieldWithPath("discipline").optional().type(JsonFieldType.STRING).description("只从该专业领域的专家中抽取"),
                                fieldWithPath("seed").optional().type(JsonFieldType.STRING)
                                        .description("不可填写：种子由系统生成，填写得到 400 `SEED_FROM_SERVER`")),
                        responseFields(draw(""))));
        mvc.perform(get("/api/cases/{number}/expert-draws", number).with(httpBasic(OFFICER, PASSWORD)))
                .andExpect(status().isOk())
                .andDo(document("expert-draws-list", preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号")), responseFields(draw("[]."))));
    }

    @Test
    void anExpertDeclaresAndTheOfficerReplacesAnother() throws Exception {
        support.complete(awaitTask("Task_SelectExperts", null), OFFICER,
                Submissions.expertSelection(List.of("chenming", "liuyang", "jixiang")));
        String chenming = awaitTask("Task_WriteExpertOpinion", "chenming");
        mvc.perform(post("/api/tasks/{taskId}/conflict-declaration", chenming).with(httpBasic("chenming", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("noConflict", true))))
                .andExpect(status().isCreated())
                .andDo(document("conflict-declaration", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("taskId").description("本人的专家论证任务编号")),
                        requestFields(fieldWithPath("noConflict").description("true 声明与本事项无利害关系；false 申报利害关系"),
                                fieldWithPath("interest").optional().type(JsonFieldType.STRING).description("申报利害关系时必填：是何种利害关系，不超过 2000 字")),
                        responseFields(declaration(""))));
        String jixiang = awaitTask("Task_WriteExpertOpinion", "jixiang");
        mvc.perform(post("/api/tasks/{taskId}/conflict-declaration", jixiang).with(httpBasic("jixiang", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("noConflict", false, "interest", "本人曾参与该路段原设计"))))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/cases/{number}/conflict-declarations", number).with(httpBasic(OFFICER, PASSWORD)))
                .andExpect(status().isOk())
                .andDo(document("conflict-declarations-list", preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号")),
                        responseFields(declaration("[]."))));
        mvc.perform(post("/api/tasks/{taskId}/expert-replacement", jixiang).with(httpBasic(OFFICER, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("expertUserId", "zhaomin"))))
                .andExpect(status().isOk())
                .andDo(document("expert-replacement", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("taskId").description("要更换专家的专家论证任务编号")),
                        requestFields(fieldWithPath("expertUserId").description("接替专家的系统账号，须符合选择专家的全部规则")),
                        responseFields(fieldWithPath("taskId").description("任务编号"),
                                fieldWithPath("caseNumber").description("事项编号"),
                                fieldWithPath("previousExpert").type(JsonFieldType.STRING).optional().description("原专家账号"),
                                fieldWithPath("expert").description("接替的专家账号"))));
        String liuyang = awaitTask("Task_WriteExpertOpinion", "liuyang");
        mvc.perform(post("/api/tasks/{taskId}/complete", liuyang).with(httpBasic("liuyang", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Submissions.expertOpinion("刘洋"))))
                .andExpect(status().isConflict())
                .andDo(document("expert-opinion-undeclared", preprocessResponse(prettyPrint())));
    }

    @Test
    void theOfficerClosesARoundThatAnExpertMissed() throws Exception {
        support.complete(awaitTask("Task_SelectExperts", null), OFFICER,
                Submissions.expertSelection(List.of("chenming", "liuyang", "zhaomin")));
        awaitTask("Task_WriteExpertOpinion", "zhaomin");
        FieldDescriptor[] closure = {
                fieldWithPath("id").description("记录编号"),
                fieldWithPath("caseNumber").description("事项编号"),
                fieldWithPath("reason").description("提前结束本轮论证的理由"),
                fieldWithPath("missingExperts").description("结束时尚未提交意见的专家账号；其任务随之终止"),
                fieldWithPath("closedBy").description("结束本轮论证的经办人"),
                fieldWithPath("closedAt").description("结束时刻（UTC）")};
        mvc.perform(post("/api/cases/{number}/expert-round-closures", number).with(httpBasic(OFFICER, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("reason", "专家逾期未提交论证意见，经联系仍无法提交"))))
                .andExpect(status().isCreated())
                .andDo(document("expert-round-closure", preprocessRequest(prettyPrint()), preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号")),
                        requestFields(fieldWithPath("reason").description("理由，必填，不超过 2000 字")),
                        responseFields(closure)));
        mvc.perform(get("/api/cases/{number}/expert-round-closures", number).with(httpBasic("zhangwei", PASSWORD)))
                .andExpect(status().isOk())
                .andDo(document("expert-round-closures-list", preprocessResponse(prettyPrint()),
                        pathParameters(parameterWithName("number").description("事项编号")),
                        responseFields(fieldWithPath("[]").description("本事项提前结束的各轮论证，按时间先后"))
                                .andWithPrefix("[].", closure)));
    }

    private String awaitTask(String taskKey, String assignee) throws Exception {
        for (int attempt = 0; attempt < 300; attempt++) {
            String body = mvc.perform(get("/api/cases/{number}", number).with(httpBasic(OFFICER, PASSWORD)))
                    .andReturn().getResponse().getContentAsString();
            for (JsonNode task : json.readTree(body).path("openTasks")) {
                if (taskKey.equals(task.path("taskKey").asText())
                        && (assignee == null || assignee.equals(task.path("assignee").asText()))) {
                    return task.path("id").asText();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No open task " + taskKey + " for " + assignee);
    }
}
