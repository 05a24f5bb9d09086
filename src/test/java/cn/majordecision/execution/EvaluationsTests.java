package cn.majordecision.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.cases.StageRecord;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationsTests {

    @Test
    void theRiskAssessorAndTheUndertakingUnitDidTheMainAssessment() {
        // given a case of 镇规划建设办 whose risk was assessed by 镇综治办
        CaseService cases = mock(CaseService.class);
        DecisionCase decisionCase = mock(DecisionCase.class);
        when(decisionCase.getId()).thenReturn(7L);
        when(decisionCase.getUndertakingUnit()).thenReturn("镇规划建设办");
        StageRecord risk = mock(StageRecord.class);
        when(risk.getFormKey()).thenReturn("assess-risk");
        when(risk.getPayload()).thenReturn("{\"assessor\":\"镇综治办\",\"riskLevel\":\"low\"}");
        StageRecord launch = mock(StageRecord.class);
        when(launch.getFormKey()).thenReturn("decide-launch");
        when(launch.getPayload()).thenReturn("{\"assessor\":\"不是风险评估\"}");
        when(cases.records(7L)).thenReturn(List.of(launch, risk));
        Clock clock = Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneOffset.UTC);
        Evaluations evaluations = new Evaluations(cases, null, null, null, new ObjectMapper(), null, clock, 10);

        // when the main assessment units are read, then both are there and nothing else
        assertThat(evaluations.mainAssessmentUnits(decisionCase)).containsExactlyInAnyOrder("镇规划建设办", "镇综治办");
    }
}
