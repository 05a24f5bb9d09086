package cn.majordecision.execution;

import cn.majordecision.calendar.Deadlines;
import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.execution.ExecutionEvents.AfterDecisionEvent;
import cn.majordecision.execution.ExecutionEvents.Kind;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.FieldViolation;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Feedback anyone may send on a published decision (Art. 35); officers read it with the personal data. */
@Service
public class DecisionFeedbacks {

    private static final String RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int MAX_CHARS = 5000;

    private final CaseService cases;
    private final ExecutionService execution;
    private final DecisionFeedbackRepository feedback;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    DecisionFeedbacks(CaseService cases, ExecutionService execution, DecisionFeedbackRepository feedback,
            ApplicationEventPublisher events, Clock clock) {
        this.cases = cases;
        this.execution = execution;
        this.feedback = feedback;
        this.events = events;
        this.clock = clock;
    }

    public record FeedbackInput(String name, String contact, String text) {
    }

    /** What the sender keeps: no name, no contact. */
    public record Receipt(String receiptNumber, String caseNumber, OffsetDateTime submittedAt, String text) {
    }

    /** One piece of feedback as officers see it. */
    public record OfficerFeedback(String receiptNumber, String name, String contact, String text,
            OffsetDateTime submittedAt) {
    }

    @Transactional
    public Receipt submit(String number, FeedbackInput input) {
        DecisionCase decisionCase = publishedPublicCase(number);
        String text = input.text() == null ? "" : input.text().strip();
        String name = input.name() == null || input.name().isBlank() ? null : input.name().strip();
        String contact = input.contact() == null || input.contact().isBlank() ? null : input.contact().strip();
        List<FieldViolation> violations = new ArrayList<>();
        if (text.isEmpty()) {
            violations.add(new FieldViolation("text", "REQUIRED", "请填写反馈内容。"));
        } else if (text.codePointCount(0, text.length()) > MAX_CHARS) {
            violations.add(new FieldViolation("text", "TOO_LONG", "反馈内容不能超过 %d 字。".formatted(MAX_CHARS)));
        }
        if (name != null && name.length() > 100) {
            violations.add(new FieldViolation("name", "TOO_LONG", "姓名不能超过 100 字。"));
        }
        if (contact != null && contact.length() > 200) {
            violations.add(new FieldViolation("contact", "TOO_LONG", "联系方式不能超过 200 字。"));
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        Instant now = clock.instant();
        DecisionFeedback saved = feedback.save(new DecisionFeedback(decisionCase.getId(), receiptNumber(now), name,
                contact, text, now));
        events.publishEvent(new AfterDecisionEvent(decisionCase.getId(), Kind.FEEDBACK_RECEIVED, "public",
                Map.of("receiptNumber", saved.getReceiptNumber(), "textSha256", ExecutionService.sha256(text))));
        return new Receipt(saved.getReceiptNumber(), decisionCase.getNumber(), ExecutionService.china(now), text);
    }

    @Transactional(readOnly = true)
    public List<OfficerFeedback> list(String number, Actor officer) {
        DecisionCase decisionCase = execution.ownUnit(number, officer);
        return feedback.findByCaseIdOrderById(decisionCase.getId()).stream()
                .map(f -> new OfficerFeedback(f.getReceiptNumber(), f.getSubmitterName(), f.getContact(), f.getText(),
                        ExecutionService.china(f.getSubmittedAt()))).toList();
    }

    private DecisionCase publishedPublicCase(String number) {
        DecisionCase decisionCase;
        try {
            decisionCase = cases.get(number);
        } catch (DomainException e) {
            throw unknown();
        }
        if (decisionCase.getFlags().nonPublic() || execution.publication(decisionCase).isEmpty()) {
            throw unknown();
        }
        return decisionCase;
    }

    private static DomainException unknown() {
        return DomainException.notFound("DECISION_NOT_FOUND", "没有找到该已公布的决策。");
    }

    private String receiptNumber(Instant now) {
        StringBuilder receipt = new StringBuilder("FK")
                .append(DateTimeFormatter.ofPattern("yyyyMMdd").format(now.atZone(Deadlines.CHINA))).append('-');
        for (int i = 0; i < 8; i++) {
            receipt.append(RECEIPT_ALPHABET.charAt(random.nextInt(RECEIPT_ALPHABET.length())));
        }
        return receipt.toString();
    }
}
