package cn.majordecision.publication;

import cn.majordecision.calendar.Deadlines;
import cn.majordecision.calendar.TimeLimit;
import cn.majordecision.calendar.WorkingDayCalendar;
import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.DecisionDay;
import cn.majordecision.cases.StageRecord;
import cn.majordecision.shared.FieldViolation;
import cn.majordecision.shared.ProcedurePolicy;
import cn.majordecision.worklist.Submission;
import cn.majordecision.worklist.SubmissionRule;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The publication of Art. 32 as the statute names it: in the government's website always, and in its gazette where it
 * issues one (a notice board, new media or broadcast only adds to them); the adoption statement wherever public or
 * expert opinions were sought; the publication day not in the future nor before the decision, and later than the
 * configured period after the decision only with the reason stated. Corrections pass the same checks.
 */
@Component
class PublicationRule implements SubmissionRule {

    private static final Pattern URL = Pattern.compile("^https?://\\S+$");

    private final CaseService cases;
    private final Deadlines deadlines;
    private final ProcedurePolicy policy;
    private final Clock clock;
    private final ObjectMapper mapper;

    PublicationRule(CaseService cases, Deadlines deadlines, ProcedurePolicy policy, Clock clock, ObjectMapper mapper) {
        this.cases = cases;
        this.deadlines = deadlines;
        this.policy = policy;
        this.clock = clock;
        this.mapper = mapper;
    }

    @Override
    public Set<String> forms() {
        return Set.of(PublicDecisions.PUBLICATION_FORM);
    }

    @Override
    public void check(Submission s, List<FieldViolation> violations) {
        Collection<?> channels = s.data().get("channels") instanceof Collection<?> chosen ? chosen : List.of();
        if (!channels.contains(PublicationChannels.WEBSITE)) {
            violations.add(new FieldViolation("channels", "WEBSITE_REQUIRED",
                    "重大行政决策须在政府网站公布（第三十二条：通过本级人民政府公报和政府网站以及在本行政区域内发行的报纸等途径公布）；"
                            + "公告栏、政务新媒体等只能作为补充。"));
        }
        if (policy.gazette() && !channels.contains(PublicationChannels.GAZETTE)) {
            violations.add(new FieldViolation("channels", "GAZETTE_REQUIRED",
                    "本级人民政府编印政府公报，重大行政决策须在公报刊登（第三十二条）。"));
        }
        String links = s.text("links");
        if (links != null) {
            links.lines().map(String::strip).filter(line -> !line.isEmpty()).filter(line -> !URL.matcher(line).matches())
                    .findFirst().ifPresent(line -> violations.add(new FieldViolation("links", "LINK_INVALID",
                            "“%s”不是网址：每行填写一个以 http:// 或 https:// 开头的公布页面网址。".formatted(line))));
        }
        List<StageRecord> records = cases.records(s.decisionCase().getId());
        boolean sought = records.stream().anyMatch(r -> PublicationChannels.OPINIONS_SOUGHT.contains(r.getFormKey()));
        if (sought && !s.decisionCase().getFlags().nonPublic() && s.text("adoptionStatement") == null) {
            violations.add(new FieldViolation("adoptionStatement", "ADOPTION_STATEMENT_REQUIRED",
                    "本事项征求过公众意见或专家论证意见，公布时须说明意见的采纳情况（第三十二条）。"));
        }
        LocalDate published = s.date("publishedOn");
        if (published != null) {
            checkDay(s, published, decisionDay(records), violations);
        }
    }

    private void checkDay(Submission s, LocalDate published, Optional<LocalDate> decided,
            List<FieldViolation> violations) {
        LocalDate today = LocalDate.now(clock.withZone(Deadlines.CHINA));
        if (published.isAfter(today)) {
            violations.add(new FieldViolation("publishedOn", "PUBLISHED_IN_FUTURE",
                    "公布日期 %s 晚于今天（%s）：决策公布后才能登记。".formatted(published, today)));
            return;
        }
        if (decided.isEmpty()) {
            return;
        }
        if (published.isBefore(decided.get())) {
            violations.add(new FieldViolation("publishedOn", "PUBLISHED_BEFORE_DECISION",
                    "公布日期 %s 早于决定作出的日期 %s，请核对公布日期。".formatted(published, decided.get())));
            return;
        }
        if (s.text("lateReason") != null) {
            return;
        }
        WorkingDayCalendar.Lookup days = deadlines.lookup();
        int period = policy.publicationWorkingDays();
        LocalDate lastDay = deadlines.lastDay(decided.get(), TimeLimit.workingDays(period));
        if (published.isAfter(lastDay)) {
            String provisional = days.isProvisional(decided.get(), published)
                    ? "（工作日按暂定日历计算：该年国务院节假日安排尚未录入。）" : "";
            violations.add(new FieldViolation("lateReason", "LATE_REASON_REQUIRED",
                    "决定于 %s 作出，应在 %d 个工作日内（%s 前）公布；公布日期 %s 已逾期，须说明逾期公布的理由。%s"
                            .formatted(decided.get(), period, lastDay, published, provisional)));
        }
    }

    /** The day of the last deciding record: the approving meeting, or the congress's approval after it. */
    private Optional<LocalDate> decisionDay(List<StageRecord> records) {
        Optional<LocalDate> decided = Optional.empty();
        for (StageRecord record : records) {
            if (record.getPayload() == null) {
                continue;
            }
            try {
                Optional<LocalDate> day = DecisionDay.of(record.getFormKey(), mapper.readTree(record.getPayload()));
                if (day.isPresent()) {
                    decided = day;
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Stored records are valid JSON: " + record.getId(), e);
            }
        }
        return decided;
    }
}
