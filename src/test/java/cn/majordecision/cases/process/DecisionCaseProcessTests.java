package cn.majordecision.cases.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The main process {@code decision-case}. The five stage sub-processes are replaced by one-task stubs: completing a
 * stub with the sub-process's own outcome variable (riskVerdict, legalityConclusion, partyAnswer) runs the real
 * out-mappings of the main model.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/decision-case.bpmn")
class DecisionCaseProcessTests {

    private static final String PROCESS = "decision-case";
    private static final String CASE_NUMBER = "YHZ-2026-001";
    private static final List<String> SUB_PROCESSES =
            List.of("public-consultation", "expert-review", "risk-assessment", "legality-review", "party-committee");

    ProcessEngine processEngine;
    private RuntimeService runtimeService;
    private TaskService taskService;
    private RepositoryService repositoryService;
    private ManagementService managementService;

    private final SkipRecorder skips = new SkipRecorder();
    private final ClearanceCheck clearance = new ClearanceCheck();
    private final OutcomeRecorder outcomes = new OutcomeRecorder();
    private String stubDeploymentId;

    @BeforeEach
    void setUp() {
        init(processEngine);
        runtimeService = processEngine.getRuntimeService();
        taskService = processEngine.getTaskService();
        repositoryService = processEngine.getRepositoryService();
        managementService = processEngine.getManagementService();
        Mocks.register("recordStageSkippedDelegate", skips);
        Mocks.register("verifyLegalityClearanceDelegate", clearance);
        Mocks.register("caseOutcomeListener", outcomes);
        var deployment = repositoryService.createDeployment().name("stage stubs");
        SUB_PROCESSES.forEach(key -> deployment.addModelInstance(key + ".bpmn", stub(key)));
        stubDeploymentId = deployment.deploy().getId();
    }

    @AfterEach
    void tearDown() {
        repositoryService.deleteDeployment(stubDeploymentId, true);
        Mocks.reset();
    }

    // ------------------------------------------------------------------ happy path

    @Test
    void archivesCaseThatPassesEveryStage() {
        // given
        ProcessInstance instance = startCase(flags("technical", "stabilityRisk", "congressApproval"));

        // when
        completeTask(instance, "Task_DecideLaunch", "launchDecision", "launch");
        completeTask(instance, "Task_DraftDecision");
        finishStage("public-consultation");
        finishStage("expert-review");
        finishStage("risk-assessment", "riskVerdict", "controllable");
        finishStage("legality-review", "legalityConclusion", "lawful");
        completeTask(instance, "Task_RecordMeeting", "meetingDecision", "approve");
        finishStage("party-committee", "partyAnswer", "agree");
        completeTask(instance, "Task_RecordCongressDecision", "congressDecision", "approved");
        completeTask(instance, "Task_PublishDecision");
        completeTask(instance, "Task_ConfirmArchive");

        // then
        assertThat(instance).isEnded().hasPassedInOrder("Task_DecideLaunch", "Task_DraftDecision",
                "CallActivity_PublicConsultation", "CallActivity_ExpertReview", "CallActivity_RiskAssessment",
                "CallActivity_LegalityReview", "ServiceTask_VerifyLegalityClearance", "Task_RecordMeeting",
                "CallActivity_PartyCommitteeAfter", "Task_RecordCongressDecision", "Task_PublishDecision",
                "Task_ConfirmArchive", "Event_Archived");
        assertThat(instance).hasNotPassed("CallActivity_PartyCommitteeBefore");
        Assertions.assertThat(skips.recorded).isEmpty();
        Assertions.assertThat(outcomes.recorded).containsExactly("ARCHIVED");
    }

    @Test
    void givesUserTasksToTheirGroupsWithTheirForms() {
        // given
        ProcessInstance instance = startCase(flags());

        // when
        Task decideLaunch = task(instance, "Task_DecideLaunch");

        // then
        assertThat(decideLaunch).hasCandidateGroup("heads");
        Assertions.assertThat(decideLaunch.getCamundaFormRef().getKey()).isEqualTo("decide-launch");
    }

