package cn.majordecision.partycommittee.process;

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

/** The party-committee stage: the report and the committee's answer, reported again when asked to revise. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/party-committee.bpmn")
class PartyCommitteeProcessTests {

    ProcessEngine processEngine;

    @BeforeEach
    void setUp() {
        init(processEngine);
    }

    @Test
    void endsWhenPartyCommitteeAgrees() {
        // given
        ProcessInstance instance = start();
        assertThat(task()).hasCandidateGroup("officers");
        complete(task());
        assertThat(task()).hasDefinitionKey("Task_RecordPartyAnswer").hasCandidateGroup("party-committee");

        // when
        complete(task(), withVariables("partyAnswer", "agree"));

        // then
        assertThat(instance).isEnded().hasPassed("Event_PartyAgreed").variables().containsEntry("partyAnswer", "agree");
    }

    @Test
    void reportsAgainWhenPartyCommitteeAsksForRevision() {
        // given
        ProcessInstance instance = start();
        complete(task());

        // when
        complete(task(), withVariables("partyAnswer", "revise"));

        // then
        assertThat(instance).isWaitingAt("Task_PreparePartyReport");
        complete(task());
        complete(task(), withVariables("partyAnswer", "agree"));
        assertThat(instance).isEnded().hasPassed("Event_PartyAgreed");
    }

    @Test
    void endsWhenPartyCommitteeDisagrees() {
        // given
        ProcessInstance instance = start();
        complete(task());

        // when
        complete(task(), withVariables("partyAnswer", "disagree"));

        // then
        assertThat(instance).isEnded().hasPassed("Event_PartyDisagreed").hasNotPassed("Event_PartyAgreed");
    }

    private ProcessInstance start() {
        ProcessInstance instance = processEngine.getRuntimeService().startProcessInstanceByKey("party-committee",
                "YHZ-2026-001", withVariables("caseId", 42L));
        assertThat(instance).isWaitingAt("Task_PreparePartyReport");
        return instance;
    }
}
