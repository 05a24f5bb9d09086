package cn.majordecision.consultation.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.OffsetDateTime;
import java.util.Date;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The public-participation stage: notice, the consultation period timer, the optional hearing, the opinions. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/public-consultation.bpmn")
class PublicConsultationProcessTests {

    private static final String CLOSES_AT = "2026-03-31T23:59:59+08:00";

    ProcessEngine processEngine;

    @BeforeEach
    void setUp() {
        init(processEngine);
    }

    @Test
    void handlesOpinionsOnceConsultationPeriodHasClosed() {
        // given
        ProcessInstance instance = start(false);
        assertThat(task()).hasCandidateGroup("officers");
        complete(task(), withVariables("consultationClosesAt", CLOSES_AT));
        assertThat(instance).isWaitingAt("Event_ConsultationClosed").isNotWaitingAt("Task_HandlePublicOpinions");

        // when
        processEngine.getManagementService().executeJob(timer(instance).getId());

        // then
        assertThat(instance).isWaitingAt("Task_HandlePublicOpinions");
        assertThat(task()).hasCandidateGroup("officers");
        complete(task());
        assertThat(instance).isEnded().hasNotPassed("Task_PublishHearingNotice");
    }

    @Test
    void closesConsultationAtTheEndOfItsLastDay() {
        // given
        ProcessInstance instance = start(false);

        // when
        complete(task(), withVariables("consultationClosesAt", CLOSES_AT));

        // then
        Assertions.assertThat(timer(instance).getDuedate())
                .isEqualTo(Date.from(OffsetDateTime.parse(CLOSES_AT).toInstant()));
    }

    @Test
    void holdsHearingWhileConsultationIsOpen() {
        // given
        ProcessInstance instance = start(true);

        // when
        complete(task(), withVariables("consultationClosesAt", CLOSES_AT));

        // then
        assertThat(instance).isWaitingAt("Event_ConsultationClosed", "Task_PublishHearingNotice");
        complete(task("Task_PublishHearingNotice", instance));
        complete(task("Task_RecordHearing", instance));
        assertThat(instance).hasPassed("Task_RecordHearing").isWaitingAt("Event_ConsultationClosed")
                .isNotWaitingAt("Task_HandlePublicOpinions");
    }

    @Test
    void handlesOpinionsOnlyAfterBothHearingAndPeriodAreOver() {
        // given
        ProcessInstance instance = start(true);
        complete(task(), withVariables("consultationClosesAt", CLOSES_AT));
        processEngine.getManagementService().executeJob(timer(instance).getId());
        assertThat(instance).isWaitingAt("Task_PublishHearingNotice").isNotWaitingAt("Task_HandlePublicOpinions");

        // when
        complete(task("Task_PublishHearingNotice", instance));
        complete(task("Task_RecordHearing", instance));

        // then
        assertThat(instance).isWaitingAt("Task_HandlePublicOpinions");
    }

    private ProcessInstance start(boolean hearing) {
        ProcessInstance instance = processEngine.getRuntimeService().startProcessInstanceByKey("public-consultation",
                "YHZ-2026-001", withVariables("caseId", 42L, "hearing", hearing));
        assertThat(instance).isWaitingAt("Task_PublishConsultationNotice");
        return instance;
    }

    private Job timer(ProcessInstance instance) {
        return processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .singleResult();
    }
}
