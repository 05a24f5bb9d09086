package cn.majordecision.repair;

import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.FieldViolation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way an operator changes a live case's engine state: a repair with a reason, recorded and audited in the same
 * transaction as the engine change. Repairs restore the procedure; they never take a step for anyone: a token moves
 * only back to where the case has already been, and the step it reaches again still needs its record.
 */
@Service
public class RepairService {

    public static final String OPERATORS = "engine-operators";
    static final int MIN_REASON = 10;

    private final CaseService cases;
    private final RepairEngine engine;
    private final EngineRepairRepository repairs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RepairService(CaseService cases, RepairEngine engine, EngineRepairRepository repairs,
            ApplicationEventPublisher events, Clock clock) {
        this.cases = cases;
        this.engine = engine;
        this.repairs = repairs;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public EngineRepair repair(String caseNumber, RepairRequest request, Actor operator) {
        requireOperator(operator);
        RepairAction action = validate(request);
        DecisionCase decisionCase = cases.get(caseNumber);
        if (!decisionCase.isActive()) {
            throw DomainException.conflict("CASE_NOT_ACTIVE",
                    "事项“%s”已经终结（%s），没有可修复的流程。".formatted(caseNumber, decisionCase.getStatus().label()));
        }
        String detail = switch (action) {
            case RETRY_FAILED_JOBS -> engine.retryFailedJobs(caseNumber);
            case RESOLVE_INCIDENT -> engine.resolveIncident(caseNumber, request.incidentId().strip());
            case MOVE_TOKEN_BACK -> engine.moveTokenBack(caseNumber, request.fromActivityId().strip(),
                    request.toActivityId().strip());
        };
        EngineRepair repair = repairs.save(new EngineRepair(decisionCase.getId(), action, detail,
                request.reason().strip(), operator.userId(), clock.instant()));
        events.publishEvent(new EngineRepaired(decisionCase.getId(), repair.getId(), action, detail,
                repair.getReason(), operator.userId()));
        return repair;
    }

    /** Every repair of a case, oldest first (for the compliance report and the timeline). */
    public List<EngineRepair> repairsOf(Long caseId) {
        return repairs.findByCaseIdOrderById(caseId);
    }

    private static RepairAction validate(RepairRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        RepairAction action = null;
        try {
            action = request.action() == null ? null : RepairAction.valueOf(request.action());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (action == null) {
            violations.add(new FieldViolation("action", "REPAIR_ACTION_UNKNOWN",
                    "请选择修复方式：RETRY_FAILED_JOBS（重试失败的作业）、RESOLVE_INCIDENT（标记事件已处理）或 MOVE_TOKEN_BACK（退回流程节点）。"));
        }
        if (request.reason() == null || request.reason().strip().length() < MIN_REASON) {
            violations.add(new FieldViolation("reason", "REPAIR_REASON_REQUIRED",
                    "请说明修复的原因（至少%d个字），原因将记入审计日志和合规检查报告。".formatted(MIN_REASON)));
        }
        if (action == RepairAction.RESOLVE_INCIDENT && blank(request.incidentId())) {
            violations.add(new FieldViolation("incidentId", "REQUIRED", "请填写要标记为已处理的事件编号（incidentId）。"));
        }
        if (action == RepairAction.MOVE_TOKEN_BACK) {
            if (blank(request.fromActivityId())) {
                violations.add(new FieldViolation("fromActivityId", "REQUIRED", "请填写当前所在的流程节点（fromActivityId）。"));
            }
            if (blank(request.toActivityId())) {
                violations.add(new FieldViolation("toActivityId", "REQUIRED", "请填写要退回到的流程节点（toActivityId）。"));
            }
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        return action;
    }

    private static void requireOperator(Actor actor) {
        if (!actor.isIn(OPERATORS)) {
            throw DomainException.forbidden("REPAIR_OPERATORS_ONLY", "只有流程引擎运维人员可以修复流程。");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
