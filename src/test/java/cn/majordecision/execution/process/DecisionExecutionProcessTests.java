package cn.majordecision.execution.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedList;
import java.util.Queue;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Stage 12: report due dates one after another, suspension and resumption, and the end by termination or adjustment. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/decision-execution.bpmn")
class DecisionExecutionProcessTests {

    private static final Instant FIRST_DUE = Instant.parse("2027-01-04T16:00:00Z");
    private static final Instant SECOND_DUE = Instant.parse("2027-04-06T16:00:00Z");

    ProcessEngine processEngine;
    final Queue<Date> nextDueDates = new LinkedList<>();
    int checks;

    @BeforeEach
    void registerCheck() {
        init(processEngine);
        Mocks.register("checkExecutionReportDelegate", (JavaDelegate) execution -> {
            checks++;
            execution.setVariable("nextReportDue", nextDueDates.poll());
        });
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void checksEachReportWhenItFallsDueAndWaitsForTheNextOne() {
        // given execution planned with its first due date
        ProcessInstance instance = start();
        nextDueDates.add(Date.from(SECOND_DUE));
        assertThat(timer().getDuedate()).isEqualTo(Date.from(FIRST_DUE));

        // when the due date passes
        fire(timer());

        // then the check runs once, in a job of its own, and the timer waits for the next due date
        assertThat(checks).isZero();
        fire(jobs().createJobQuery().processInstanceId(instance.getId()).messages().singleResult());
        assertThat(checks).isEqualTo(1);
        assertThat(timer().getDuedate()).isEqualTo(Date.from(SECOND_DUE));
    }

    @Test
    void noReportFallsDueWhileSuspendedAndTheScheduleGoesOnWhenResumed() {
        // given
        ProcessInstance instance = start();

        // when the head suspends execution
        processEngine.getRuntimeService().correlateMessage("ExecutionSuspended", "YHZ-2026-001");

        // then no report timer runs until execution resumes
        assertThat(jobs().createJobQuery().processInstanceId(instance.getId()).timers().count()).isZero();
        processEngine.getRuntimeService().correlateMessage("ExecutionResumed", "YHZ-2026-001");
        assertThat(timer().getDuedate()).isEqualTo(Date.from(FIRST_DUE));
    }

    @Test
    void terminationOrAdjustmentEndsExecutionEvenWhileSuspended() {
        // given a suspended execution
        ProcessInstance instance = start();
        processEngine.getRuntimeService().correlateMessage("ExecutionSuspended", "YHZ-2026-001");

        // when the decision is terminated
        processEngine.getRuntimeService().correlateMessage("DecisionClosed", "YHZ-2026-001");

        // then nothing waits any more
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(instance).isEnded()
                .hasPassed("Event_ExecutionEnded");
        assertThat(jobs().createJobQuery().count()).isZero();
    }

    @Test
    void endsWhenNoFurtherReportFallsDue() {
        // given
        ProcessInstance instance = start();
        nextDueDates.add(null);

        // when the last due date passes
        fire(timer());
        fire(jobs().createJobQuery().processInstanceId(instance.getId()).messages().singleResult());

        // then
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(instance).isEnded()
                .hasPassed("Event_NoMoreReports");
    }

    private ProcessInstance start() {
        return processEngine.getRuntimeService().startProcessInstanceByKey("decision-execution", "YHZ-2026-001",
                withVariables("caseId", 42L, "nextReportDue", Date.from(FIRST_DUE)));
    }

    private ManagementService jobs() {
        return processEngine.getManagementService();
    }

    private Job timer() {
        return jobs().createJobQuery().timers().singleResult();
    }

    private void fire(Job job) {
        jobs().executeJob(job.getId());
    }
}
