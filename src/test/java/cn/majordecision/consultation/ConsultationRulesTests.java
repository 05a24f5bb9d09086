package cn.majordecision.consultation;

import static cn.majordecision.support.Submissions.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import cn.majordecision.shared.ProcedurePolicy;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.FieldViolation;
import cn.majordecision.support.TestForms;
import cn.majordecision.worklist.Submission;
import cn.majordecision.worklist.TaskSnapshot;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsultationRulesTests {

    private final ConsultationRules rules = new ConsultationRules(null, new ObjectMapper(), ProcedurePolicy.NATIONAL);

    @Test
    void acceptsThirtyDaysNotCountingTheFirstDay() {
        assertThat(check(notice("2026-12-01", "2026-12-31", null))).isEmpty();
    }

    @Test
    void refusesTwentyNineDaysWithoutAnUrgencyReason() {
        assertThat(check(notice("2026-12-01", "2026-12-30", null)))
                .extracting(v -> v.field() + ":" + v.code()).containsExactly("urgencyReason:URGENCY_REASON_REQUIRED");
        assertThat(check(notice("2026-12-01", "2026-12-30", "汛期临近"))).isEmpty();
    }

    @Test
    void closesAtTheEndOfTheLastDayInChinaTime() {
        Map<String, Object> variables = rules.variables(submission("publish-consultation-notice",
                notice("2026-12-01", "2026-12-31", null)));
        assertThat(variables).containsEntry("consultationClosesAt", Date.from(Instant.parse("2026-12-31T16:00:00Z")));
    }

    @Test
    void hearingMaterialsMustReachParticipantsSevenDaysAhead() {
        Map<String, Object> data = map("selectionMethod", "随机抽取", "participants", List.of(map("name", "居民代表")),
                "publishedOn", "2026-12-01", "hearingDate", "2026-12-20", "materialsSentOn", "2026-12-14");
        assertThat(check("publish-hearing-notice", data)).extracting(FieldViolation::code)
                .containsExactly("HEARING_MATERIALS_LATE");
        data.put("materialsSentOn", "2026-12-13");
        assertThat(check("publish-hearing-notice", data)).isEmpty();
    }

    private static Map<String, Object> notice(String start, String end, String urgency) {
        Map<String, Object> data = map("channels", List.of("website"), "howToSubmit", "网站留言", "periodStart", start,
                "periodEnd", end);
        if (urgency != null) {
            data.put("urgencyReason", urgency);
        }
        return data;
    }

    private List<FieldViolation> check(Map<String, Object> data) {
        return check("publish-consultation-notice", data);
    }

    private List<FieldViolation> check(String form, Map<String, Object> data) {
        Submission submission = submission(form, data);
        List<FieldViolation> violations = new ArrayList<>(submission.form().validate(data));
        rules.check(submission, violations);
        return violations;
    }

    private static Submission submission(String form, Map<String, Object> data) {
        TaskSnapshot task = new TaskSnapshot("t1", "发布征求意见公告", "Task_PublishConsultationNotice",
                "public-consultation", form, "wangfang", List.of("officers"), 7L, Instant.parse("2026-12-01T02:00:00Z"), null);
        return new Submission(task, mock(DecisionCase.class), TestForms.get(form), data,
                new Actor("wangfang", "王芳", "镇规划建设办", Set.of("officers")));
    }
}
