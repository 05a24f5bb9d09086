package cn.majordecision.expertreview;

import static cn.majordecision.support.Submissions.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.majordecision.shared.ProcedurePolicy;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.FieldViolation;
import cn.majordecision.support.TestForms;
import cn.majordecision.worklist.Submission;
import cn.majordecision.worklist.TaskSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExpertSelectionRuleTests {

    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

    private final ExpertRepository experts = mock(ExpertRepository.class);
    private final ExpertDeclarationRepository declarations = mock(ExpertDeclarationRepository.class);
    private final ExpertSelectionRule rule = new ExpertSelectionRule(new ExpertEligibility(experts, declarations), ProcedurePolicy.NATIONAL);
    private final DecisionCase decisionCase = mock(DecisionCase.class);

    @BeforeEach
    void pool() {
        when(decisionCase.getId()).thenReturn(7L);
        when(decisionCase.getUndertakingUnit()).thenReturn("镇规划建设办");
        when(experts.findByUserId(anyString())).thenReturn(Optional.empty());
        for (String id : List.of("a", "b", "c", "d", "e")) {
            expert(id, "县设计院", true);
        }
        when(declarations.findByCaseIdAndExpertUserIdOrderById(eq(7L), anyString())).thenReturn(List.of());
    }

    @Test
    void acceptsThreeActiveIndependentExperts() {
        assertThat(check("a", "b", "c")).isEmpty();
        assertThat(check("a", "b", "c", "d", "e")).isEmpty();
    }

    @Test
    void refusesAnEvenNumberAndFewerThanTheMinimum() {
        assertThat(check("a", "b")).extracting(FieldViolation::code).containsExactly("EXPERT_COUNT");
        assertThat(check("a", "b", "c", "d")).extracting(FieldViolation::code).containsExactly("EXPERT_COUNT");
        assertThat(check("a")).extracting(FieldViolation::code).containsExactly("EXPERT_COUNT");
    }

    @Test
    void refusesADuplicateAndSomeoneOutsideThePool() {
        assertThat(check("a", "a", "zz")).extracting(v -> v.field() + ":" + v.code())
                .containsExactly("experts[1].userId:EXPERT_DUPLICATE", "experts[2].userId:EXPERT_UNKNOWN");
    }

    @Test
    void refusesAnInactiveExpert() {
        expert("c", "县设计院", false);
        assertThat(check("a", "b", "c")).extracting(v -> v.field() + ":" + v.code())
                .containsExactly("experts[2].userId:EXPERT_INACTIVE");
    }

    @Test
    void refusesAnExpertOfTheUndertakingUnit() {
        expert("b", "镇规划建设办", true);
        assertThat(check("a", "b", "c")).extracting(v -> v.field() + ":" + v.code())
                .containsExactly("experts[1].userId:EXPERT_SAME_UNIT");
    }

    @Test
    void refusesAnExpertWhoDeclaredAnInterestInTheCase() {
        when(declarations.findByCaseIdAndExpertUserIdOrderById(7L, "a")).thenReturn(
                List.of(new ExpertDeclaration(7L, "a", "t9", false, "亲属在投标单位", NOW)));
        assertThat(check("a", "b", "c")).extracting(v -> v.field() + ":" + v.code())
                .containsExactly("experts[0].userId:EXPERT_INTEREST_DECLARED");
    }

    @Test
    void aDeclarationOfNoConflictDoesNotBlock() {
        when(declarations.findByCaseIdAndExpertUserIdOrderById(7L, "a")).thenReturn(
                List.of(new ExpertDeclaration(7L, "a", "t9", true, null, NOW)));
        assertThat(check("a", "b", "c")).isEmpty();
    }

    @Test
    void theProcessGetsTheSelectedAccounts() {
        assertThat(rule.variables(submission("a", "b", "c"))).containsEntry("experts", List.of("a", "b", "c"));
    }

    private void expert(String userId, String affiliation, boolean active) {
        Expert expert = new Expert(userId, "专家" + userId, "道路交通", affiliation, null, "admin", NOW);
        if (!active) {
            expert.update("道路交通", affiliation, null, false, "admin", NOW);
        }
        when(experts.findByUserId(userId)).thenReturn(Optional.of(expert));
    }

    private List<FieldViolation> check(String... ids) {
        Submission submission = submission(ids);
        List<FieldViolation> violations = new ArrayList<>(submission.form().validate(submission.data()));
        rule.check(submission, violations);
        return violations;
    }

    private Submission submission(String... ids) {
        List<Map<String, Object>> chosen = new ArrayList<>();
        for (String id : ids) {
            chosen.add(map("userId", id, "name", "专家" + id));
        }
        Map<String, Object> data = map("experts", chosen, "noDirectInterest", true, "differingViewsIncluded", true);
        TaskSnapshot task = new TaskSnapshot("t1", "遴选论证专家", "Task_SelectExperts", "expert-review",
                "select-experts", "wangfang", List.of("officers"), 7L, NOW, null);
        return new Submission(task, decisionCase, TestForms.get("select-experts"), data,
                new Actor("wangfang", "王芳", "镇规划建设办", Set.of("officers")));
    }
}