    @Test
    void passesCaseNumberAndFlagsToStageSubProcesses() {
        // given
        ProcessInstance instance = startCaseBefore("CallActivity_LegalityReview", flags("exploratoryReform"));

        // when
        ProcessInstance legalityReview = runtimeService.createProcessInstanceQuery()
                .superProcessInstanceId(instance.getId()).singleResult();

        // then
        Assertions.assertThat(legalityReview.getBusinessKey()).isEqualTo(CASE_NUMBER);
        Assertions.assertThat(runtimeService.getVariables(legalityReview.getId()))
                .containsEntry("caseId", 42L).containsEntry("exploratoryReform", true);
    }

    // ------------------------------------------------------------------ launch

    @Test
    void endsCaseWhenHeadDoesNotLaunchIt() {
        // given
        ProcessInstance instance = startCase(flags());

        // when
        completeTask(instance, "Task_DecideLaunch", "launchDecision", "notLaunch");

        // then
        assertThat(instance).isEnded().hasPassed("Event_NotLaunched").hasNotPassed("Task_DraftDecision");
        Assertions.assertThat(outcomes.recorded).containsExactly("NOT_LAUNCHED");
    }

    @Test
    void draftsDecisionWhenHeadLaunchesIt() {
        // given
        ProcessInstance instance = startCase(flags());

        // when
        completeTask(instance, "Task_DecideLaunch", "launchDecision", "launch");

        // then
        assertThat(instance).isWaitingAt("Task_DraftDecision");
        assertThat(task(instance, "Task_DraftDecision")).hasCandidateGroup("officers");
    }

    // ------------------------------------------------------------------ flag skips

    @Test
    void skipsPublicParticipationWhenNonPublic() {
        // given
        ProcessInstance instance = startCaseBefore("Task_DraftDecision", flags("nonPublic", "technical"));

        // when
        completeTask(instance, "Task_DraftDecision");

        // then
        assertThat(instance).hasPassed("ServiceTask_SkipPublicParticipation")
                .hasNotPassed("CallActivity_PublicConsultation").isWaitingAt("CallActivity_ExpertReview");
        Assertions.assertThat(skips.recorded).containsExactly("PUBLIC_PARTICIPATION/nonPublic");
    }

    @Test
    void skipsExpertReviewWhenNotTechnical() {
        // given
        ProcessInstance instance = startCaseBefore("Task_DraftDecision", flags("stabilityRisk"));

        // when
        completeTask(instance, "Task_DraftDecision");
        finishStage("public-consultation");

        // then
        assertThat(instance).hasPassed("ServiceTask_SkipExpertReview").hasNotPassed("CallActivity_ExpertReview")
                .isWaitingAt("CallActivity_RiskAssessment");
        Assertions.assertThat(skips.recorded).containsExactly("EXPERT_REVIEW/technical");
    }

    @Test
    void skipsRiskAssessmentWhenNoStabilityRisk() {
        // given
        ProcessInstance instance = startCaseBefore("CallActivity_ExpertReview", flags("technical"));

        // when
        finishStage("expert-review");

        // then
        assertThat(instance).hasPassed("ServiceTask_SkipRiskAssessment").hasNotPassed("CallActivity_RiskAssessment")
                .isWaitingAt("CallActivity_LegalityReview");
        Assertions.assertThat(skips.recorded).containsExactly("RISK_ASSESSMENT/stabilityRisk");
    }

    @Test
    void skipsRiskAssessmentWhenPriorAssessmentExists() {
        // given
        ProcessInstance instance = startCaseBefore("CallActivity_ExpertReview",
                flags("technical", "stabilityRisk", "priorRiskAssessment"));

        // when
        finishStage("expert-review");

        // then
        assertThat(instance).hasNotPassed("CallActivity_RiskAssessment").isWaitingAt("CallActivity_LegalityReview");
        Assertions.assertThat(skips.recorded).containsExactly("RISK_ASSESSMENT/priorRiskAssessment");
    }

    @Test
    void recordsEverySkippedStageWhenNoFlagCallsForOne() {
        // given
        ProcessInstance instance = startCaseBefore("Task_DraftDecision", flags("nonPublic"));

        // when
        completeTask(instance, "Task_DraftDecision");
        finishStage("legality-review", "legalityConclusion", "lawful");
        completeTask(instance, "Task_RecordMeeting", "meetingDecision", "approve");
        finishStage("party-committee", "partyAnswer", "agree");
        completeTask(instance, "Task_ConfirmArchive");

        // then
        Assertions.assertThat(skips.recorded).containsExactly("PUBLIC_PARTICIPATION/nonPublic",
                "EXPERT_REVIEW/technical", "RISK_ASSESSMENT/stabilityRisk", "CONGRESS/congressApproval",
                "PUBLICATION/nonPublic");
        assertThat(instance).isEnded().hasNotPassed("Task_RecordCongressDecision", "Task_PublishDecision");
        Assertions.assertThat(outcomes.recorded).containsExactly("ARCHIVED");
    }

