package cn.majordecision.meeting;

import cn.majordecision.calendar.Deadlines;
import cn.majordecision.calendar.WorkingDayCalendar;
import cn.majordecision.legalityreview.LegalityReviewService;
import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.FieldViolation;
import cn.majordecision.shared.ProcedurePolicy;
import cn.majordecision.worklist.Submission;
import cn.majordecision.worklist.SubmissionRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The meeting record of Art. 30: only for a case with legality clearance on its current draft; every member of the
 * government's configured leadership roster listed as present or absent, nobody else; more than the configured
 * fraction of the roster present; the dissent is recorded whenever a member's view differs from the decision; a
 * decision that departs from the majority view carries its reason; a deferral lasts at most one year (configurable).
 * The meeting date is checked against what the system recorded: not in the future, not before the case was filed nor
 * before the legality conclusion was recorded; fewer than 7 working days after the package was recorded (Art. 26,
 * counted on the statutory calendar) only with the reason stated.
 * A correction of the record keeps every member's view, the dissent and the departure reason: they cannot be
 * corrected away.
 */
@Component
class MeetingRecordRule implements SubmissionRule {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final LegalityReviewService legality;
    private final Deadlines deadlines;
    private final Clock clock;
    private final ProcedurePolicy policy;

    MeetingRecordRule(LegalityReviewService legality, Deadlines deadlines, Clock clock, ProcedurePolicy policy) {
        this.legality = legality;
        this.deadlines = deadlines;
        this.clock = clock;
        this.policy = policy;
    }

    @Override
    public Set<String> forms() {
        return Set.of("record-meeting");
    }

