package cn.majordecision.riskassessment.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The risk-assessment stage: assess until the risk is controllable or the case is withdrawn. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/risk-assessment.bpmn")
class RiskAssessmentProcessTests {

    ProcessEngine processEngine;

    @BeforeEach
    void setUp() {
        init(processEngine);
    }

    @Test
    void endsAssessedWhenRiskIsControllable() {
        // given
        ProcessInstance instance = start();
        assertThat(task()).hasCandidateGroup("risk-assessors");

        // when
        complete(task(), withVariables("riskVerdict", "controllable"));

        // then
        assertThat(instance).isEnded().hasPassed("Event_RiskControllable").hasNotPassed("Task_AdjustDraftForRisk");
    }

    @Test
    void reassessesRiskAfterOfficerAdjustsDraft() {
        // given
        ProcessInstance instance = start();
        complete(task(), withVariables("riskVerdict", "notControllable"));
        assertThat(instance).isWaitingAt("Task_AdjustDraftForRisk");
        assertThat(task()).hasCandidateGroup("officers");

        // when
        complete(task(), withVariables("riskAction", "adjust"));

        // then
        assertThat(instance).isWaitingAt("Task_AssessRisk");
        complete(task(), withVariables("riskVerdict", "controllable"));
        assertThat(instance).isEnded().hasPassed("Event_RiskControllable");
    }

    @Test
    void endsWithdrawnWhenOfficerWithdrawsUncontrollableCase() {
        // given
        ProcessInstance instance = start();
        complete(task(), withVariables("riskVerdict", "notControllable"));

        // when
        complete(task(), withVariables("riskAction", "withdraw"));

        // then
        assertThat(instance).isEnded().hasPassed("Event_RiskWithdrawn").hasNotPassed("Event_RiskControllable");
    }

    private ProcessInstance start() {
        ProcessInstance instance = processEngine.getRuntimeService().startProcessInstanceByKey("risk-assessment",
                "YHZ-2026-001", withVariables("caseId", 42L, "stabilityRisk", true));
        assertThat(instance).isWaitingAt("Task_AssessRisk");
        return instance;
    }
}
