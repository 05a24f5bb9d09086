package cn.majordecision.worklist.process;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * No engine verb ends a step of a live case from outside: a user task removed while an engine user is signed in to the
 * engine (the engine REST API and the Camunda webapps sign their caller in; our own services and the job executor call
 * it without one) is refused and the whole command rolls back. This closes what the completion guard leaves open: a
 * BPMN error or escalation thrown at a task, a process-instance modification cancelling it, a message correlated to a
 * boundary event, or deleting the instance, whoever calls them, the engine operators included.
 */
@Component
class EngineDoorGuard {

    private final IdentityService identity;

    EngineDoorGuard(IdentityService identity) {
        this.identity = identity;
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_DELETE + "'")
    public void onTaskRemoved(DelegateTask task) {
        Authentication caller = identity.getCurrentAuthentication();
        if (caller != null) {
            throw new AuthorizationException("任务“" + task.getName() + "”只能在本系统中办结（办理表单、撤回或经批准的运维修复），"
                    + "不能经流程引擎接口或 Camunda 应用结束、跳过或取消。Task " + task.getId()
                    + " cannot be ended through the engine's own API (user " + caller.getUserId() + ").");
        }
    }
}
