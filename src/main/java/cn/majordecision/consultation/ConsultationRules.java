package cn.majordecision.consultation;

import cn.majordecision.calendar.Deadlines;
import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.StageRecord;
import cn.majordecision.shared.FieldViolation;
import cn.majordecision.shared.ProcedurePolicy;
import cn.majordecision.worklist.Submission;
import cn.majordecision.worklist.SubmissionRule;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The consultation period is at least 30 days, not counting the day it starts, unless the notice states why it is
 * shorter (Art. 15); it closes at the end of its last day in Asia/Shanghai. Hearing materials reach participants at
 * least 7 days before the hearing (Art. 16). Days are counted by {@link Deadlines}, the one place for counting rules.
 * Typed dates are checked against the day the system records the submission (Asia/Shanghai): the public can only
 * comment from the day the notice is recorded, a hearing is announced before it is held, and a hearing is recorded
 * only once it has been held.
 */
@Component
class ConsultationRules implements SubmissionRule {

    static final String NOTICE = "publish-consultation-notice";
    static final String HEARING_NOTICE = "publish-hearing-notice";
    static final String HEARING_RECORD = "record-hearing";

    private final CaseService cases;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final int minimumDays;
    private final int hearingMaterialsDays;

    ConsultationRules(CaseService cases, ObjectMapper mapper, Clock clock, ProcedurePolicy policy) {
        this.cases = cases;
        this.mapper = mapper;
        this.clock = clock;
        this.minimumDays = policy.consultationMinimumDays();
        this.hearingMaterialsDays = policy.hearingMaterialsDays();
    }

    @Override
    public Set<String> forms() {
        return Set.of(NOTICE, HEARING_NOTICE, HEARING_RECORD);
    }

    @Override
    public void check(Submission submission, List<FieldViolation> violations) {
        switch (submission.formKey()) {
            case NOTICE -> checkNotice(submission, violations);
            case HEARING_NOTICE -> checkHearing(submission, violations);
            default -> checkHearingRecord(submission, violations);
        }
    }

    /** The day in Asia/Shanghai on which the system records the submission being checked. */
    private LocalDate today() {
        return Deadlines.dayOf(clock.instant());
    }

    private void checkNotice(Submission s, List<FieldViolation> violations) {
        LocalDate start = s.date("periodStart");
        LocalDate end = s.date("periodEnd");
        LocalDate recorded = today();
        if (start.isBefore(recorded)) {
            violations.add(new FieldViolation("periodStart", "PERIOD_START_BEFORE_NOTICE",
                    "%s %s 早于公告在本系统发布的日期 %s：公众自公告发布之日起才能提出意见，开始日期不能早于今天（第十五条）。"
                            .formatted(s.label("periodStart"), start, recorded)));
        }
        // the public's window opens when the notice is recorded, whatever the typed start says
        LocalDate opens = start.isBefore(recorded) ? recorded : start;
        long days = Deadlines.calendarDays(opens, end);
        if (Deadlines.calendarDays(start, end) < 1) {
            violations.add(new FieldViolation("periodEnd", "PERIOD_ORDER", s.label("periodEnd") + "须晚于" + s.label("periodStart") + "。"));
        } else if (days > 366) {
            violations.add(new FieldViolation("periodEnd", "PERIOD_TOO_LONG", "征求意见期限不应超过一年，请核对日期。"));
        } else if (days >= 1 && !Deadlines.lastsAtLeast(opens, end, minimumDays) && s.text("urgencyReason") == null) {
            violations.add(new FieldViolation("urgencyReason", "URGENCY_REASON_REQUIRED",
                    "征求意见期限为 %d 日，少于 %d 日，须在公告中说明缩短期限的理由（第十五条）。".formatted(days, minimumDays)));
        }
    }

    /**
     * The notice records what has been done (the list published, the materials sent: not in the future) and announces
     * the hearing in advance (not before the day the notice is recorded).
     */
    private void checkHearing(Submission s, List<FieldViolation> violations) {
        LocalDate hearing = s.date("hearingDate");
        LocalDate materials = s.date("materialsSentOn");
        LocalDate published = s.date("publishedOn");
        LocalDate recorded = today();
        if (hearing.isBefore(recorded)) {
            violations.add(new FieldViolation("hearingDate", "HEARING_BEFORE_NOTICE",
                    "听证会召开日期 %s 早于本公告的登记日期 %s：听证时间应当提前公布（第十六条）。".formatted(hearing, recorded)));
        }
        for (String key : List.of("publishedOn", "materialsSentOn")) {
            if (s.date(key).isAfter(recorded)) {
                violations.add(new FieldViolation(key, "DATE_IN_FUTURE",
                        "%s %s 晚于今天（%s）：请在名单公布、材料送达后再登记本公告。".formatted(s.label(key), s.date(key), recorded)));
            }
        }
        if (!Deadlines.isAtLeastDaysBefore(materials, hearing, hearingMaterialsDays)) {
            violations.add(new FieldViolation("materialsSentOn", "HEARING_MATERIALS_LATE",
                    "听证材料须至少在听证会召开 %d 日前送达参加人（第十六条）。".formatted(hearingMaterialsDays)));
        }
        if (!published.isBefore(hearing)) {
            violations.add(new FieldViolation("publishedOn", "HEARING_NOTICE_LATE", "听证参加人名单须在听证会召开前公布（第十六条）。"));
        }
    }

