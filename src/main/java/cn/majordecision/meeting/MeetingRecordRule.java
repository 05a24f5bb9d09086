package cn.majordecision.meeting;

import cn.majordecision.legalityreview.LegalityReviewService;
import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.FieldViolation;
import cn.majordecision.worklist.Submission;
import cn.majordecision.worklist.SubmissionRule;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The meeting record of Art. 30: only for a case with legality clearance on its current draft; more than half of the
 * members present (configurable); the dissent is recorded whenever a member's view differs from the decision; a
 * decision that departs from the majority view carries its reason; a deferral lasts at most one year (configurable).
 */
@Component
class MeetingRecordRule implements SubmissionRule {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final LegalityReviewService legality;
    private final Clock clock;
    private final BigDecimal quorum;
    private final Period maxDeferral;

    MeetingRecordRule(LegalityReviewService legality, Clock clock,
            @Value("${app.meeting.quorum:0.5}") BigDecimal quorum,
            @Value("${app.meeting.max-deferral:P1Y}") Period maxDeferral) {
        this.legality = legality;
        this.clock = clock;
        this.quorum = quorum;
        this.maxDeferral = maxDeferral;
    }

    @Override
    public Set<String> forms() {
        return Set.of("record-meeting");
    }

    @Override
    public void check(Submission s, List<FieldViolation> violations) {
        if (!legality.isClearedForMeeting(s.decisionCase().getId())) {
            throw DomainException.conflict("LEGALITY_NOT_CLEARED",
                    "本事项当前草案未取得合法性审查“合法”结论，不得提交集体讨论（第二十五条）。");
        }
        List<Map<String, Object>> present = s.list("membersPresent");
        int total = present.size() + s.list("membersAbsent").size();
        if (BigDecimal.valueOf(present.size()).compareTo(quorum.multiply(BigDecimal.valueOf(total))) <= 0) {
            violations.add(new FieldViolation("membersPresent", "QUORUM_NOT_MET",
                    "出席人数 %d 人，应到 %d 人，未达到法定人数，不能作出决定。".formatted(present.size(), total)));
        }
        String decision = s.text("meetingDecision");
        boolean anyDissent = present.stream().anyMatch(member -> !decision.equals(member.get("view")));
        if (anyDissent && s.text("dissent") == null) {
            violations.add(new FieldViolation("dissent", "DISSENT_REQUIRED", "有组成人员的意见与决定不同，须如实记录不同意见。"));
        }
        String majority = majorityView(present);
        if (majority != null && !majority.equals(decision) && s.text("departureReason") == null) {
            violations.add(new FieldViolation("departureReason", "DEPARTURE_REASON_REQUIRED",
                    "行政首长的决定与多数人意见不一致，须说明理由（第三十条）。"));
        }
        if ("defer".equals(decision) && s.text("deferUntilDate") != null) {
            LocalDate until = s.date("deferUntilDate");
            LocalDate today = LocalDate.now(clock.withZone(CHINA));
            if (!until.isAfter(today) || until.isAfter(today.plus(maxDeferral))) {
                violations.add(new FieldViolation("deferUntilDate", "DEFERRAL_OUT_OF_RANGE",
                        "暂缓期限须在今天之后、" + maxDeferral.getYears() + "年以内。"));
            }
        }
    }

    /** The view held by more than half of those present, if there is one. */
    private static String majorityView(List<Map<String, Object>> present) {
        return present.stream()
                .map(member -> (String) member.get("view"))
                .filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream()
                .filter(entry -> entry.getValue() * 2 > present.size())
                .map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    @Override
    public Map<String, Object> variables(Submission s) {
        if (!"defer".equals(s.text("meetingDecision"))) {
            return Map.of();
        }
        return Map.of("deferUntil", Date.from(s.date("deferUntilDate").atStartOfDay(CHINA).toInstant()));
    }
}
