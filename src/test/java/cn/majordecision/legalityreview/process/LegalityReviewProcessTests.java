package cn.majordecision.legalityreview.process;

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

/** The legality-review stage: package, materials check, legal opinion first, then the conclusion. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/legality-review.bpmn")
class LegalityReviewProcessTests {

    private static final String PROCESS = "legality-review";

    ProcessEngine processEngine;

    @BeforeEach
    void setUp() {
        init(processEngine);
    }

    @Test
    void clearsLawfulDraftAfterLegalOpinion() {
        // given
        ProcessInstance instance = start();

        // when
        assertThat(task()).hasCandidateGroup("officers");
        complete(task());
        assertThat(task()).hasDefinitionKey("Task_CheckLegalityMaterials").hasCandidateGroup("legal-reviewers");
        complete(task(), withVariables("materialsDecision", "accept"));
        assertThat(task()).hasDefinitionKey("Task_GiveLegalOpinion").hasCandidateGroup("legal-advisers");
        complete(task());
        assertThat(task()).hasDefinitionKey("Task_ConcludeLegality").hasCandidateGroup("legal-reviewers");
        complete(task(), withVariables("legalityConclusion", "lawful"));

        // then
        assertThat(instance).isEnded().hasPassedInOrder("Task_SubmitLegalityPackage", "Task_CheckLegalityMaterials",
                "Task_GiveLegalOpinion", "Task_ConcludeLegality", "Event_LegalityCleared");
    }

    @Test
    void returnsPackageForMissingMaterials() {
        // given
        ProcessInstance instance = startBefore("Task_CheckLegalityMaterials");

        // when
        complete(task(), withVariables("materialsDecision", "return"));

        // then
        assertThat(instance).isWaitingAt("Task_SubmitLegalityPackage").hasNotPassed("Task_GiveLegalOpinion");
    }

    @Test
    void reviewsRevisedDraftAgain() {
        // given
        ProcessInstance instance = startBefore("Task_ConcludeLegality");

        // when
        complete(task(), withVariables("legalityConclusion", "revise"));

        // then
        assertThat(instance).isWaitingAt("Task_ReviseDraftForLegality");
        assertThat(task()).hasCandidateGroup("officers");
        complete(task());
        assertThat(instance).isWaitingAt("Task_SubmitLegalityPackage");
    }

    @Test
    void reviewsDraftAgainWhenOfficerRevisesUnlawfulDraft() {
        // given
        ProcessInstance instance = startBefore("Task_ConcludeLegality");
        complete(task(), withVariables("legalityConclusion", "unlawful"));
        assertThat(instance).isWaitingAt("Task_DecideAfterUnlawful");
        assertThat(task()).hasCandidateGroup("officers");

        // when
        complete(task(), withVariables("unlawfulAction", "revise"));

        // then
        assertThat(instance).isWaitingAt("Task_SubmitLegalityPackage");
    }

    @Test
    void endsWithdrawnWhenOfficerWithdrawsUnlawfulDraft() {
        // given
        ProcessInstance instance = startBefore("Task_ConcludeLegality");
        complete(task(), withVariables("legalityConclusion", "unlawful"));

        // when
        complete(task(), withVariables("unlawfulAction", "withdraw"));

        // then
        assertThat(instance).isEnded().hasPassed("Event_LegalityWithdrawn").hasNotPassed("Event_LegalityCleared");
    }

    @Test
    void clearsExploratoryReformWithLegalRiskStated() {
        // given
        ProcessInstance instance = startBefore("Task_ConcludeLegality");

        // when
        complete(task(), withVariables("legalityConclusion", "exploratory"));

        // then
        assertThat(instance).isEnded().hasPassed("Event_LegalityCleared");
    }

    private ProcessInstance start() {
        ProcessInstance instance = processEngine.getRuntimeService().startProcessInstanceByKey(PROCESS, "YHZ-2026-001",
                withVariables("caseId", 42L, "exploratoryReform", false));
        assertThat(instance).isWaitingAt("Task_SubmitLegalityPackage");
        return instance;
    }

    private ProcessInstance startBefore(String activityId) {
        ProcessInstance instance = processEngine.getRuntimeService().createProcessInstanceByKey(PROCESS)
                .businessKey("YHZ-2026-001").setVariables(withVariables("caseId", 42L, "exploratoryReform", true))
                .startBeforeActivity(activityId).execute();
        assertThat(instance).isWaitingAt(activityId);
        return instance;
    }
}
