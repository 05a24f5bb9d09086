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
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The consultation period is at least 30 days, not counting the day it starts, unless the notice states why it is
 * shorter (Art. 15); it closes at the end of its last day in Asia/Shanghai. Hearing materials reach participants at
 * least 7 days before the hearing (Art. 16). Days are counted by {@link Deadlines}, the one place for counting rules.
 */
@Component
class ConsultationRules implements SubmissionRule {

    static final String NOTICE = "publish-consultation-notice";
    static final String HEARING_NOTICE = "publish-hearing-notice";
    static final String HEARING_RECORD = "record-hearing";

    private final CaseService cases;
    private final ObjectMapper mapper;
    private final int minimumDays;
    private final int hearingMaterialsDays;

    ConsultationRules(CaseService cases, ObjectMapper mapper, ProcedurePolicy policy) {
        this.cases = cases;
        this.mapper = mapper;
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

    private void checkNotice(Submission s, List<FieldViolation> violations) {
        LocalDate start = s.date("periodStart");
        LocalDate end = s.date("periodEnd");
        long days = Deadlines.calendarDays(start, end);
        if (days < 1) {
            violations.add(new FieldViolation("periodEnd", "PERIOD_ORDER", s.label("periodEnd") + "须晚于" + s.label("periodStart") + "。"));
        } else if (days > 366) {
            violations.add(new FieldViolation("periodEnd", "PERIOD_TOO_LONG", "征求意见期限不应超过一年，请核对日期。"));
        } else if (!Deadlines.lastsAtLeast(start, end, minimumDays) && s.text("urgencyReason") == null) {
            violations.add(new FieldViolation("urgencyReason", "URGENCY_REASON_REQUIRED",
                    "征求意见期限为 %d 日，少于 %d 日，须在公告中说明缩短期限的理由（第十五条）。".formatted(days, minimumDays)));
        }
    }

    private void checkHearing(Submission s, List<FieldViolation> violations) {
        LocalDate hearing = s.date("hearingDate");
        LocalDate materials = s.date("materialsSentOn");
        LocalDate published = s.date("publishedOn");
        if (!Deadlines.isAtLeastDaysBefore(materials, hearing, hearingMaterialsDays)) {
            violations.add(new FieldViolation("materialsSentOn", "HEARING_MATERIALS_LATE",
                    "听证材料须至少在听证会召开 %d 日前送达参加人（第十六条）。".formatted(hearingMaterialsDays)));
        }
        if (published.isAfter(hearing)) {
            violations.add(new FieldViolation("publishedOn", "HEARING_NOTICE_LATE", "听证参加人名单须在听证会召开前公布（第十六条）。"));
        }
    }

    /**
     * Each participant on the published list confirms the record and signs it (Art. 17(3)); one who does not is
     * recorded with the reason, and no one is recorded who was not on the list.
     */
    private void checkHearingRecord(Submission s, List<FieldViolation> violations) {
        Set<String> published = new LinkedHashSet<>();
        cases.latestRecord(s.decisionCase().getId(), HEARING_NOTICE)
                .ifPresent(notice -> read(notice).path("participants").forEach(p -> published.add(p.path("name").asText())));
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