    @Test
    void skipsCongressWhenNoCongressApprovalNeeded() {
        // given
        ProcessInstance instance = startCaseBefore("CallActivity_PartyCommitteeAfter", flags());

        // when
        finishStage("party-committee", "partyAnswer", "agree");

        // then
        assertThat(instance).hasPassed("ServiceTask_SkipCongress").isWaitingAt("Task_PublishDecision");
        Assertions.assertThat(skips.recorded).containsExactly("CONGRESS/congressApproval");
    }

    @Test
    void skipsPublicationWhenNonPublic() {
        // given
        ProcessInstance instance = startCaseBefore("Task_RecordCongressDecision", flags("nonPublic", "congressApproval"));

        // when
        completeTask(instance, "Task_RecordCongressDecision", "congressDecision", "approved");

        // then
        assertThat(instance).hasPassed("ServiceTask_SkipPublication").hasNotPassed("Task_PublishDecision")
                .isWaitingAt("Task_ConfirmArchive");
        Assertions.assertThat(skips.recorded).containsExactly("PUBLICATION/nonPublic");
    }

    // ------------------------------------------------------------------ risk and legality outcomes

    @Test
    void endsCaseWhenRiskAssessmentEndsInWithdrawal() {
        // given
        ProcessInstance instance = startCaseBefore("CallActivity_RiskAssessment", flags("stabilityRisk"));

        // when
        finishStage("risk-assessment", "riskVerdict", "notControllable");

        // then
        assertThat(instance).isEnded().hasPassed("Event_WithdrawnAfterRisk").variables()
                .containsEntry("riskOutcome", "withdrawn");
        Assertions.assertThat(outcomes.recorded).containsExactly("WITHDRAWN");
    }

    @Test
    void goesToLegalityReviewWhenRiskIsControllable() {
        // given
        ProcessInstance instance = startCaseBefore("CallActivity_RiskAssessment", flags("stabilityRisk"));

        // when
        finishStage("risk-assessment", "riskVerdict", "controllable");

        // then
        assertThat(instance).isWaitingAt("CallActivity_LegalityReview").variables()
                .containsEntry("riskOutcome", "assessed");
    }

    @Test
    void endsCaseWhenLegalityReviewEndsInWithdrawal() {
        // given
        ProcessInstance instance = startCaseBefore("CallActivity_LegalityReview", flags());

        // when
        finishStage("legality-review", "legalityConclusion", "unlawful");

        // then
        assertThat(instance).isEnded().hasPassed("Event_WithdrawnAfterLegality").hasNotPassed("Task_RecordMeeting");
        Assertions.assertThat(outcomes.recorded).containsExactly("WITHDRAWN");
    }

    @Test
    void takesExploratoryReformToTheMeetingAsCleared() {
        // given
        ProcessInstance instance = startCaseBefore("CallActivity_LegalityReview", flags("exploratoryReform"));

        // when
        finishStage("legality-review", "legalityConclusion", "exploratory");

        // then
        assertThat(instance).isWaitingAt("Task_RecordMeeting").variables().containsEntry("legalityOutcome", "cleared");
        assertThat(task(instance, "Task_RecordMeeting")).hasCandidateGroup("meeting-secretaries");
    }

    @Test
    void sendsCaseBackToLegalityReviewWhenClearanceDoesNotHold() {
        // given
        ProcessInstance instance = startCaseBefore("CallActivity_LegalityReview", flags());
        clearance.failuresLeft = 1;

        // when
        finishStage("legality-review", "legalityConclusion", "lawful");

        // then
        assertThat(instance).hasPassed("Event_LegalityNotCleared").isWaitingAt("CallActivity_LegalityReview");
        finishStage("legality-review", "legalityConclusion", "lawful");
        assertThat(instance).isWaitingAt("Task_RecordMeeting");
        Assertions.assertThat(clearance.calls).isEqualTo(2);
    }

    // ------------------------------------------------------------------ collective meeting

