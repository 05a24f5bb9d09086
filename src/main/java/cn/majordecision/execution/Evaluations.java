package cn.majordecision.execution;

import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.cases.StageRecord;
import cn.majordecision.execution.ExecutionEvents.AfterDecisionEvent;
import cn.majordecision.execution.ExecutionEvents.Kind;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.FieldViolation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Post-decision evaluation (Art. 36): opened on one of the three statutory triggers, by an evaluator that is not a unit
 * that did the main assessment before the decision; its report is stored once as canonical JSON with its SHA-256.
 */
@Service
public class Evaluations {

    static final Map<String, String> TRIGGERS = Map.of(
            "RESULTS_SHORT_OF_EXPECTATIONS", "实施后明显未达到预期效果",
            "MANY_PUBLIC_OBJECTIONS", "公民、法人或者其他组织提出较多意见",
            "ORGAN_SEES_NEED", "决策机关认为有必要");
    static final Map<String, String> RECOMMENDATIONS = Map.of(
            "CONTINUE", "继续执行", "ADJUST", "调整", "SUSPEND", "暂停执行", "TERMINATE", "停止执行");
    private static final String RISK_FORM = "assess-risk";
    private static final int MAX_TEXT = 20000;

    private final CaseService cases;
    private final ExecutionService execution;
    private final DecisionEvaluationRepository evaluations;
    private final ObjectMapper mapper;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Evaluations(CaseService cases, ExecutionService execution, DecisionEvaluationRepository evaluations,
            ObjectMapper mapper, ApplicationEventPublisher events, Clock clock) {
        this.cases = cases;
        this.execution = execution;
        this.evaluations = evaluations;
        this.mapper = mapper;
        this.events = events;
        this.clock = clock;
    }

    public record OpenInput(String trigger, String evaluatorUnit, String reason) {
    }

    public record ReportInput(String implementation, String effects, String publicViews, String recommendation) {
    }

    /** One evaluation, with its report once filed. */
    public record Evaluation(Long id, String trigger, String triggerLabel, String evaluatorUnit, String reason,
            String openedBy, OffsetDateTime openedAt, JsonNode report, String recommendationLabel, String reportSha256,
            String reportedBy, OffsetDateTime reportedAt) {
    }

