package cn.majordecision.expertreview;

import cn.majordecision.cases.CaseAccess;
import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.cases.OpenTask;
import cn.majordecision.cases.OpinionSeal;
import cn.majordecision.cases.StageRecord;
import cn.majordecision.expertreview.ExpertReviewEvent.Kind;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.FieldViolation;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The end of an expert round (Art. 19). A round ends when every expert's opinion is in; the officer may close it
 * earlier, with a reason, which is recorded with the experts who missed it and ends their tasks: a late expert never
 * reads the others' opinions, since the seal holds until the round has ended, whatever the due dates say.
 */
@Service
@Transactional
public class ExpertRounds {

    private final CaseService cases;
    private final CaseAccess access;
    private final ExpertRoundClosureRepository closures;
    private final ExpertRoundEngine engine;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ExpertRounds(CaseService cases, CaseAccess access, ExpertRoundClosureRepository closures, ExpertRoundEngine engine,
            ApplicationEventPublisher events, Clock clock) {
        this.cases = cases;
        this.access = access;
        this.closures = closures;
        this.engine = engine;
        this.events = events;
        this.clock = clock;
    }

    public record Closure(String reason) {
    }

    public record ClosureView(long id, String caseNumber, String reason, List<String> missingExperts, String closedBy,
            Instant closedAt) {
    }

    public ClosureView close(String number, Closure closure, Actor officer) {
        DecisionCase decisionCase = cases.read(number, officer);
        if (!officer.isIn("officers")) {
            throw DomainException.forbidden("ROLE_REQUIRED", "只有承办科室经办人可以结束专家论证。");
        }
        if (!access.isOwnUnit(decisionCase, officer)) {
            throw DomainException.forbidden("UNIT_NOT_YOURS", "该事项由" + decisionCase.getUndertakingUnit()
                    + "承办，您所在单位只能查阅，不能办理。");
        }
        String reason = closure == null || closure.reason() == null ? "" : closure.reason().strip();
        if (reason.isEmpty()) {
            throw DomainException.invalid(List.of(new FieldViolation("reason", "REQUIRED",
                    "请写明提前结束本轮专家论证的理由（如专家逾期未提交意见）。")));
        }
        if (reason.length() > 2000) {
            throw DomainException.invalid(List.of(new FieldViolation("reason", "TOO_LONG", "理由最多 2000 个字。")));
        }
        List<String> missing = cases.openTasks(decisionCase.getId()).stream()
                .filter(t -> OpinionSeal.OPINION_FORM.equals(t.formKey())).map(OpenTask::assignee).toList();
        if (missing.isEmpty()) {
            throw DomainException.conflict("EXPERT_ROUND_NOT_OPEN", "本事项没有正在进行的专家论证，无需结束。");
        }
        Long selection = cases.latestRecord(decisionCase.getId(), OpinionSeal.SELECTION_FORM)
                .map(StageRecord::getId).orElse(null);
        ExpertRoundClosure saved = closures.save(new ExpertRoundClosure(decisionCase.getId(), selection, reason,
                missing, officer.userId(), clock.instant()));
        engine.closeRound(number);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("reason", reason);
        payload.put("missingExperts", missing);
        events.publishEvent(new ExpertReviewEvent(Kind.ROUND_CLOSED, decisionCase.getId(), officer.userId(), payload));
        return view(saved, number);
    }

    /** The rounds of a case closed early, for whoever may read the case. */
    @Transactional(readOnly = true)
    public List<ClosureView> closures(String number, Actor reader) {
        DecisionCase decisionCase = cases.read(number, reader);
        return closures.findByCaseIdOrderById(decisionCase.getId()).stream().map(c -> view(c, number)).toList();
    }

    private static ClosureView view(ExpertRoundClosure c, String number) {
        return new ClosureView(c.getId(), number, c.getReason(), c.getMissingExperts(), c.getClosedBy(),
                c.getClosedAt());
    }
}