    @Test
    void reportsToPartyCommitteeAfterApprovedMeeting() {
        // given
        ProcessInstance instance = startCaseBefore("Task_RecordMeeting", flags());

        // when
        completeTask(instance, "Task_RecordMeeting", "meetingDecision", "approve");

        // then
        assertThat(instance).isWaitingAt("CallActivity_PartyCommitteeAfter");
    }

    @Test
    void asksForConfirmationAgainUntilMinorRevisionIsConfirmed() {
        // given
        ProcessInstance instance = startCaseBefore("Task_RecordMeeting", flags());
        completeTask(instance, "Task_RecordMeeting", "meetingDecision", "minorRevision");
        completeTask(instance, "Task_ReviseDraftAfterMeeting");

        // when
        completeTask(instance, "Task_ConfirmMinorRevision", "revisionConfirmed", false);

        // then
        assertThat(instance).isWaitingAt("Task_ReviseDraftAfterMeeting");
        completeTask(instance, "Task_ReviseDraftAfterMeeting");
        assertThat(task(instance, "Task_ConfirmMinorRevision")).hasCandidateGroup("heads");
        completeTask(instance, "Task_ConfirmMinorRevision", "revisionConfirmed", true);
        assertThat(task(instance, "Task_ConfirmLegalityAfterRevision")).hasCandidateGroup("legal-reviewers");
        completeTask(instance, "Task_ConfirmLegalityAfterRevision", "legalityAfterRevision", "intact");
        assertThat(instance).isWaitingAt("CallActivity_PartyCommitteeAfter");
    }

    @Test
    void sendsAMinorRevisionBackToLegalityReviewWhenTheReviewerSaysItNeedsOne() {
        // given a draft revised after the meeting and confirmed by the head
        ProcessInstance instance = startCaseBefore("Task_RecordMeeting", flags());
        completeTask(instance, "Task_RecordMeeting", "meetingDecision", "minorRevision");
        completeTask(instance, "Task_ReviseDraftAfterMeeting");
        completeTask(instance, "Task_ConfirmMinorRevision", "revisionConfirmed", true);

        // when the legality reviewer finds the revision touches the conclusion
        completeTask(instance, "Task_ConfirmLegalityAfterRevision", "legalityAfterRevision", "newReview");

        // then a new legality review runs, and the reviewed draft goes to the meeting again
        assertThat(instance).isWaitingAt("CallActivity_LegalityReview");
        finishStage("legality-review", "legalityConclusion", "lawful");
        assertThat(instance).isWaitingAt("Task_RecordMeeting");
    }

    @Test
    void sendsSubstantiallyRevisedDraftBackToLegalityReview() {
        // given
        ProcessInstance instance = startCaseBefore("Task_RecordMeeting", flags());
        completeTask(instance, "Task_RecordMeeting", "meetingDecision", "substantialRevision");

        // when
        completeTask(instance, "Task_ReviseDraftSubstantially");

        // then
        assertThat(instance).isWaitingAt("CallActivity_LegalityReview");
        finishStage("legality-review", "legalityConclusion", "lawful");
        assertThat(instance).isWaitingAt("Task_RecordMeeting");
    }

    @Test
    void asksTheHeadWhatBecomesOfTheCaseWhenDeferralEnds() {
        // given
        String deferUntil = "2026-09-30T09:00:00+08:00";
        ProcessInstance instance = startCaseBefore("Task_RecordMeeting", flags());
        completeTask(instance, "Task_RecordMeeting", "meetingDecision", "defer", "deferUntil", deferUntil);
        Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();

        // when
        managementService.executeJob(timer.getId());

        // then
        Assertions.assertThat(timer.getDuedate()).isEqualTo(Date.from(OffsetDateTime.parse(deferUntil).toInstant()));
        assertThat(instance).hasPassed("Event_DeferralEnds").isWaitingAt("Task_DecideAfterDeferral");
        assertThat(task(instance, "Task_DecideAfterDeferral")).hasCandidateGroup("heads");
    }

    @Test
    void returnsDeferredCaseToTheMeetingWhenTheHeadResubmitsIt() {
        // given
        ProcessInstance instance = startCaseBefore("Task_DecideAfterDeferral", flags());

        // when
        completeTask(instance, "Task_DecideAfterDeferral", "deferralOutcome", "resubmit");

        // then the legality clearance is checked again on the way back to the meeting
        assertThat(instance).hasPassed("ServiceTask_VerifyLegalityClearance").isWaitingAt("Task_RecordMeeting");
        Assertions.assertThat(clearance.calls).isEqualTo(1);
    }

