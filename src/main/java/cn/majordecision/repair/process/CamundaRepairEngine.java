package cn.majordecision.repair.process;

import cn.majordecision.repair.RepairEngine;
import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.FieldViolation;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Component;

/** Repairs on Camunda, run as the application (no signed-in engine user), so the engine's write guard lets them by. */
@Component
class CamundaRepairEngine implements RepairEngine {

    private final RuntimeService runtime;
    private final ManagementService management;
    private final HistoryService history;
    private final RepositoryService repository;

    CamundaRepairEngine(RuntimeService runtime, ManagementService management, HistoryService history,
            RepositoryService repository) {
        this.runtime = runtime;
        this.management = management;
        this.history = history;
        this.repository = repository;
    }

    @Override
    public String retryFailedJobs(String caseNumber) {
        List<String> failed = instancesOf(caseNumber).stream()
                .flatMap(instance -> management.createJobQuery().processInstanceId(instance.getId()).noRetriesLeft()
                        .list().stream())
                .map(Job::getId).toList();
        if (failed.isEmpty()) {
            throw DomainException.conflict("NOTHING_TO_REPAIR", "事项“%s”没有失败的作业。".formatted(caseNumber));
        }
        failed.forEach(job -> management.setJobRetries(job, 1));
        return "重试失败的作业 " + String.join("、", failed);
    }

    @Override
    public String resolveIncident(String caseNumber, String incidentId) {
        Incident incident = runtime.createIncidentQuery().incidentId(incidentId).singleResult();
        if (incident == null || instancesOf(caseNumber).stream()
                .noneMatch(instance -> instance.getId().equals(incident.getProcessInstanceId()))) {
            throw DomainException.conflict("NOTHING_TO_REPAIR",
                    "事项“%s”没有编号为 %s 的未处理事件。".formatted(caseNumber, incidentId));
        }
        if (Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType())) {
            throw DomainException.conflict("RETRY_THE_FAILED_JOB",
                    "事件 %s 是作业失败，请用“重试失败的作业”（RETRY_FAILED_JOBS）修复，作业成功后事件自动关闭。".formatted(incidentId));
        }
        runtime.resolveIncident(incidentId);
        return "标记事件 %s（%s：%s）已处理".formatted(incidentId, incident.getIncidentType(), incident.getActivityId());
    }

    @Override
    public String moveTokenBack(String caseNumber, String fromActivityId, String toActivityId) {
        ProcessInstance instance = instancesOf(caseNumber).stream()
                .filter(candidate -> runtime.createExecutionQuery().processInstanceId(candidate.getId())
                        .activityId(fromActivityId).count() > 0)
                .findFirst()
                .orElseThrow(() -> DomainException.conflict("TOKEN_NOT_THERE",
                        "事项“%s”当前不在流程节点 %s。".formatted(caseNumber, fromActivityId)));
        FlowNode from = node(instance, fromActivityId);
        FlowNode to = node(instance, toActivityId);
        if (to == null) {
            throw DomainException.invalid(List.of(new FieldViolation("toActivityId", "ACTIVITY_UNKNOWN",
                    "流程“%s”中没有节点 %s。".formatted(instance.getProcessDefinitionId(), toActivityId))));
        }
        boolean reachedBefore = history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(toActivityId).count() > 0;
        if (!reachedBefore) {
            throw DomainException.conflict("REPAIR_WOULD_SKIP_AHEAD",
                    "只能退回到本事项已经办理过的流程节点；节点“%s”（%s）尚未办理过，跳到这里会越过法定程序。"
                            .formatted(name(to), toActivityId));
        }
        runtime.createProcessInstanceModification(instance.getId())
                .cancelAllForActivity(fromActivityId)
                .startBeforeActivity(toActivityId)
                .execute();
        return "从“%s”（%s）退回到“%s”（%s）".formatted(name(from), fromActivityId, name(to), toActivityId);
    }

    private List<ProcessInstance> instancesOf(String caseNumber) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list();
    }

    private FlowNode node(ProcessInstance instance, String activityId) {
        return repository.getBpmnModelInstance(instance.getProcessDefinitionId()).getModelElementById(activityId)
                instanceof FlowNode node ? node : null;
    }

    private static String name(FlowNode node) {
        return node == null || node.getName() == null ? "" : node.getName();
    }
}