    @Override
    public void check(Submission s, List<FieldViolation> violations) {
        Optional<Instant> cleared = legality.clearedAt(s.decisionCase().getId());
        // the clearance was checked when the meeting was recorded; a correction does not hold the meeting again
        if (!s.isCorrection() && cleared.isEmpty()) {
            throw DomainException.conflict("LEGALITY_NOT_CLEARED",
                    "本事项当前草案未取得合法性审查“合法”结论，不得提交集体讨论（第二十五条）。");
        }
        cleared.ifPresent(at -> checkMeetingDate(s, at, violations));
        List<Map<String, Object>> present = s.list("membersPresent");
        checkRoster(present, s.list("membersAbsent"), violations);
        // only members of the roster count, each once
        int attending = (int) present.stream().map(member -> String.valueOf(member.get("name")).strip())
                .filter(policy.leadership()::contains).distinct().count();
        int total = policy.leadership().size();
        if (!policy.isQuorate(attending, total)) {
            violations.add(new FieldViolation("membersPresent", "QUORUM_NOT_MET",
                    "出席人数 %d 人，应到 %d 人（领导班子名单），须至少 %d 人出席，未达到法定人数，不能作出决定（第三十条）。"
                            .formatted(attending, total, policy.quorumOf(total))));
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
        if (s.isCorrection()) {
            checkCorrection(s, violations);
        } else if ("defer".equals(decision) && s.text("deferUntilDate") != null) {
            LocalDate until = s.date("deferUntilDate");
            LocalDate today = LocalDate.now(clock.withZone(CHINA));
            if (!until.isAfter(today) || until.isAfter(today.plus(policy.maxDeferral()))) {
                violations.add(new FieldViolation("deferUntilDate", "DEFERRAL_OUT_OF_RANGE",
                        "暂缓期限须在今天之后、" + policy.maxDeferral().getYears() + "年以内。"));
            }
        }
    }

    /** The typed meeting date against the system's times: today, the filing, the conclusion and the package. */
    private void checkMeetingDate(Submission s, Instant cleared, List<FieldViolation> violations) {
        LocalDate met = s.date("meetingDate");
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        Instant filedAt = s.decisionCase().getFiledAt();
        LocalDate concluded = Deadlines.dayOf(cleared);
        if (met.isAfter(today)) {
            violations.add(new FieldViolation("meetingDate", "MEETING_DATE_IN_FUTURE",
                    "会议日期 %s 晚于今天（%s）：会议召开后才能记录会议决定。".formatted(met, today)));
            return;
        }
        if (filedAt != null && met.isBefore(Deadlines.dayOf(filedAt))) {
            violations.add(new FieldViolation("meetingDate", "MEETING_BEFORE_FILING",
                    "会议日期 %s 早于本事项的登记日期 %s，请核对会议日期。".formatted(met, Deadlines.dayOf(filedAt))));
            return;
        }
        if (met.isBefore(concluded)) {
            violations.add(new FieldViolation("meetingDate", "MEETING_BEFORE_LEGALITY_CONCLUSION",
                    "会议日期 %s 早于合法性审查结论的登记日期 %s：决策草案未经合法性审查的，不得提交决策机关讨论（第二十五条）。"
                            .formatted(met, concluded)));
            return;
        }
        Optional<Instant> submitted = legality.packageSubmittedAt(s.decisionCase().getId());
        if (submitted.isEmpty() || s.text("shortReviewReason") != null) {
            return;
        }
        LocalDate sent = Deadlines.dayOf(submitted.get());
        WorkingDayCalendar.Lookup days = deadlines.lookup();
        int given = Deadlines.workingDaysBetween(days, sent, met);
        if (given < policy.legalityReviewWorkingDays()) {
            String provisional = days.isProvisional(sent, met)
                    ? "（工作日按暂定日历计算：该年国务院节假日安排尚未录入。）" : "";
            violations.add(new FieldViolation("shortReviewReason", "SHORT_REVIEW_REASON_REQUIRED",
                    ("合法性审查材料于 %s 报送，至会议日期 %s 审查时间仅 %d 个工作日，少于%d个工作日（第二十六条：一般不少于7个工作日），"
                            + "须说明审查时间不足的理由。%s").formatted(sent, met, given, policy.legalityReviewWorkingDays(), provisional)));
        }
    }

    /** Everyone on the roster is listed once, present or absent, and nobody who is not on it (Art. 30). */
    private void checkRoster(List<Map<String, Object>> present, List<Map<String, Object>> absent,
            List<FieldViolation> violations) {
        if (!policy.hasLeadership()) {
            throw DomainException.conflict("LEADERSHIP_NOT_CONFIGURED",
                    "系统尚未配置政府领导班子组成人员名单（app.meeting.leadership），无法核对出席人数，请联系系统管理员。");
        }
        Set<String> listed = new LinkedHashSet<>();
        checkNames("membersPresent", present, listed, violations);
        checkNames("membersAbsent", absent, listed, violations);
        List<String> missing = policy.leadership().stream().filter(name -> !listed.contains(name)).toList();
        if (!missing.isEmpty()) {
            violations.add(new FieldViolation("membersAbsent", "MEMBER_NOT_LISTED",
                    "领导班子成员%s未登记出席或缺席；每位组成人员都须登记。".formatted(
                            missing.stream().map(n -> "“" + n + "”").collect(Collectors.joining("、")))));
        }
    }

    private void checkNames(String field, List<Map<String, Object>> members, Set<String> listed,
            List<FieldViolation> violations) {
        for (int i = 0; i < members.size(); i++) {
            String name = String.valueOf(members.get(i).get("name")).strip();
            if (!policy.leadership().contains(name)) {
                violations.add(new FieldViolation(field + "[" + i + "].name", "MEMBER_NOT_ON_ROSTER",
                        "“%s”不在本级政府领导班子组成人员名单中，不能计入会议组成人员。".formatted(name)));
            } else if (!listed.add(name)) {
                violations.add(new FieldViolation(field + "[" + i + "].name", "MEMBER_REPEATED",
                        "“%s”登记了两次。".formatted(name)));
            }
        }
    }

    /** The views stated at the meeting, the dissent and the departure reason stay as they were recorded (Art. 30). */
    private static void checkCorrection(Submission s, List<FieldViolation> violations) {
        if (!viewsOf(s.list("membersPresent")).equals(viewsOf(s.listBefore("membersPresent")))) {
            violations.add(new FieldViolation("membersPresent", "VIEWS_NOT_CORRECTABLE",
                    "出席人员及其发表的意见已记录在案，不能通过更正改变（第三十条）；如记录有误，请按程序重新讨论。"));
        }
        if (s.textBefore("dissent") != null && s.text("dissent") == null) {
            violations.add(new FieldViolation("dissent", "DISSENT_NOT_REMOVABLE", "已记录的不同意见不能通过更正删除（第三十条）。"));
        }
        if (s.textBefore("departureReason") != null && s.text("departureReason") == null) {
            violations.add(new FieldViolation("departureReason", "DEPARTURE_REASON_NOT_REMOVABLE",
                    "已记录的决定与多数人意见不一致的理由不能通过更正删除（第三十条）。"));
        }
    }

    /** Each present member's stated view, by name. */
    private static Map<String, Object> viewsOf(List<Map<String, Object>> present) {
        Map<String, Object> views = new TreeMap<>();
        present.forEach(member -> views.put(String.valueOf(member.get("name")).strip(), member.get("view")));
        return views;
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
