package cn.majordecision.worklist.process;

import cn.majordecision.cases.CaseService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A task may only complete through the worklist, which validates the submission and writes its record in the same
 * transaction. Completing it any other way (engine REST API, Camunda Tasklist) is refused, so no step can pass
 * without its validated, recorded submission.
 */
@Component
class SubmissionGuard {

    private final CaseService cases;

    SubmissionGuard(CaseService cases) {
        this.cases = cases;
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "'")
    public void onTaskCompleting(DelegateTask task) {
        if (cases.recordOfTask(task.getId()).isEmpty()) {
            throw new BadUserRequestException("任务“" + task.getName() + "”只能通过本系统的办理表单提交（服务器须校验并留存记录）。"
                    + " Task " + task.getId() + " must be completed through the application's task API.");
        }
    }
}
