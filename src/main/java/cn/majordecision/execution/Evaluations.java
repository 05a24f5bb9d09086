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
import org.springframework.beans.factory.annotation.Value;
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

    /** Who took part in the evaluation besides the evaluator (Art. 36, third paragraph). */
    static final Map<String, String> CAPACITIES = Map.of(
            "NPC_DEPUTY", "人大代表", "CPPCC_MEMBER", "政协委员", "PEOPLES_ORGANISATION", "人民团体",
            "GRASSROOTS_ORGANISATION", "基层组织", "SOCIAL_ORGANISATION", "社会组织");

    private final CaseService cases;
    private final ExecutionService execution;
    private final DecisionEvaluationRepository evaluations;
    private final DecisionFeedbackRepository feedback;
    private final int manyFeedback;
    private final ObjectMapper mapper;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Evaluations(CaseService cases, ExecutionService execution, DecisionEvaluationRepository evaluations,
            DecisionFeedbackRepository feedback, ObjectMapper mapper, ApplicationEventPublisher events, Clock clock,
            @Value("${app.execution.evaluation.many-feedback:10}") int manyFeedback) {
        this.cases = cases;
        this.feedback = feedback;
        this.manyFeedback = manyFeedback;
        this.execution = execution;
        this.evaluations = evaluations;
        this.mapper = mapper;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Opening an evaluation: the trigger of Art. 36, the evaluator, a reason, and for an officer's evaluation on results
     * short of expectations the execution report that records them ({@code basisReportId}).
     */
    public record OpenInput(String trigger, String evaluatorUnit, String reason, Long basisReportId) {
    }

    /**
     * The evaluation report: implementation, effects, the public's views, who took part (deputies, CPPCC members and
     * organisations, each with their view) or why nobody did, and the recommendation.
     */
    public record ReportInput(String implementation, String effects, String publicViews, List<Participant> participants,
            String noParticipationReason, String recommendation) {
    }

    /** One participant of the evaluation and the view they gave. */
    public record Participant(String capacity, String name, String view) {
    }

    /** One evaluation, with its report once filed and the change it proposed, if any. */
    public record Evaluation(Long id, String trigger, String triggerLabel, String triggerBasis, String evaluatorUnit,
            String reason,
            String openedBy, OffsetDateTime openedAt, JsonNode report, String recommendationLabel, String reportSha256,
            String reportedBy, OffsetDateTime reportedAt, Long proposalId) {
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
        boolean head = actor.isIn("heads");
        DecisionCase decisionCase = head ? cases.read(number, actor) : execution.ownUnit(number, actor);
        execution.requirePublished(decisionCase);
        String basis = head ? "决策机关行政首长决定组织评估" : recordedTrigger(decisionCase, input);
        Set<String> mainAssessment = mainAssessmentUnits(decisionCase);
        if (mainAssessment.contains(unit)) {
            throw DomainException.invalid(List.of(new FieldViolation("evaluatorUnit", "EVALUATOR_DID_MAIN_ASSESSMENT",
                    "%s 在决策前承担了主要论证评估工作，不能承担决策后评估（第三十六条）；请另选评估单位。".formatted(unit))));
        }
        DecisionEvaluation evaluation = evaluations.save(new DecisionEvaluation(decisionCase.getId(), input.trigger(),
                basis, unit, reason, actor.userId(), clock.instant()));
        events.publishEvent(new AfterDecisionEvent(decisionCase.getId(), Kind.EVALUATION_OPENED, actor.userId(),
                Map.of("evaluationId", evaluation.getId(), "trigger", input.trigger(), "evaluatorUnit", unit,
                        "triggerBasis", basis)));
        return view(evaluation);
    }

    /**
     * The decision organ decides to evaluate (Art. 36: 决策机关可以组织); an officer may open one only on a trigger the
     * system has on record: a number of public feedback at or above the configured threshold, or an execution report
     * of this decision showing results short of expectations. "The organ sees a need" is the organ's alone.
     */
    private String recordedTrigger(DecisionCase decisionCase, OpenInput input) {
        switch (input.trigger()) {
            case "MANY_PUBLIC_OBJECTIONS" -> {
                int received = feedback.findByCaseIdOrderById(decisionCase.getId()).size();
                if (received < manyFeedback) {
                    throw DomainException.conflict("TRIGGER_NOT_RECORDED",
                            "本决策公布后收到公众意见 %d 条，未达到“提出较多意见”的 %d 条；经办人只能依据已记录的情形启动评估，其他情形请报行政首长决定（第三十六条）。"
                                    .formatted(received, manyFeedback));
                }
                return "公众意见 %d 条（达到 %d 条）".formatted(received, manyFeedback);
            }
            case "RESULTS_SHORT_OF_EXPECTATIONS" -> {
                Long reportId = input.basisReportId();
                boolean recorded = execution.hasReport(decisionCase.getId(), reportId);
                if (!recorded) {
                    throw DomainException.invalid(List.of(new FieldViolation("basisReportId", "TRIGGER_NOT_RECORDED",
                            "请选择本决策记载实施效果明显未达到预期的执行报告（basisReportId）；没有相应记录的，请报行政首长决定是否组织评估（第三十六条）。")));
                }
                return "执行报告第 %d 号".formatted(reportId);
            }
            default -> throw DomainException.forbidden("TRIGGER_FOR_THE_ORGAN",
                    "“决策机关认为有必要”的评估由行政首长决定组织（第三十六条），经办人不能以此启动。");
        }
    }

    @Transactional
    public Evaluation report(String number, Long id, ReportInput input, Actor actor) {
        List<FieldViolation> violations = new ArrayList<>();
        required(violations, "implementation", input.implementation(), "请填写决策实施情况。");
        required(violations, "effects", input.effects(), "请填写决策实施效果。");
        required(violations, "publicViews", input.publicViews(), "请填写听取的社会公众意见（第三十六条：应当注重听取社会公众的意见）。");
        List<Participant> participants = input.participants() == null ? List.of() : input.participants();
        for (int i = 0; i < participants.size(); i++) {
            Participant p = participants.get(i);
            if (p == null || p.capacity() == null || !CAPACITIES.containsKey(p.capacity())) {
                violations.add(new FieldViolation("participants[" + i + "].capacity", "CAPACITY_REQUIRED",
                        "请选择参与评估的身份：NPC_DEPUTY 人大代表、CPPCC_MEMBER 政协委员、PEOPLES_ORGANISATION 人民团体、GRASSROOTS_ORGANISATION 基层组织、SOCIAL_ORGANISATION 社会组织。"));
            }
            if (p == null || p.name() == null || p.name().isBlank() || p.name().strip().length() > 100) {
                violations.add(new FieldViolation("participants[" + i + "].name", "REQUIRED", "请填写参与者姓名或组织名称（100 字以内）。"));
            }
            if (p == null || p.view() == null || p.view().isBlank() || p.view().length() > MAX_TEXT) {
                violations.add(new FieldViolation("participants[" + i + "].view", "REQUIRED", "请如实记录其意见。"));
            }
        }
        String noParticipation = input.noParticipationReason() == null || input.noParticipationReason().isBlank() ? null
                : input.noParticipationReason().strip();
        if (participants.isEmpty() && noParticipation == null) {
            violations.add(new FieldViolation("participants", "PARTICIPATION_REQUIRED",
                    "请记录参与评估的人大代表、政协委员、人民团体、基层组织或社会组织及其意见（第三十六条）；确无参与的，请在 noParticipationReason 中说明原因。"));
        } else if (noParticipation != null && noParticipation.length() > 2000) {
            violations.add(new FieldViolation("noParticipationReason", "TOO_LONG", "说明不能超过 2000 字。"));
        }
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
        report.put("participants", participants.stream().map(p -> {
            Map<String, Object> one = new TreeMap<>();
            one.put("capacity", p.capacity());
            one.put("name", p.name().strip());
            one.put("view", p.view().strip());
            return one;
        }).toList());
        if (noParticipation != null) {
            report.put("noParticipationReason", noParticipation);
        }
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
        if (!"CONTINUE".equals(input.recommendation())) {
            // the result is an important basis for adjusting the decision (Art. 36): it goes to the head as a proposal
            DecisionAmendment.Kind kind = switch (input.recommendation()) {
                case "ADJUST" -> DecisionAmendment.Kind.ADJUST;
                case "TERMINATE" -> DecisionAmendment.Kind.TERMINATE;
                default -> DecisionAmendment.Kind.SUSPEND;
            };
            execution.propose(decisionCase.getId(), kind, "第 %d 号决策后评估（%s）建议%s：%s".formatted(
                    evaluation.getId(), evaluation.getEvaluatorUnit(), RECOMMENDATIONS.get(input.recommendation()),
                    abbreviate(input.effects().strip())), evaluation.getId(), actor.userId());
        }
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

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
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
        Long proposal = execution.proposalOf(e.getCaseId(), e.getId());
        return new Evaluation(e.getId(), e.getTrigger(), TRIGGERS.get(e.getTrigger()), e.getTriggerBasis(),
                e.getEvaluatorUnit(), e.getReason(), e.getOpenedBy(), ExecutionService.china(e.getOpenedAt()), report,
                report == null ? null : RECOMMENDATIONS.get(report.path("recommendation").asText()),
                e.getReportSha256(), e.getReportedBy(), ExecutionService.china(e.getReportedAt()), proposal);
    }
}
