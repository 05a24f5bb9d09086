package cn.majordecision.audit.process;

import cn.majordecision.audit.AuditEventType;
import cn.majordecision.audit.AuditLog;
import cn.majordecision.cases.Stage;
import cn.majordecision.shared.process.ProcessCaseIds;
import cn.majordecision.shared.process.ProcessDefinitionKeys;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Logs tasks as the engine creates and assigns them. Camunda's Spring eventing calls these inside the engine command,
 * so the entry commits with the task or not at all.
 */
@Component
class TaskAuditor {

    private final AuditLog log;
    private final ProcessDefinitionKeys processKeys;
    private final ProcessCaseIds processCaseIds;

    TaskAuditor(AuditLog log, ProcessDefinitionKeys processKeys, ProcessCaseIds processCaseIds) {
        this.log = log;
        this.processKeys = processKeys;
        this.processCaseIds = processCaseIds;
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
    public void onTaskCreated(DelegateTask task) {
        Map<String, Object> payload = describe(task);
        log.append(AuditEventType.TASK_CREATED, caseId(task), stage(task), "system", candidateGroups(task), payload);
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_ASSIGNMENT + "'")
    public void onTaskAssigned(DelegateTask task) {
        Map<String, Object> payload = describe(task);
        String assignee = task.getAssignee();
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        // a claim is made by the claimant; without an engine authentication the assignee is the best witness
        String actor = current != null ? current.getUserId() : assignee != null ? assignee : "system";
        log.append(assignee == null ? AuditEventType.TASK_UNCLAIMED : AuditEventType.TASK_CLAIMED, caseId(task),
                stage(task), actor, candidateGroups(task), payload);
    }

    private static Map<String, Object> describe(DelegateTask task) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("taskId", task.getId());
        payload.put("taskKey", task.getTaskDefinitionKey());
        payload.put("taskName", task.getName());
        payload.put("assignee", task.getAssignee());
        payload.put("due", task.getDueDate() == null ? null : task.getDueDate().toInstant().toString());
        return payload;
    }

    private static String candidateGroups(DelegateTask task) {
        TreeSet<String> groups = new TreeSet<>();
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        return groups.isEmpty() ? null : String.join(",", groups);
    }

    private Long caseId(DelegateTask task) {
        return processCaseIds.of(task.getProcessInstanceId(),
                () -> task.getVariable("caseId") instanceof Number number ? number.longValue() : null);
    }

    private String stage(DelegateTask task) {
        String processKey = processKeys.keyOf(task.getProcessDefinitionId());
        try {
            return Stage.ofTask(processKey, task.getTaskDefinitionKey()).name();
        } catch (RuntimeException unknownTask) {
            return null; // a task outside the statutory stages is still logged, just without a stage
        }
    }
}
