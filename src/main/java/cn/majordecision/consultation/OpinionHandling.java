package cn.majordecision.consultation;

import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.consultation.OpinionEvents.OpinionAnswered;
import cn.majordecision.consultation.OpinionEvents.OpinionScreened;
import cn.majordecision.documents.Documents;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.FieldViolation;
import cn.majordecision.worklist.Submission;
import cn.majordecision.worklist.SubmissionRule;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Officers screen each public opinion (published, or withheld with a reason and never deleted) and answer it: adopted,
 * partly adopted, not adopted or not applicable, with a reason, alone or for its whole group of alike opinions. An
 * opinion withheld as off-topic or abusive is answered too (not adopted or not applicable, with the reason). The
 * handling task cannot be completed while an opinion is unanswered.
 */
@Service
public class OpinionHandling implements SubmissionRule {

    static final String HANDLING_FORM = "handle-public-opinions";
    static final Set<String> WITHHELD_REASONS = Set.of("SPAM", "ABUSIVE", "PERSONAL_DATA", "OFF_TOPIC", "DUPLICATE");
    static final Set<String> ADOPTIONS = Set.of("ADOPTED", "PARTLY_ADOPTED", "NOT_ADOPTED", "NOT_APPLICABLE");
    /** An opinion withheld as off-topic or abusive is answered, but cannot have been adopted. */
    static final Set<String> WITHHELD_ADOPTIONS = Set.of("NOT_ADOPTED", "NOT_APPLICABLE");

    private final CaseService cases;
    private final PublicOpinionRepository opinions;
    private final Documents documents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OpinionHandling(CaseService cases, PublicOpinionRepository opinions, Documents documents,
            ApplicationEventPublisher events, Clock clock) {
        this.cases = cases;
        this.opinions = opinions;
        this.documents = documents;
        this.events = events;
        this.clock = clock;
    }

    /** One opinion as officers see it, personal data included. */
    public record OfficerOpinion(String receiptNumber, String name, String contact, String text, String submittedAt,
            long alikeCount, String screening, String withheldReason, String duplicateOf, String adoption,
            String adoptionReason, String handledBy, boolean answered, Long attachmentDocumentId) {
    }

    /** Received, published, withheld and unanswered are counted apart. */
    public record OpinionList(long received, long published, long withheld, long unanswered,
            List<OfficerOpinion> opinions) {
    }

    public record Screening(boolean published, String reason, String duplicateOf) {
    }

    public record Answer(String adoption, String reason, boolean wholeGroup) {
    }

    @Transactional(readOnly = true)
    public OpinionList list(String number, Actor officer) {
        DecisionCase decisionCase = cases.read(number, officer);
        List<PublicOpinion> all = opinions.findByCaseIdOrderById(decisionCase.getId());
        Map<String, Long> attachments = documents.opinionAttachments(decisionCase.getId());
        List<OfficerOpinion> views = new ArrayList<>();
        for (PublicOpinion o : all) {
            long alike = all.stream().filter(other -> other.getTextHash().equals(o.getTextHash())).count();
            views.add(new OfficerOpinion(o.getReceiptNumber(), o.getSubmitterName(), o.getContact(), o.getText(),
                    o.getSubmittedAt().toString(), alike, o.getScreening(), o.getWithheldReason(), o.getDuplicateOf(),
                    o.getAdoption(), o.getAdoptionReason(), o.getHandledBy(), o.isAnswered(),
                    attachments.get(o.getReceiptNumber())));
        }
        return new OpinionList(all.size(), all.stream().filter(o -> "PUBLISHED".equals(o.getScreening())).count(),
                all.stream().filter(o -> "WITHHELD".equals(o.getScreening())).count(),
                all.stream().filter(o -> !o.isAnswered()).count(), views);
    }

