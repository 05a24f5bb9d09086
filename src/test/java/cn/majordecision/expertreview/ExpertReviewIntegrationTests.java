package cn.majordecision.expertreview;

import static cn.majordecision.support.Submissions.draft;
import static cn.majordecision.support.Submissions.expertAdoption;
import static cn.majordecision.support.Submissions.expertOpinion;
import static cn.majordecision.support.Submissions.expertSelection;
import static cn.majordecision.support.Submissions.launch;
import static cn.majordecision.support.Submissions.map;
import static cn.majordecision.support.Submissions.opinionHandling;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The expert pool, the selection rules, the conflict declaration, sealed opinions, draws and adoption answers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExpertReviewIntegrationTests {

    private static final String PASSWORD = "expert-pass-2026";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.TaskService engineTasks;

    @org.springframework.beans.factory.annotation.Autowired
    java.time.Clock clock;

    @Test
    void administratorsKeepThePoolAndOnlyOfficersAndAdministratorsSeeContacts() {
        // given an expert account
        Api admin = driver().as("admin");
        String userId = account("pool", "测试专家");

        // when the administrator adds it to the pool
        Api.Response created = admin.post("/api/admin/experts", map("userId", userId, "discipline", "水利工程",
                "affiliation", "省水利设计院", "contact", "13800000001"));

        // then it is listed, with its contact for officers only, and cannot be added twice
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(admin.post("/api/admin/experts", map("userId", userId, "discipline", "水利工程",
                "affiliation", "省水利设计院")).json().path("code").asText()).isEqualTo("EXPERT_EXISTS");
        assertThat(admin.post("/api/admin/experts", map("userId", "wangfang", "discipline", "水利工程",
                "affiliation", "省水利设计院")).body()).contains("EXPERT_ACCOUNT_REQUIRED");
        assertThat(entry(driver().as("wangfang").get("/api/experts").json(), userId).path("contact").asText())
                .isEqualTo("13800000001");
        assertThat(entry(driver().as("zhangwei").get("/api/experts").json(), userId).path("contact").isNull()).isTrue();
        assertThat(driver().as("chenming").get("/api/experts").status()).isEqualTo(403);
        assertThat(Api.anonymous(port).get("/api/experts").status()).isEqualTo(401);

        // when the administrator deactivates it
        Api.Response updated = admin.put("/api/admin/experts/" + created.json().path("id").asLong(),
                map("discipline", "水利工程", "affiliation", "省水利设计院", "status", "INACTIVE"));

        // then the pool shows it inactive
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(entry(admin.get("/api/admin/experts").json(), userId).path("status").asText()).isEqualTo("INACTIVE");
    }

    @Test
    void refusesAnEvenNumberOfExpertsAndFewerThanTheMinimum() {
        // given a case at the selection of experts
        String number = atSelection("专家人数测试");

        // when / then
        assertThat(select(number, List.of("chenming", "liuyang")).body()).contains("EXPERT_COUNT").contains("不少于 3 人的单数");
        assertThat(select(number, List.of("chenming", "liuyang", "jixiang", "zhaomin")).body()).contains("EXPERT_COUNT");
    }

    @Test
    void refusesAnInactiveExpert() {
        // given an expert who was deactivated
        String number = atSelection("停用专家测试");
        String inactive = poolExpert("inactive", "省建筑科学研究院", "INACTIVE");

        // when
        Api.Response refused = select(number, List.of("chenming", "liuyang", inactive));

        // then
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("EXPERT_INACTIVE").contains("experts[2].userId");
    }

    @Test
    void refusesAnExpertWorkingForTheUndertakingUnit() {
        // given an expert working for the case's undertaking unit
        String number = atSelection("承办单位专家测试");
        String sameUnit = poolExpert("sameunit", "镇规划建设办", "ACTIVE");

        // when
        Api.Response refused = select(number, List.of("chenming", sameUnit, "liuyang"));

        // then
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("EXPERT_SAME_UNIT").contains("experts[1].userId");
    }

    @Test
    void anExpertSeesNoMaterialsBeforeDeclaringNoConflictAndOneWhoDeclaresAnInterestIsReplaced() {
        // given three selected experts, one of them new to the pool
        CaseDriver driver = driver();
        String number = atSelection("利害关系声明测试");
        String conflicted = poolExpert("conflict", "省交通科学研究院", "ACTIVE");
        assertThat(select(number, List.of("chenming", "liuyang", conflicted)).status()).isEqualTo(200);
        String taskId = driver.awaitTask(number, "Task_WriteExpertOpinion", conflicted);
        Api expert = Api.as(port, conflicted, PASSWORD);

        // when the expert opens the task before declaring
        JsonNode view = expert.get("/api/tasks/" + taskId).json();

        // then the case materials are withheld and the opinion cannot be submitted
        assertThat(view.path("materialsWithheld").asBoolean()).isTrue();
        assertThat(view.path("currentDraft").isNull()).isTrue();
        assertThat(view.path("earlierRecords")).isEmpty();
        Api.Response early = expert.post("/api/tasks/" + taskId + "/complete", expertOpinion("冲突专家"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("code").asText()).isEqualTo("CONFLICT_DECLARATION_REQUIRED");

        // when the expert declares an interest
        Api.Response declared = expert.post("/api/tasks/" + taskId + "/conflict-declaration",
                map("noConflict", false, "interest", "本人配偶在施工投标单位任职"));

        // then it is stored, the expert still cannot submit, and cannot be chosen again for this case
        assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
        assertThat(expert.post("/api/tasks/" + taskId + "/complete", expertOpinion("冲突专家")).json().path("code")
                .asText()).isEqualTo("EXPERT_INTEREST_DECLARED");
        assertThat(expert.post("/api/tasks/" + taskId + "/conflict-declaration", map("noConflict", true)).json()
                .path("code").asText()).isEqualTo("ALREADY_DECLARED");
        Api officer = driver.as("wangfang");
        Api.Response again = officer.post("/api/tasks/" + taskId + "/expert-replacement", map("expertUserId", conflicted));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).contains("EXPERT_INTEREST_DECLARED");
        assertThat(officer.post("/api/tasks/" + taskId + "/expert-replacement", map("expertUserId", "liuyang")).body())
                .contains("EXPERT_DUPLICATE");
        assertThat(officer.get("/api/cases/" + number + "/conflict-declarations").json().findValuesAsText("interest"))
                .contains("本人配偶在施工投标单位任职");

        // when the officer gives the task to another qualifying expert, who declares no conflict
        Api.Response replaced = officer.post("/api/tasks/" + taskId + "/expert-replacement", map("expertUserId", "jixiang"));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        Api jixiang = driver.as("jixiang");
        assertThat(jixiang.post("/api/tasks/" + taskId + "/conflict-declaration", map("noConflict", true)).status())
                .isEqualTo(201);

        // then the new expert sees the materials and the former one no longer sees the task
        JsonNode opened = jixiang.get("/api/tasks/" + taskId).json();
        assertThat(opened.path("materialsWithheld").asBoolean()).isFalse();
        assertThat(opened.at("/currentDraft/text").asText()).isNotBlank();
        assertThat(expert.get("/api/tasks/" + taskId).status()).isEqualTo(404);
        assertThat(officer.post("/api/tasks/" + taskId + "/expert-replacement", map("expertUserId", "zhaomin")).json()
                .path("code").asText()).isEqualTo("EXPERT_NOT_REPLACEABLE");
    }

    @Test
    void opinionsAreSealedUntilAllAreInThenAllShowIncludingTheMinorityAndEachNeedsAnAdoptionAnswer() {
        // given three experts who declared no conflict
        CaseDriver driver = driver();
        String number = atSelection("意见密封测试");
        assertThat(select(number, List.of("chenming", "liuyang", "jixiang")).status()).isEqualTo(200);
        Map<String, String> tasks = new java.util.HashMap<>();
        for (String expert : List.of("chenming", "liuyang", "jixiang")) {
            String taskId = driver.awaitTask(number, "Task_WriteExpertOpinion", expert);
            tasks.put(expert, taskId);
            driver.as(expert).post("/api/tasks/" + taskId + "/conflict-declaration", map("noConflict", true));
        }

        // when expert A submits
        String secret = "陈明独立意见-" + System.nanoTime();
        Map<String, Object> opinionA = expertOpinion("陈明");
        opinionA.put("necessity", secret);
        assertThat(complete("chenming", tasks.get("chenming"), opinionA).status()).isEqualTo(200);

        // then neither expert B, nor the officer, nor the auditor's timeline shows A's text
        assertThat(driver.as("liuyang").get("/api/tasks/" + tasks.get("liuyang")).body()).doesNotContain(secret);
        assertThat(driver.as("wangfang").get("/api/cases/" + number).body()).doesNotContain(secret);
        assertThat(driver.as("xunuo").get("/api/audit/cases/" + number + "/timeline").body()).doesNotContain(secret);

        // when the others submit, one of them opposing (a minority opinion)
        assertThat(complete("liuyang", tasks.get("liuyang"), expertOpinion("刘洋")).status()).isEqualTo(200);
        Map<String, Object> minority = expertOpinion("𠮷祥");
        minority.put("conclusion", "oppose");
        minority.put("soundness", "少数意见：技术路线存在缺陷");
        assertThat(complete("jixiang", tasks.get("jixiang"), minority).status()).isEqualTo(200);

        // then every opinion shows, the minority one included
        String detail = driver.as("wangfang").get("/api/cases/" + number).body();
        assertThat(detail).contains(secret).contains("少数意见：技术路线存在缺陷");
        assertThat(driver.as("xunuo").get("/api/audit/cases/" + number + "/timeline").body()).contains(secret);

        // when the officer records adoption answers for two of the three opinions
        String adoptionTask = driver.awaitTask(number, "Task_RecordExpertAdoption");
        Api officer = driver.as("wangfang");
        officer.post("/api/tasks/" + adoptionTask + "/claim", "");
        Api.Response incomplete = officer.post("/api/tasks/" + adoptionTask + "/complete",
                expertAdoption(List.of("陈明", "刘洋")));

        // then the task cannot be completed; an unknown expert is refused too; with all three it completes
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.json().path("errors").findValuesAsText("code")).containsExactly("EXPERT_ADOPTION_MISSING");
        assertThat(incomplete.json().path("errors").path(0).path("message").asText()).contains("𠮷祥");
        assertThat(officer.post("/api/tasks/" + adoptionTask + "/complete",
                expertAdoption(List.of("陈明", "刘洋", "𠮷祥", "路人甲"))).body()).contains("EXPERT_ADOPTION_UNKNOWN");
        Map<String, Object> noReason = expertAdoption(List.of("陈明", "刘洋", "jixiang"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) noReason.get("adoptions");
        entries.get(0).remove("reason");
        assertThat(officer.post("/api/tasks/" + adoptionTask + "/complete", noReason).status()).isEqualTo(400);
        entries.get(0).put("reason", "已采纳");
        entries.get(2).put("handling", "notApplicable");
        Api.Response done = officer.post("/api/tasks/" + adoptionTask + "/complete", noReason);
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
    }

    @Test
    void theSealHoldsPastTheDueDateUntilTheOfficerClosesTheRoundNamingTheExpertWhoMissedIt() {
        // given three experts, two of whom have written, and the third's task past its due date
        CaseDriver driver = driver();
        String number = atSelection("逾期专家测试");
        assertThat(select(number, List.of("chenming", "liuyang", "zhaomin")).status()).isEqualTo(200);
        Map<String, String> tasks = new java.util.HashMap<>();
        for (String expert : List.of("chenming", "liuyang", "zhaomin")) {
            String taskId = driver.awaitTask(number, "Task_WriteExpertOpinion", expert);
            tasks.put(expert, taskId);
            driver.as(expert).post("/api/tasks/" + taskId + "/conflict-declaration", map("noConflict", true));
        }
        String secret = "陈明逾期测试意见-" + System.nanoTime();
        Map<String, Object> opinionA = expertOpinion("陈明");
        opinionA.put("necessity", secret);
        assertThat(complete("chenming", tasks.get("chenming"), opinionA).status()).isEqualTo(200);
        assertThat(complete("liuyang", tasks.get("liuyang"), expertOpinion("刘洋")).status()).isEqualTo(200);
        org.camunda.bpm.engine.task.Task late = engineTasks.createTaskQuery().taskId(tasks.get("zhaomin")).singleResult();
        late.setDueDate(java.util.Date.from(clock.instant().minus(java.time.Duration.ofDays(3))));
        engineTasks.saveTask(late);

        // then the late expert still cannot read the others' opinions, nor can the officer
        assertThat(driver.as("zhaomin").get("/api/tasks/" + tasks.get("zhaomin")).body()).doesNotContain(secret);
        assertThat(driver.as("wangfang").get("/api/cases/" + number).body()).doesNotContain(secret);

        // and the officer's case page offers to close the round (the case may still be withdrawn: no meeting yet)
        String page = Api.signedIn(port, "wangfang", CaseDriver.PASSWORD).get("/app/cases/" + number).body();
        assertThat(page).contains("id=\"close-expert-round\"").contains("id=\"withdraw\"");

        // when the officer closes the round, first without a reason, then with one
        Api officer = driver.as("wangfang");
        String path = "/api/cases/" + number + "/expert-round-closures";
        Api.Response noReason = officer.post(path, map("reason", " "));
        Api.Response byExpert = driver.as("zhaomin").post(path, map("reason", "结束"));
        Api.Response closed = officer.post(path, map("reason", "赵敏逾期三日未提交论证意见，经联系仍无法提交"));

        // then the closure is recorded with the expert who missed it, her task ends, and the opinions show
        assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
        assertThat(byExpert.status()).isIn(403, 404);
        assertThat(closed.status()).as(closed.toString()).isEqualTo(201);
        assertThat(closed.json().path("missingExperts").get(0).asText()).isEqualTo("zhaomin");
        assertThat(closed.json().path("closedBy").asText()).isEqualTo("wangfang");
        assertThat(complete("zhaomin", tasks.get("zhaomin"), expertOpinion("赵敏")).status()).isEqualTo(409);
        assertThat(driver.as("wangfang").get("/api/cases/" + number).body()).contains(secret);
        assertThat(driver.as("zhangwei").get(path).json().path(0).path("reason").asText()).startsWith("赵敏逾期");
        assertThat(officer.post(path, map("reason", "再次结束")).status()).isEqualTo(409);
        String adoptionTask = driver.awaitTask(number, "Task_RecordExpertAdoption");
        officer.post("/api/tasks/" + adoptionTask + "/claim", "");
        Api.Response adopted = officer.post("/api/tasks/" + adoptionTask + "/complete",
                expertAdoption(List.of("陈明", "刘洋")));
        assertThat(adopted.status()).as(adopted.toString()).isEqualTo(200);
        assertThat(driver.as("xunuo").get("/api/audit/cases/" + number + "/timeline").body())
                .contains("EXPERT_ROUND_CLOSED");
    }

    @Test
    void aDrawIsStoredWithItsCandidatesRuleAndSeedAndCanBeRerun() throws Exception {
        // given a case at selection
        String number = atSelection("随机抽取测试");
        Api officer = driver().as("wangfang");

        // when the officer asks for a draw with a seed of her own choosing, it is refused
        Api.Response chosen = officer.post("/api/cases/" + number + "/expert-draws", map("count", 3, "seed", "银湖-2026"));
        assertThat(chosen.status()).as(chosen.toString()).isEqualTo(400);
        assertThat(chosen.json().at("/errors/0/field").asText()).isEqualTo("seed");
        assertThat(chosen.json().at("/errors/0/code").asText()).isEqualTo("SEED_FROM_SERVER");

        // when she draws three experts twice
        Api.Response first = officer.post("/api/cases/" + number + "/expert-draws", map("count", 3));
        Api.Response second = officer.post("/api/cases/" + number + "/expert-draws", map("count", 3));

        // then each has a server seed of its own, revealed with its committed hash, and anyone can recompute the result
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        JsonNode draw = first.json();
        String seed = draw.path("seed").asText();
        assertThat(seed).hasSize(32).isNotEqualTo(second.json().path("seed").asText());
        assertThat(draw.path("seedHash").asText()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8))));
        List<String> candidates = new ArrayList<>(draw.path("candidates").findValuesAsText("userId"));
        List<Long> ids = new ArrayList<>();
        draw.path("candidates").forEach(c -> ids.add(c.path("expertId").asLong()));
        assertThat(ids).isSorted();
        assertThat(candidates).doesNotContain("wangfang");
        assertThat(draw.path("drawn").findValuesAsText("userId")).isEqualTo(DrawAlgorithm.draw(candidates, 3, seed));
        assertThat(draw.path("rule").asText()).contains("SHA-256").contains("镇规划建设办");
        assertThat(officer.get("/api/cases/" + number + "/expert-draws").json()).hasSizeGreaterThanOrEqualTo(2);

        // and the audit log holds the commitment (the hash, no seed) before the draw that reveals the seed
        List<String> order = new ArrayList<>();
        driver().as("xunuo").get("/api/audit/entries?caseNumber=" + number).json().forEach(e -> {
            String type = e.path("eventType").asText();
            if (type.equals("EXPERT_DRAW_SEED_COMMITTED") || type.equals("EXPERTS_DRAWN")) {
                order.add(type + ":" + e.toString().contains(seed) + ":" + e.toString().contains(draw.path("seedHash").asText()));
            }
        });
        assertThat(order).containsSubsequence("EXPERT_DRAW_SEED_COMMITTED:false:true", "EXPERTS_DRAWN:true:true");

        // wrong counts and too few candidates are refused
        assertThat(officer.post("/api/cases/" + number + "/expert-draws", map("count", 2)).json().path("code").asText())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(officer.post("/api/cases/" + number + "/expert-draws", map("count", 3, "discipline", "无此专业"))
                .json().path("code").asText()).isEqualTo("DRAW_TOO_FEW_CANDIDATES");
        assertThat(driver().as("liqiang").post("/api/cases/" + number + "/expert-draws", map("count", 3)).status())
                .isIn(403, 404);

        // when the drawn experts are selected, the selection passes
        assertThat(select(number, draw.path("drawn").findValuesAsText("userId")).status()).isEqualTo(200);
    }

    private CaseDriver driver() {
        return new CaseDriver(port);
    }

    private String atSelection(String title) {
        CaseDriver driver = driver();
        String number = driver.file(title, Map.of("technical", true));
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.consultAndClose(number);
        driver.complete(number, "Task_HandlePublicOpinions", "wangfang", opinionHandling());
        driver.awaitTask(number, "Task_SelectExperts");
        return number;
    }

    private Api.Response select(String number, List<String> experts) {
        CaseDriver driver = driver();
        String taskId = driver.awaitTask(number, "Task_SelectExperts", "wangfang");
        Api officer = driver.as("wangfang");
        officer.post("/api/tasks/" + taskId + "/claim", "");
        return officer.post("/api/tasks/" + taskId + "/complete", expertSelection(experts));
    }

    private Api.Response complete(String user, String taskId, Map<String, Object> data) {
        Api api = driver().as(user);
        api.post("/api/tasks/" + taskId + "/claim", "");
        return api.post("/api/tasks/" + taskId + "/complete", data);
    }

    private String account(String prefix, String name) {
        String userId = "x" + prefix + SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
        Api.Response created = driver().as("admin").post("/api/admin/users", map("userId", userId, "displayName", name,
                "unit", "外部专家", "groups", Set.of("experts"), "password", PASSWORD));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return userId;
    }

    private String poolExpert(String prefix, String affiliation, String status) {
        String userId = account(prefix, "专家" + prefix);
        Api.Response created = driver().as("admin").post("/api/admin/experts", map("userId", userId,
                "discipline", "测试专业", "affiliation", affiliation, "status", status));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return userId;
    }

    private static JsonNode entry(JsonNode list, String userId) {
        for (JsonNode e : list) {
            if (userId.equals(e.path("userId").asText())) {
                return e;
            }
        }
        throw new AssertionError("No pool entry " + userId + " in " + list);
    }
}