    @Transactional
    public Evaluation open(String number, OpenInput input, Actor actor) {
        List<FieldViolation> violations = new ArrayList<>();
        if (input.trigger() == null || !TRIGGERS.containsKey(input.trigger())) {
            violations.add(new FieldViolation("trigger", "TRIGGER_REQUIRED",
                    "请选择启动评估的情形：RESULTS_SHORT_OF_EXPECTATIONS 明显未达到预期效果、MANY_PUBLIC_OBJECTIONS 公众提出较多意见、ORGAN_SEES_NEED 决策机关认为有必要。"));
        }
        String unit = input.evaluatorUnit() == null ? "" : input.evaluatorUnit().strip();
        if (unit.isEmpty()) {
            violations.add(new FieldViolation("evaluatorUnit", "REQUIRED", "请填写评估单位。"));
        } else if (unit.length() > 100) {
            violations.add(new FieldViolation("evaluatorUnit", "TOO_LONG", "评估单位名称不能超过 100 字。"));
        }
        String reason = input.reason() == null || input.reason().isBlank() ? null : input.reason().strip();
        if (reason != null && reason.length() > 2000) {
            violations.add(new FieldViolation("reason", "TOO_LONG", "说明不能超过 2000 字。"));
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        DecisionCase decisionCase = actor.isIn("heads") ? cases.read(number, actor) : execution.ownUnit(number, actor);
        execution.requirePublished(decisionCase);
        Set<String> mainAssessment = mainAssessmentUnits(decisionCase);
        if (mainAssessment.contains(unit)) {
            throw DomainException.invalid(List.of(new FieldViolation("evaluatorUnit", "EVALUATOR_DID_MAIN_ASSESSMENT",
                    "%s 在决策前承担了主要论证评估工作，不能承担决策后评估（第三十六条）；请另选评估单位。".formatted(unit))));
        }
        DecisionEvaluation evaluation = evaluations.save(new DecisionEvaluation(decisionCase.getId(), input.trigger(),
                unit, reason, actor.userId(), clock.instant()));
        events.publishEvent(new AfterDecisionEvent(decisionCase.getId(), Kind.EVALUATION_OPENED, actor.userId(),
                Map.of("evaluationId", evaluation.getId(), "trigger", input.trigger(), "evaluatorUnit", unit)));
        return view(evaluation);
    }

    @Transactional
    public Evaluation report(String number, Long id, ReportInput input, Actor actor) {
        List<FieldViolation> violations = new ArrayList<>();
        required(violations, "implementation", input.implementation(), "请填写决策实施情况。");
        required(violations, "effects", input.effects(), "请填写决策实施效果。");
        required(violations, "publicViews", input.publicViews(), "请填写社会公众的意见和评价。");
        if (input.recommendation() == null || !RECOMMENDATIONS.containsKey(input.recommendation())) {
            violations.add(new FieldViolation("recommendation", "RECOMMENDATION_REQUIRED",
                    "请选择评估建议：CONTINUE 继续执行、ADJUST 调整、SUSPEND 暂停执行、TERMINATE 停止执行。"));
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        DecisionCase decisionCase = actor.isIn("heads") ? cases.read(number, actor) : execution.ownUnit(number, actor);
        DecisionEvaluation evaluation = evaluations.findByIdAndCaseId(id, decisionCase.getId()).orElseThrow(
                () -> DomainException.notFound("EVALUATION_NOT_FOUND", "没有找到编号为 %d 的决策后评估。".formatted(id)));
        Map<String, Object> report = new TreeMap<>();
        report.put("implementation", input.implementation().strip());
        report.put("effects", input.effects().strip());
        report.put("publicViews", input.publicViews().strip());
        report.put("recommendation", input.recommendation());
        String json;
        try {
            json = mapper.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String sha = ExecutionService.sha256(json);
        evaluation.report(json, sha, actor.userId(), clock.instant());
        evaluations.save(evaluation);
        events.publishEvent(new AfterDecisionEvent(decisionCase.getId(), Kind.EVALUATION_REPORTED, actor.userId(),
                Map.of("evaluationId", evaluation.getId(), "recommendation", input.recommendation(),
                        "reportSha256", sha)));
        return view(evaluation);
    }

    @Transactional(readOnly = true)
    public List<Evaluation> list(String number, Actor reader) {
        DecisionCase decisionCase = cases.read(number, reader);
        return evaluations.findByCaseIdOrderById(decisionCase.getId()).stream().map(this::view).toList();
    }

    /** The undertaking unit and every unit that assessed the risk before the decision. */
    Set<String> mainAssessmentUnits(DecisionCase decisionCase) {
        Set<String> units = new TreeSet<>();
        units.add(decisionCase.getUndertakingUnit());
        for (StageRecord record : cases.records(decisionCase.getId())) {
            if (RISK_FORM.equals(record.getFormKey())) {
                try {
                    String assessor = mapper.readTree(record.getPayload()).path("assessor").asText("").strip();
                    if (!assessor.isEmpty()) {
                        units.add(assessor);
                    }
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("Stored records are valid JSON: " + record.getId(), e);
                }
            }
        }
        return units;
    }

    private static void required(List<FieldViolation> violations, String field, String value, String message) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation(field, "REQUIRED", message));
        } else if (value.length() > MAX_TEXT) {
            violations.add(new FieldViolation(field, "TOO_LONG", "内容不能超过 %d 字。".formatted(MAX_TEXT)));
        }
    }

    private Evaluation view(DecisionEvaluation e) {
        JsonNode report = null;
        if (e.getReportJson() != null) {
            try {
                report = mapper.readTree(e.getReportJson());
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return new Evaluation(e.getId(), e.getTrigger(), TRIGGERS.get(e.getTrigger()), e.getEvaluatorUnit(),
                e.getReason(), e.getOpenedBy(), ExecutionService.china(e.getOpenedAt()), report,
                report == null ? null : RECOMMENDATIONS.get(report.path("recommendation").asText()),
                e.getReportSha256(), e.getReportedBy(), ExecutionService.china(e.getReportedAt()));
    }
}
