package cn.majordecision.notifications.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The deadline watch: a recurring timer that runs one scan as a job of its own, then waits for the next tick. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/deadline-watch.bpmn")
class DeadlineWatchProcessTests {

    ProcessEngine processEngine;
    final AtomicInteger scans = new AtomicInteger();

    @BeforeEach
    void registerScan() {
        Mocks.register("scanDeadlinesDelegate", (JavaDelegate) execution -> scans.incrementAndGet());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void scansOnEveryTickInAJobOfItsOwn() {
        // given the deployed watch waits for its first tick
        ManagementService jobs = processEngine.getManagementService();
        Job tick = jobs.createJobQuery().processDefinitionKey("deadline-watch").timers().singleResult();
        assertThat(tick).isNotNull();

        // when the tick fires
        jobs.executeJob(tick.getId());

        // then the scan waits as an asynchronous job (a failure retries without losing the tick), and runs once
        Job scan = jobs.createJobQuery().processDefinitionKey("deadline-watch").messages().singleResult();
        assertThat(scans).hasValue(0);
        jobs.executeJob(scan.getId());
        assertThat(scans).hasValue(1);
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
        Job next = jobs.createJobQuery().processDefinitionKey("deadline-watch").timers().singleResult();
        assertThat(next.getId()).isNotEqualTo(tick.getId());
    }
}
