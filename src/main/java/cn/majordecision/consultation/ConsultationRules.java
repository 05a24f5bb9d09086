package cn.majordecision.consultation;

import cn.majordecision.calendar.Deadlines;
import cn.majordecision.shared.FieldViolation;
import cn.majordecision.worklist.Submission;
import cn.majordecision.worklist.SubmissionRule;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
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

    private final int minimumDays;
    private final int hearingMaterialsDays;

    ConsultationRules(@Value("${app.consultation.minimum-days:30}") int minimumDays,
            @Value("${app.consultation.hearing-materials-days:7}") int hearingMaterialsDays) {
        this.minimumDays = minimumDays;
        this.hearingMaterialsDays = hearingMaterialsDays;
    }

    @Override
    public Set<String> forms() {
        return Set.of(NOTICE, HEARING_NOTICE);
    }

    @Override
    public void check(Submission submission, List<FieldViolation> violations) {
        if (NOTICE.equals(submission.formKey())) {
            checkNotice(submission, violations);
        } else {
            checkHearing(submission, violations);
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

    @Override
    public Map<String, Object> variables(Submission s) {
        if (!NOTICE.equals(s.formKey())) {
            return Map.of();
        }
        LocalDate end = s.date("periodEnd");
        return Map.of("consultationClosesAt", Date.from(Deadlines.endOf(end)));
    }
}