    /**
     * The hearing is recorded once held: not in the future, not before the notice was recorded, not earlier than the
     * date the notice announced (a later date keeps the 7 days for the materials).
     */
    private void checkHearingDate(Submission s, Optional<StageRecord> notice, List<FieldViolation> violations) {
        LocalDate held = s.date("heldOn");
        LocalDate today = today();
        if (held.isAfter(today)) {
            violations.add(new FieldViolation("heldOn", "HEARING_RECORD_IN_FUTURE",
                    "听证会召开日期 %s 晚于今天（%s）：听证会举行后才能记录。".formatted(held, today)));
            return;
        }
        if (notice.isEmpty()) {
            return;
        }
        LocalDate noticed = Deadlines.dayOf(notice.get().getCompletedAt());
        LocalDate announced = date(read(notice.get()), "hearingDate");
        if (held.isBefore(noticed)) {
            violations.add(new FieldViolation("heldOn", "HEARING_BEFORE_NOTICE",
                    "听证会召开日期 %s 早于听证会公告的登记日期 %s：听证时间应当提前公布（第十六条）。".formatted(held, noticed)));
        } else if (announced != null && held.isBefore(announced)) {
            violations.add(new FieldViolation("heldOn", "HEARING_DATE_NOT_AS_ANNOUNCED",
                    "听证会召开日期 %s 早于公告的听证日期 %s，与公告不一致（第十六条）。".formatted(held, announced)));
        }
    }

    private static LocalDate date(JsonNode data, String key) {
        String text = data.path(key).asText("");
        try {
            return text.length() < 10 ? null : LocalDate.parse(text.substring(0, 10));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Each participant on the published list confirms the record and signs it (Art. 17(3)); one who does not is
     * recorded with the reason, and no one is recorded who was not on the list.
     */
    private void checkHearingRecord(Submission s, List<FieldViolation> violations) {
        Set<String> published = new LinkedHashSet<>();
        Optional<StageRecord> notice = cases.latestRecord(s.decisionCase().getId(), HEARING_NOTICE);
        checkHearingDate(s, notice, violations);
        notice.ifPresent(n -> read(n).path("participants").forEach(p -> published.add(p.path("name").asText())));
        List<Map<String, Object>> confirmations = s.list("confirmations");
        Set<String> recorded = new LinkedHashSet<>();
        for (int i = 0; i < confirmations.size(); i++) {
            Map<String, Object> entry = confirmations.get(i);
            String name = String.valueOf(entry.get("name")).strip();
            if (!recorded.add(name)) {
                violations.add(new FieldViolation("confirmations[" + i + "].name", "PARTICIPANT_REPEATED",
                        "“%s”登记了两次。".formatted(name)));
            } else if (!published.contains(name)) {
                violations.add(new FieldViolation("confirmations[" + i + "].name", "PARTICIPANT_NOT_ON_LIST",
                        "“%s”不在公布的听证参加人名单中。".formatted(name)));
            }
            boolean confirmed = Boolean.TRUE.equals(entry.get("confirmed"));
            Object note = entry.get("note");
            if (!confirmed && (!(note instanceof String reason) || reason.isBlank())) {
                violations.add(new FieldViolation("confirmations[" + i + "].note", "CONFIRMATION_REASON_REQUIRED",
                        "“%s”未确认听证会记录，请写明原因（如拒绝签字、未到场）。".formatted(name)));
            }
        }
        published.removeAll(recorded);
        if (!published.isEmpty()) {
            violations.add(new FieldViolation("confirmations", "PARTICIPANT_NOT_RECORDED",
                    "公布名单中的听证参加人%s尚未登记是否确认听证会记录（第十七条）。".formatted(
                            published.stream().map(n -> "“" + n + "”").collect(Collectors.joining("、")))));
        }
    }

    private JsonNode read(StageRecord record) {
        try {
            return mapper.readTree(record.getPayload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored records are valid JSON: " + record.getId(), e);
        }
    }

    @Override
    public Map<String, Object> variables(Submission s) {
        if (!NOTICE.equals(s.formKey())) {
            return Map.of();
        }
        LocalDate end = s.date("periodEnd");
        return Map.of("consultationClosesAt", Date.from(Deadlines.endOf(end)));
    }
}