    @Test
    void endsTheCaseAsLapsedWhenTheHeadLetsTheDeferralLapse() {
        // given
        ProcessInstance instance = startCaseBefore("Task_DecideAfterDeferral", flags());

        // when
        completeTask(instance, "Task_DecideAfterDeferral", "deferralOutcome", "lapse");

        // then
        assertThat(instance).isEnded().hasPassed("Event_Lapsed");
        Assertions.assertThat(outcomes.recorded).containsExactly("LAPSED");
    }

    @Test
    void waitsWhileMeetingIsDeferred() {
        // given
        ProcessInstance instance = startCaseBefore("Task_RecordMeeting", flags());

        // when
        completeTask(instance, "Task_RecordMeeting", "meetingDecision", "defer", "deferUntil", "2026-09-30T09:00:00+08:00");

        // then
        assertThat(instance).isWaitingAt("Event_DeferralEnds");
    }

    @Test
    void endsCaseWhenMeetingRejectsIt() {
        // given
        ProcessInstance instance = startCaseBefore("Task_RecordMeeting", flags());

        // when
        completeTask(instance, "Task_RecordMeeting", "meetingDecision", "reject");

        // then
        assertThat(instance).isEnded().hasPassed("Event_Rejected");
        Assertions.assertThat(outcomes.recorded).containsExactly("REJECTED");
    }

    // ------------------------------------------------------------------ party committee

    @Test
    void endsCaseWhenPartyCommitteeDisagreesAfterMeeting() {
        // given
        ProcessInstance instance = startCaseBefore("CallActivity_PartyCommitteeAfter", flags("congressApproval"));

        // when
        finishStage("party-committee", "partyAnswer", "disagree");

        // then
        assertThat(instance).isEnded().hasPassed("Event_PartyDisagreedAfter").hasNotPassed("Task_RecordCongressDecision");
        Assertions.assertThat(outcomes.recorded).containsExactly("PARTY_DISAGREED");
    }

    @Test
    void reportsToPartyCommitteeBeforeMeetingWhenSoConfigured() {
        // given
        Map<String, Object> variables = flags();
        variables.put("partyCommitteeBeforeMeeting", true);
        ProcessInstance instance = startCaseBefore("CallActivity_LegalityReview", variables);

        // when
        finishStage("legality-review", "legalityConclusion", "lawful");
        finishStage("party-committee", "partyAnswer", "agree");
        completeTask(instance, "Task_RecordMeeting", "meetingDecision", "approve");

        // then
        assertThat(instance).hasPassed("CallActivity_PartyCommitteeBefore").hasNotPassed("CallActivity_PartyCommitteeAfter")
                .isWaitingAt("Task_PublishDecision");
    }

    @Test
    void endsCaseWhenPartyCommitteeDisagreesBeforeMeeting() {
        // given
        Map<String, Object> variables = flags();
        variables.put("partyCommitteeBeforeMeeting", true);
        ProcessInstance instance = startCaseBefore("CallActivity_PartyCommitteeBefore", variables);

        // when
        finishStage("party-committee", "partyAnswer", "disagree");

        // then
        assertThat(instance).isEnded().hasPassed("Event_PartyDisagreedBefore").hasNotPassed("Task_RecordMeeting");
        Assertions.assertThat(outcomes.recorded).containsExactly("PARTY_DISAGREED");
    }

    // ------------------------------------------------------------------ congress

    @Test
    void endsCaseWhenCongressDoesNotApprove() {
        // given
        ProcessInstance instance = startCaseBefore("Task_RecordCongressDecision", flags("congressApproval"));

        // when
        completeTask(instance, "Task_RecordCongressDecision", "congressDecision", "notApproved");

        // then
        assertThat(instance).isEnded().hasPassed("Event_CongressNotApproved").hasNotPassed("Task_PublishDecision");
        Assertions.assertThat(outcomes.recorded).containsExactly("CONGRESS_NOT_APPROVED");
    }

    @Test
    void publishesDecisionAfterCongressApproves() {
        // given
        ProcessInstance instance = startCaseBefore("Task_RecordCongressDecision", flags("congressApproval"));

        // when
        completeTask(instance, "Task_RecordCongressDecision", "congressDecision", "approved");

        // then
        assertThat(instance).isWaitingAt("Task_PublishDecision");
        assertThat(task(instance, "Task_PublishDecision")).hasCandidateGroup("officers");
    }