    @Transactional
    public OpinionList screen(String number, String receipt, Screening screening, Actor officer) {
        if (!screening.published() && (screening.reason() == null || !WITHHELD_REASONS.contains(screening.reason()))) {
            throw DomainException.invalid(List.of(new FieldViolation("reason", "WITHHELD_REASON_REQUIRED",
                    "不予公开须说明理由：SPAM 垃圾信息、ABUSIVE 辱骂、PERSONAL_DATA 含个人信息、OFF_TOPIC 与本事项无关、DUPLICATE 重复。")));
        }
        DecisionCase decisionCase = cases.read(number, officer);
        PublicOpinion opinion = opinion(decisionCase, receipt);
        if (screening.published()) {
            opinion.screen("PUBLISHED", null, null, officer.userId(), clock.instant());
            events.publishEvent(new OpinionScreened(decisionCase.getId(), receipt, "PUBLISHED", null, null,
                    officer.userId()));
        } else {
            List<FieldViolation> violations = new ArrayList<>();
            if (screening.reason() == null || !WITHHELD_REASONS.contains(screening.reason())) {
                violations.add(new FieldViolation("reason", "WITHHELD_REASON_REQUIRED",
                        "不予公开须说明理由：SPAM 垃圾信息、ABUSIVE 辱骂、PERSONAL_DATA 含个人信息、OFF_TOPIC 与本事项无关、DUPLICATE 重复。"));
            } else if ("DUPLICATE".equals(screening.reason())) {
                if (screening.duplicateOf() == null || screening.duplicateOf().equals(receipt)
                        || opinions.findByCaseIdAndReceiptNumber(decisionCase.getId(), screening.duplicateOf()).isEmpty()) {
                    violations.add(new FieldViolation("duplicateOf", "DUPLICATE_OF_REQUIRED", "请填写与之重复的另一条意见的回执编号。"));
                }
            }
            if (!violations.isEmpty()) {
                throw DomainException.invalid(violations);
            }
            String duplicateOf = "DUPLICATE".equals(screening.reason()) ? screening.duplicateOf() : null;
            opinion.screen("WITHHELD", screening.reason(), duplicateOf, officer.userId(), clock.instant());
            events.publishEvent(new OpinionScreened(decisionCase.getId(), receipt, "WITHHELD", screening.reason(),
                    duplicateOf, officer.userId()));
        }
        return list(number, officer);
    }

    @Transactional
    public OpinionList answer(String number, String receipt, Answer answer, Actor officer) {
        List<FieldViolation> violations = new ArrayList<>();
        if (answer.adoption() == null || !ADOPTIONS.contains(answer.adoption())) {
            violations.add(new FieldViolation("adoption", "ADOPTION_REQUIRED",
                    "请选择采纳情况：ADOPTED 采纳、PARTLY_ADOPTED 部分采纳、NOT_ADOPTED 不予采纳、NOT_APPLICABLE 不适用。"));
        }
        if (answer.reason() == null || answer.reason().isBlank()) {
            violations.add(new FieldViolation("reason", "REQUIRED", "请说明采纳或不予采纳的理由。"));
        } else if (answer.reason().length() > 1000) {
            violations.add(new FieldViolation("reason", "TOO_LONG", "理由不能超过 1000 字。"));
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        DecisionCase decisionCase = cases.read(number, officer);
        PublicOpinion opinion = opinion(decisionCase, receipt);
        List<PublicOpinion> targets = answer.wholeGroup()
                ? opinions.findByCaseIdAndTextHash(decisionCase.getId(), opinion.getTextHash()) : List.of(opinion);
        for (PublicOpinion target : targets) {
            if (!target.isInAdoptionTable()) {
                throw DomainException.conflict("OPINION_NOT_PUBLISHED",
                        "意见 %s 尚未甄别为公开（或因垃圾信息、重复、含个人信息不予公开，无需答复），请先甄别再答复。"
                                .formatted(target.getReceiptNumber()));
            }
            if ("WITHHELD".equals(target.getScreening()) && !WITHHELD_ADOPTIONS.contains(answer.adoption())) {
                throw DomainException.invalid(List.of(new FieldViolation("adoption", "WITHHELD_OPINION_ADOPTION",
                        "意见 %s 已不予公开，只能答复为 NOT_ADOPTED 不予采纳或 NOT_APPLICABLE 不适用，并说明理由。"
                                .formatted(target.getReceiptNumber()))));
            }
        }
        for (PublicOpinion target : targets) {
            target.answer(answer.adoption(), answer.reason().strip(), officer.userId(), clock.instant());
        }
        events.publishEvent(new OpinionAnswered(decisionCase.getId(),
                targets.stream().map(PublicOpinion::getReceiptNumber).toList(), answer.adoption(),
                answer.reason().strip(), officer.userId()));
        return list(number, officer);
    }

    private PublicOpinion opinion(DecisionCase decisionCase, String receipt) {
        return opinions.findByCaseIdAndReceiptNumber(decisionCase.getId(), receipt).orElseThrow(
                () -> DomainException.notFound("OPINION_NOT_FOUND", "没有找到回执编号为 %s 的意见。".formatted(receipt)));
    }

    @Override
    public Set<String> forms() {
        return Set.of(HANDLING_FORM);
    }

    @Override
    public void check(Submission submission, List<FieldViolation> violations) {
        long unanswered = opinions.findByCaseIdOrderById(submission.decisionCase().getId()).stream()
                .filter(o -> !o.isAnswered()).count();
        if (unanswered > 0) {
            violations.add(new FieldViolation("opinions", "OPINIONS_UNANSWERED",
                    "还有 %d 条公众意见未甄别或未答复采纳情况，全部处理后才能办结。".formatted(unanswered)));
        }
    }

    @Override
    public Map<String, Object> variables(Submission submission) {
        return Map.of();
    }
}
