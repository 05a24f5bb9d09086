package cn.majordecision.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * Moves time for the engine, as the test harness (not as any user: nobody changes the engine's state through its REST
 * API): due dates set, and timers fired now, as the job executor would when they are due. Uses the engine of the
 * running test class's application (see {@link CurrentEngineListener}).
 */
public final class EngineTime {

    public EngineTime(CaseDriver driver) {
        // the driver names the application under test; its engine is the registered one
    }

    private static ProcessEngine engine() {
        return ProcessEngines.getDefaultProcessEngine();
    }

    public void setDue(String taskId, Instant due) {
        Task task = engine().getTaskService().createTaskQuery().taskId(taskId).singleResult();
        assertThat(task).as("task " + taskId).isNotNull();
        task.setDueDate(Date.from(due));
        engine().getTaskService().saveTask(task);
    }

    /** Fires the deadline watch's timer now, as the job executor would when it is due. */
    public void runDeadlineWatch() {
        fire(engine().getManagementService().createJobQuery().processDefinitionKey("deadline-watch").timers().list());
    }

    /** Ends a case's consultation period now, as its timer would at the end of the last day. */
    public void closeConsultation(String caseNumber) {
        List<String> instances = engine().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("public-consultation").processInstanceBusinessKey(caseNumber).list().stream()
                .map(instance -> instance.getId()).toList();
        assertThat(instances).hasSize(1);
        fire(engine().getManagementService().createJobQuery().timers().activityId("Event_ConsultationClosed")
                .processInstanceId(instances.get(0)).list());
    }

    /** Fires the one timer of a process instance now (a deferral's end, for example); returns when it was due. */
    public Instant fireTimerOf(String processInstanceId) {
        List<Job> timers = engine().getManagementService().createJobQuery().timers()
                .processInstanceId(processInstanceId).list();
        Instant due = timers.isEmpty() ? null : timers.get(0).getDuedate().toInstant();
        fire(timers);
        return due;
    }

    private static void fire(List<Job> timers) {
        assertThat(timers).hasSize(1);
        engine().getManagementService().executeJob(timers.get(0).getId());
    }
}