    // ------------------------------------------------------------------ withdrawal

    @Test
    void endsCaseAsWithdrawnWhenWithdrawalMessageArrives() {
        // given
        ProcessInstance instance = startCaseBefore("Task_DraftDecision", flags());

        // when
        runtimeService.createMessageCorrelation("CaseWithdrawn").processInstanceBusinessKey(CASE_NUMBER)
                .correlateWithResult();

        // then
        assertThat(instance).isEnded().hasPassed("Event_CaseWithdrawn", "Event_Withdrawn");
        Assertions.assertThat(outcomes.recorded).containsExactly("WITHDRAWN");
    }

    @Test
    void cancelsRunningStageWhenCaseIsWithdrawn() {
        // given
        ProcessInstance instance = startCaseBefore("CallActivity_ExpertReview", flags("technical"));

        // when
        runtimeService.createMessageCorrelation("CaseWithdrawn").processInstanceBusinessKey(CASE_NUMBER)
                .correlateWithResult();

        // then
        assertThat(instance).isEnded();
        Assertions.assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(CASE_NUMBER).count())
                .isZero();
        Assertions.assertThat(outcomes.recorded).containsExactly("WITHDRAWN");
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, Object> flags(String... raised) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseId", 42L);
        for (String flag : List.of("nonPublic", "technical", "stabilityRisk", "priorRiskAssessment", "hearing",
                "marketActivity", "congressApproval", "exploratoryReform", "partyCommitteeBeforeMeeting")) {
            variables.put(flag, false);
        }
        for (String flag : raised) {
            variables.put(flag, true);
        }
        return variables;
    }

    private ProcessInstance startCase(Map<String, Object> variables) {
        return runtimeService.startProcessInstanceByKey(PROCESS, CASE_NUMBER, variables);
    }

    private ProcessInstance startCaseBefore(String activityId, Map<String, Object> variables) {
        return runtimeService.createProcessInstanceByKey(PROCESS).businessKey(CASE_NUMBER).setVariables(variables)
                .startBeforeActivity(activityId).execute();
    }

    private Task task(ProcessInstance instance, String taskDefinitionKey) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskDefinitionKey)
                .initializeFormKeys().singleResult();
    }

    private void completeTask(ProcessInstance instance, String taskDefinitionKey, Object... variables) {
        assertThat(instance).isWaitingAt(taskDefinitionKey);
        taskService.complete(task(instance, taskDefinitionKey).getId(), map(variables));
    }

    /** Completes the stub of a stage sub-process with the sub-process's own outcome variables. */
    private void finishStage(String subProcessKey, Object... variables) {
        Task stub = taskService.createTaskQuery().processDefinitionKey(subProcessKey).singleResult();
        Assertions.assertThat(stub).as("running stage " + subProcessKey).isNotNull();
        taskService.complete(stub.getId(), map(variables));
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static BpmnModelInstance stub(String processKey) {
        return Bpmn.createExecutableProcess(processKey).camundaHistoryTimeToLive(1)
                .startEvent("Event_StubStarted").userTask("Task_Stub").endEvent("Event_StubFinished").done();
    }

    /** Stands in for recordStageSkippedDelegate: remembers stage/flag of every skip. */
    public static class SkipRecorder implements JavaDelegate {
        final List<String> recorded = new ArrayList<>();

        @Override
        public void execute(DelegateExecution execution) {
            recorded.add(execution.getVariableLocal("stage") + "/" + execution.getVariableLocal("flag"));
        }
    }

    /** Stands in for verifyLegalityClearanceDelegate: fails as often as told to. */
    public static class ClearanceCheck implements JavaDelegate {
        int failuresLeft;
        int calls;

        @Override
        public void execute(DelegateExecution execution) {
            calls++;
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new BpmnError("LEGALITY_NOT_CLEARED", "合法性审查结论不适用于当前草案");
            }
        }
    }

    /** Stands in for caseOutcomeListener: remembers every outcome the end events report. */
    public static class OutcomeRecorder {
        final List<String> recorded = new ArrayList<>();

        public void closed(DelegateExecution execution, String outcome) {
            recorded.add(outcome);
        }
    }
}
