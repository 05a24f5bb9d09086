package cn.majordecision.expertreview.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The expert-review stage: one independent opinion task per selected expert, then the adoption record. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/expert-review.bpmn")
class ExpertReviewProcessTests {

    private static final List<String> EXPERTS = List.of("chenming", "liuyang", "jixiang");

    ProcessEngine processEngine;

    @BeforeEach
    void setUp() {
        init(processEngine);
    }

    @Test
    void givesEachSelectedExpertTheirOwnOpinionTask() {
        // given
        ProcessInstance instance = start();
        assertThat(task()).hasCandidateGroup("officers");

        // when
        complete(task(), withVariables("experts", EXPERTS));

        // then
        List<Task> opinions = opinionTasks(instance);
        Assertions.assertThat(opinions).extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(EXPERTS);
        Assertions.assertThat(opinions).allSatisfy(task -> Assertions.assertThat(task.getCamundaFormRef().getKey())
                .isEqualTo("write-expert-opinion"));
    }

    @Test
    void waitsForEveryExpertBeforeRecordingAdoption() {
        // given
        ProcessInstance instance = start();
        complete(task(), withVariables("experts", EXPERTS));
        List<Task> opinions = opinionTasks(instance);

        // when
        complete(opinions.get(0));
        complete(opinions.get(1));

        // then
        assertThat(instance).isWaitingAt("Task_WriteExpertOpinion").isNotWaitingAt("Task_RecordExpertAdoption");
        complete(opinions.get(2));
        assertThat(instance).isWaitingAt("Task_RecordExpertAdoption");
        assertThat(task("Task_RecordExpertAdoption", instance)).hasCandidateGroup("officers");
        complete(task("Task_RecordExpertAdoption", instance));
        assertThat(instance).isEnded();
    }

    @Test
    void endsTheMissingExpertsTasksWhenTheOfficerClosesTheRound() {
        // given two of three opinions in
        ProcessInstance instance = start();
        complete(task(), withVariables("experts", EXPERTS));
        List<Task> opinions = opinionTasks(instance);
        complete(opinions.get(0));
        complete(opinions.get(1));

        // when the officer closes the round
        processEngine.getRuntimeService().createMessageCorrelation("ExpertRoundClosed")
                .processInstanceBusinessKey("YHZ-2026-001").correlateWithResult();

        // then the third expert's task is gone and the adoption is next
        Assertions.assertThat(opinionTasks(instance)).isEmpty();
        assertThat(instance).isWaitingAt("Task_RecordExpertAdoption");
    }

    private ProcessInstance start() {
        ProcessInstance instance = processEngine.getRuntimeService().startProcessInstanceByKey("expert-review",
                "YHZ-2026-001", withVariables("caseId", 42L, "technical", true));
        assertThat(instance).isWaitingAt("Task_SelectExperts");
        return instance;
    }

    private List<Task> opinionTasks(ProcessInstance instance) {
        return taskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_WriteExpertOpinion")
                .initializeFormKeys().orderByTaskAssignee().asc().list();
    }
}
