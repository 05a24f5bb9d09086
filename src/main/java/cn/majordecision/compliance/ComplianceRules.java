package cn.majordecision.compliance;

import cn.majordecision.compliance.ArticleCheck.Evidence;
import cn.majordecision.compliance.CaseFacts.Record;
import cn.majordecision.compliance.CaseFacts.Skip;
import cn.majordecision.cases.CaseFlags;
import cn.majordecision.cases.DecisionDay;
import cn.majordecision.cases.FlagLabels;
import cn.majordecision.cases.SkipBases;
import cn.majordecision.cases.SkipBasisCode;
import cn.majordecision.forms.OptionLabels;
import cn.majordecision.publication.PublicationChannels;
import cn.majordecision.shared.ProcedurePolicy;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * The rules of Decree 713 as they can be read off a case's stored records. Each group of articles is judged on its
 * own: done (with the records that show it), skipped lawfully (the flag and who set it), missing (the case went past
 * the stage without its record), violated (the record shows the article was not followed), or not yet due.
 */
public final class ComplianceRules {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Said of a judgement counted in working days over a year whose holiday notice is not entered yet. */
    static final String PROVISIONAL_COUNT = "（工作日按暂定日历计算：该年国务院节假日安排尚未录入，录入后以正式安排为准。）";
    private static final Set<String> CLEARING = Set.of("lawful", "exploratory");
    private static final List<String> STAGE_ORDER = List.of("LAUNCH", "DRAFTING", "PUBLIC_PARTICIPATION",
            "EXPERT_REVIEW", "RISK_ASSESSMENT", "LEGALITY_REVIEW", "COLLECTIVE_DISCUSSION", "PARTY_COMMITTEE",
            "CONGRESS", "PUBLICATION", "ARCHIVING");

    private final CaseFacts facts;
    /** The same thresholds the submission rules enforce (one owner each). */
    private final ProcedurePolicy policy;
    private final Predicate<LocalDate> workingDay;
    private final BiPredicate<LocalDate, LocalDate> provisional;
    /** The forms' labels of the options: findings never show a code. */
    private final OptionLabels labels;

    private ComplianceRules(CaseFacts facts, ProcedurePolicy policy, Predicate<LocalDate> workingDay,
            BiPredicate<LocalDate, LocalDate> provisional, OptionLabels labels) {
        this.labels = labels;
        this.facts = facts;
        this.policy = policy;
        this.workingDay = workingDay;
        this.provisional = provisional;
    }

    /** Every group of articles, in statutory order, on a calendar whose every year is official. */
    public static List<ArticleCheck> check(CaseFacts facts, Predicate<LocalDate> workingDay) {
        return check(facts, workingDay, (from, to) -> false);
    }

    /**
     * Every group of articles, in statutory order. {@code workingDay} is the statutory calendar; {@code provisional}
     * tells whether a period between two days rests on a year whose holiday notice is not entered yet, which a
     * judgement counted in working days then says.
     */
    public static List<ArticleCheck> check(CaseFacts facts, Predicate<LocalDate> workingDay,
            BiPredicate<LocalDate, LocalDate> provisional) {
        return check(facts, ProcedurePolicy.NATIONAL, workingDay, provisional);
    }

    /** Every group of articles, in statutory order, judged by the configured thresholds of {@code policy}. */
    public static List<ArticleCheck> check(CaseFacts facts, ProcedurePolicy policy, Predicate<LocalDate> workingDay,
            BiPredicate<LocalDate, LocalDate> provisional) {
        return check(facts, policy, workingDay, provisional, OptionLabels.VALUES);
    }

    /** As above, with the options of the stored records named by their labels on the forms. */
    public static List<ArticleCheck> check(CaseFacts facts, ProcedurePolicy policy, Predicate<LocalDate> workingDay,
            BiPredicate<LocalDate, LocalDate> provisional, OptionLabels labels) {
        ComplianceRules rules = new ComplianceRules(facts, policy, workingDay, provisional, labels);
        return List.of(rules.consultation(), rules.hearing(), rules.expertReview(), rules.riskAssessment(),
                rules.legalityReview(), rules.collectiveDiscussion(), rules.partyCommittee(), rules.publication(),
                rules.archiving());
    }

    /**
     * Arts. 14-15: a consultation of at least 30 days, shorter only with the urgency reason stated. The period counts
     * from the later of the typed start and the day the system recorded the notice: the public could not comment
     * on a notice before it was published.
     */
    ArticleCheck consultation() {
        String articles = "14-15";
        String title = "公开征求意见（征求意见期一般不少于30日）";
        Optional<ArticleCheck> skipped = skipped(articles, title, "PUBLIC_PARTICIPATION");
        if (skipped.isPresent()) {
            return skipped.get();
        }
        List<Record> notices = records("publish-consultation-notice");
        if (notices.isEmpty()) {
            return absent(articles, title, "PUBLIC_PARTICIPATION", "未发布征求意见公告");
        }
        Record notice = notices.get(notices.size() - 1);
        LocalDate start = date(notice.data(), "periodStart");
        LocalDate end = date(notice.data(), "periodEnd");
        if (start == null || end == null) {
            return check(articles, title, ComplianceStatus.VIOLATED, "征求意见公告未载明征求意见期限。", notice);
        }
        LocalDate recorded = day(notice.completedAt());
        if (start.isBefore(recorded)) {
            if (!end.isAfter(recorded)) {
                return check(articles, title, ComplianceStatus.VIOLATED,
                        "征求意见公告于 %s 才在系统中发布，所载期限（%s 至 %s）此时已经届满，公众没有提出意见的期间（第十五条）。"
                                .formatted(recorded, start, end), notice);
            }
            start = recorded;
        }
        long days = ChronoUnit.DAYS.between(start, end);
        String reason = text(notice.data(), "urgencyReason");
        int minimum = policy.consultationMinimumDays();
        if (days < minimum && reason == null) {
            return check(articles, title, ComplianceStatus.VIOLATED,
                    "征求意见期限仅 %d 日（%s 至 %s），少于%d日且未说明理由（第十五条）。".formatted(days, start, end, minimum),
                    notice);
        }
        if (days < minimum) {
            return check(articles, title, ComplianceStatus.DONE, "征求意见期限 %d 日（%s 至 %s），少于%d日，已说明理由：%s"
                    .formatted(days, start, end, minimum, reason), notice);
        }
        return check(articles, title, ComplianceStatus.DONE,
                "已公开征求意见，期限 %d 日（%s 至 %s）。".formatted(days, start, end), notice);
    }

    /**
     * Arts. 16-17: a hearing when one is to be held, announced before it is held, its materials sent 7 days ahead,
     * recorded once held (a date after the day the record was made is a violation).
     */
    ArticleCheck hearing() {
        String articles = "16-17";
        String title = "听证会";
        Optional<ArticleCheck> skipped = skipped(articles, title, "PUBLIC_PARTICIPATION");
        if (skipped.isPresent()) {
            return skipped.get();
        }
        if (!facts.flag("hearing")) {
            return new ArticleCheck(articles, title, ComplianceStatus.SKIPPED_LAWFULLY,
                    "本事项未确定举行听证（标记“hearing”未选），无需听证。",
                    List.of(new Evidence(null, null, facts.flagsSetBy(), null, null, "hearing")));
        }
        List<Record> hearings = records("record-hearing");
        if (hearings.isEmpty()) {
            return absent(articles, title, "PUBLIC_PARTICIPATION", "应当举行听证，但没有听证记录");
        }
        List<Record> notices = records("publish-hearing-notice");
        List<Record> shown = new ArrayList<>(notices);
        shown.addAll(hearings);
        Record hearing = hearings.get(hearings.size() - 1);
        LocalDate held = date(hearing.data(), "heldOn");
        LocalDate recorded = day(hearing.completedAt());
        if (held != null && held.isAfter(recorded)) {
            return check(articles, title, ComplianceStatus.VIOLATED,
                    "听证会记录于 %s 登记，所记召开日期 %s 晚于登记日期，记录时听证会尚未举行（第十七条）。".formatted(recorded, held), shown);
        }
        if (notices.isEmpty()) {
            return check(articles, title, ComplianceStatus.VIOLATED, "没有听证会公告：听证时间和参加人名单应当提前公布（第十六条）。", shown);
        }
        Record notice = notices.get(notices.size() - 1);
        LocalDate noticed = day(notice.completedAt());
        LocalDate materials = date(notice.data(), "materialsSentOn");
        LocalDate published = date(notice.data(), "publishedOn");
        if (held != null && held.isBefore(noticed)) {
            return check(articles, title, ComplianceStatus.VIOLATED,
                    "听证会于 %s 召开，早于听证会公告的登记日期 %s，听证时间未提前公布（第十六条）。".formatted(held, noticed), shown);
        }
        if (held != null && materials != null && ChronoUnit.DAYS.between(materials, held) < policy.hearingMaterialsDays()) {
            return check(articles, title, ComplianceStatus.VIOLATED,
                    "听证材料于 %s 送达，距听证会召开（%s）不足7日（第十六条）。".formatted(materials, held), shown);
        }
        if (held != null && published != null && !published.isBefore(held)) {
            return check(articles, title, ComplianceStatus.VIOLATED,
                    "听证参加人名单于 %s 公布，未在听证会召开（%s）前公布（第十六条）。".formatted(published, held), shown);
        }
        return check(articles, title, ComplianceStatus.DONE,
                held == null ? "已举行听证并记录。" : "已于 %s 举行听证并记录。".formatted(held), shown);
    }

    /** Arts. 19-20: expert review of a technical matter, each expert's opinion and how they were adopted. */
    ArticleCheck expertReview() {
        String articles = "19-20";
        String title = "专家论证";
        Optional<ArticleCheck> skipped = skipped(articles, title, "EXPERT_REVIEW");
        if (skipped.isPresent()) {
            return skipped.get();
        }
        List<Record> adoptions = records("record-expert-adoption");
        if (adoptions.isEmpty()) {
            return absent(articles, title, "EXPERT_REVIEW", "没有专家论证意见采纳情况记录");
        }
        List<Record> shown = new ArrayList<>(records("select-experts"));
        shown.addAll(records("write-expert-opinion"));
        shown.addAll(adoptions);
        for (Record selection : records("select-experts")) {
            int experts = selection.data().path("experts").size();
            if (experts < policy.minimumExperts() || experts % 2 == 0) {
                return check(articles, title, ComplianceStatus.VIOLATED, "选定论证专家 %d 人，不是不少于 %d 人的单数（第二十条）。"
                        .formatted(experts, policy.minimumExperts()), selection);
            }
        }
        return check(articles, title, ComplianceStatus.DONE,
                "已组织专家论证，收到专家意见 %d 份并记录采纳情况。".formatted(records("write-expert-opinion").size()), shown);
    }

    /** Arts. 22-24: a risk assessment whose verdict is controllable before the case goes on. */
    ArticleCheck riskAssessment() {
        String articles = "22-24";
        String title = "风险评估";
        Optional<ArticleCheck> skipped = skipped(articles, title, "RISK_ASSESSMENT");
        if (skipped.isPresent()) {
            return skipped.get();
        }
        List<Record> assessments = records("assess-risk");
        if (assessments.isEmpty()) {
            return absent(articles, title, "RISK_ASSESSMENT", "没有风险评估报告");
        }
        Record last = assessments.get(assessments.size() - 1);
        if (!"controllable".equals(text(last.data(), "riskVerdict"))) {
            return passed("RISK_ASSESSMENT")
                    ? check(articles, title, ComplianceStatus.VIOLATED, "最后一次风险评估结论为风险不可控，决策事项仍继续办理（第二十四条）。", assessments)
                    : check(articles, title, ComplianceStatus.NOT_YET_DUE, "风险评估结论为风险不可控，正在调整决策草案。", assessments);
        }
        return check(articles, title, ComplianceStatus.DONE, "已进行风险评估，结论为风险可控。", assessments);
    }

    /**
     * Arts. 25-28: the legality review, with a legal adviser's opinion heard first, and at least 7 working days given
     * to the reviewer: counted from the day after the system recorded the package up to the day before the meeting
     * (the typed meeting date, or the day the meeting was recorded if that is earlier). Fewer only with the reason the
     * meeting record states.
     */
    ArticleCheck legalityReview() {
        String articles = "25-28";
        String title = "合法性审查（审查时间一般不少于7个工作日）";
        List<Record> conclusions = records("conclude-legality");
        Optional<Record> clearing = conclusions.stream().filter(c -> CLEARING.contains(text(c.data(), "legalityConclusion")))
                .reduce((a, b) -> b);
        if (clearing.isEmpty()) {
            if (!conclusions.isEmpty() && !facts.active()) {
                return check(articles, title, ComplianceStatus.DONE, "已进行合法性审查，结论为“"
                        + conclusionLabel(conclusions.get(conclusions.size() - 1)) + "”，事项未进入集体讨论。",
                        conclusions);
            }
            return absent(articles, title, "LEGALITY_REVIEW", "没有“合法”的合法性审查结论");
        }
        Record conclusion = clearing.get();
        Optional<Record> pack = before(records("submit-legality-package"), conclusion);
        Optional<Record> opinion = before(records("give-legal-opinion"), conclusion);
        List<Record> shown = new ArrayList<>();
        pack.ifPresent(shown::add);
        opinion.ifPresent(shown::add);
        shown.add(conclusion);
        if (pack.isEmpty()) {
            return check(articles, title, ComplianceStatus.VIOLATED, "审查结论之前没有报送合法性审查材料的记录（第二十六条）。", shown);
        }
        if (opinion.isEmpty()) {
            return check(articles, title, ComplianceStatus.VIOLATED, "作出审查结论前未听取法律顾问或公职律师的意见（第二十八条）。", shown);
        }
        Optional<Record> meeting = after(records("record-meeting"), conclusion);
        if (meeting.isPresent()) {
            shown.add(meeting.get());
            LocalDate submitted = day(pack.get().completedAt());
            LocalDate recorded = day(meeting.get().completedAt());
            LocalDate met = Optional.ofNullable(date(meeting.get().data(), "meetingDate"))
                    .filter(typed -> typed.isBefore(recorded)).orElse(recorded);
            int given = workingDaysBetween(submitted, met);
            String counted = provisional.test(submitted, met) ? PROVISIONAL_COUNT : "";
            String reason = text(meeting.get().data(), "shortReviewReason");
            int minimum = policy.legalityReviewWorkingDays();
            if (given < minimum && reason != null) {
                return check(articles, title, ComplianceStatus.DONE,
                        "已进行合法性审查，结论为“%s”；%s 报送审查，%s 提交集体讨论，审查时间 %d 个工作日，少于%d个工作日，已说明理由：%s%s"
                                .formatted(conclusionLabel(conclusion), submitted, met, given, minimum,
                                        reason, counted), shown);
            }
            if (given < minimum) {
                return check(articles, title, ComplianceStatus.VIOLATED,
                        "%s 报送合法性审查，%s 即提交集体讨论，审查时间仅 %d 个工作日，少于%d个工作日（第二十六条）。%s"
                                .formatted(submitted, met, given, policy.legalityReviewWorkingDays(), counted), shown);
            }
            return check(articles, title, ComplianceStatus.DONE,
                    "已进行合法性审查，结论为“%s”，审查时间 %d 个工作日。%s".formatted(
                            conclusionLabel(conclusion), given, counted), shown);
        }
        return check(articles, title, ComplianceStatus.DONE,
                "已进行合法性审查，结论为“%s”。".formatted(conclusionLabel(conclusion)), shown);
    }

    private String conclusionLabel(Record conclusion) {
        return labels.label(conclusion.formKey(), "legalityConclusion", text(conclusion.data(), "legalityConclusion"));
    }

    /**
     * Arts. 29-30: the meeting only with the legality clearance, a quorum, every dissent recorded, and the head's
     * departure from the majority with its reason.
     */
    ArticleCheck collectiveDiscussion() {
        String articles = "29-30";
        String title = "集体讨论决定";
        List<Record> meetings = records("record-meeting");
        if (meetings.isEmpty()) {
            return absent(articles, title, "COLLECTIVE_DISCUSSION", "没有集体讨论会议记录");
        }
        for (Record meeting : meetings) {
            Optional<Record> cleared = before(records("conclude-legality").stream()
                    .filter(c -> CLEARING.contains(text(c.data(), "legalityConclusion"))).toList(), meeting);
            if (cleared.isEmpty()) {
                return check(articles, title, ComplianceStatus.VIOLATED,
                        "会议召开前没有“合法”的合法性审查结论（第二十五条）。", List.of(meeting));
            }
            LocalDate met = date(meeting.data(), "meetingDate");
            LocalDate recorded = day(meeting.completedAt());
            LocalDate concluded = day(cleared.get().completedAt());
            if (met != null && met.isAfter(recorded)) {
                return check(articles, title, ComplianceStatus.VIOLATED,
                        "会议记录于 %s 登记，所记会议日期 %s 晚于登记日期，记录时会议尚未召开。".formatted(recorded, met), List.of(meeting));
            }
            if (met != null && met.isBefore(concluded)) {
                return check(articles, title, ComplianceStatus.VIOLATED,
                        "会议日期 %s 早于合法性审查结论的登记日期 %s，草案未经合法性审查即提交讨论（第二十五条）。".formatted(met, concluded),
                        List.of(cleared.get(), meeting));
            }
            JsonNode present = meeting.data().path("membersPresent");
            // counted against the configured leadership roster, as the meeting record rule counts it
            int listed = present.size() + meeting.data().path("membersAbsent").size();
            int total = policy.hasLeadership() ? Math.max(policy.leadership().size(), listed) : listed;
            if (!policy.isQuorate(present.size(), total)) {
                return check(articles, title, ComplianceStatus.VIOLATED,
                        "出席 %d 人，应到 %d 人，须至少 %d 人出席，未达到法定人数即作出决定（第三十条）。".formatted(
                                present.size(), total, policy.quorumOf(total)), List.of(meeting));
            }
            String decision = text(meeting.data(), "meetingDecision");
            Map<String, Integer> views = new HashMap<>();
            boolean anyDissent = false;
            for (JsonNode member : present) {
                String view = text(member, "view");
                if (view != null) {
                    views.merge(view, 1, Integer::sum);
                }
                anyDissent |= view != null && !view.equals(decision);
            }
            String majority = views.entrySet().stream().filter(e -> e.getValue() * 2 > present.size())
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (majority != null && !majority.equals(decision) && text(meeting.data(), "departureReason") == null) {
                return check(articles, title, ComplianceStatus.VIOLATED,
                        "行政首长的决定与多数人意见不一致，未说明理由（第三十条）。", List.of(meeting));
            }
            if (anyDissent && text(meeting.data(), "dissent") == null) {
                return check(articles, title, ComplianceStatus.VIOLATED, "有组成人员意见与决定不同，但未记录不同意见（第三十条）。",
                        List.of(meeting));
            }
        }
        return check(articles, title, ComplianceStatus.DONE, "已经集体讨论决定，记录了出席、各人意见和行政首长的决定。", meetings);
    }

    /** Art. 31: the report to the party committee and its answer. */
    ArticleCheck partyCommittee() {
        String articles = "31";
        String title = "向同级党委请示报告";
        List<Record> answers = records("record-party-answer");
        if (answers.isEmpty()) {
            return absent(articles, title, "PARTY_COMMITTEE", "没有党委答复的记录");
        }
        List<Record> shown = new ArrayList<>(records("prepare-party-report"));
        shown.addAll(answers);
        return check(articles, title, ComplianceStatus.DONE, "已向党委请示报告并记录答复。", shown);
    }

    /**
     * Art. 32: publication in the government's website (and its gazette where it issues one; a notice board or new
     * media alone is not publication as Art. 32 names it), each channel with its particulars, the adoption statement
     * where public or expert opinions were sought, and within the configured working days after the decision (the
     * approving meeting, or the congress's approval after it), later only with the reason stated.
     */
    ArticleCheck publication() {
        String articles = "32";
        String title = "决策公布";
        Optional<ArticleCheck> skipped = skipped(articles, title, "PUBLICATION");
        if (skipped.isPresent()) {
            return skipped.get();
        }
        List<Record> published = records("publish-decision");
        if (published.isEmpty()) {
            return absent(articles, title, "PUBLICATION", "没有决策公布记录");
        }
        Record last = published.get(published.size() - 1);
        List<String> channels = new ArrayList<>();
        last.data().path("channels").forEach(c -> channels.add(c.asText()));
        List<String> wrong = new ArrayList<>();
        if (!channels.contains(PublicationChannels.WEBSITE)) {
            wrong.add(channels.isEmpty() ? "未记录公布途径" : "仅通过%s公布，未在政府网站公布".formatted(channelNames(channels)));
        }
        if (policy.gazette() && !channels.contains(PublicationChannels.GAZETTE)) {
            wrong.add("未在本级人民政府公报刊登");
        }
        for (String channel : channels) {
            String field = PublicationChannels.DETAILS.get(channel);
            if (field != null && text(last.data(), field) == null) {
                wrong.add("通过“%s”公布但未记录其公布信息".formatted(channelLabel(channel)));
            }
        }
        boolean opinionsSought = PublicationChannels.OPINIONS_SOUGHT.stream().anyMatch(form -> !records(form).isEmpty());
        if (opinionsSought && text(last.data(), "adoptionStatement") == null) {
            wrong.add("征求过公众或专家意见，但未说明意见采纳情况");
        }
        String timing = "";
        LocalDate publishedOn = date(last.data(), "publishedOn");
        Optional<LocalDate> decided = facts.records().stream().filter(r -> r.id() < last.id())
                .map(r -> DecisionDay.of(r.formKey(), r.data())).flatMap(Optional::stream).reduce((a, b) -> b);
        if (publishedOn != null && publishedOn.isAfter(day(last.completedAt()))) {
            wrong.add("公布日期 %s 晚于登记日期 %s".formatted(publishedOn, day(last.completedAt())));
        } else if (publishedOn != null && decided.isPresent()) {
            int period = policy.publicationWorkingDays();
            int before = workingDaysBetween(decided.get(), publishedOn);
            int nth = before + (workingDay.test(publishedOn) ? 1 : 0);
            String counted = provisional.test(decided.get(), publishedOn) ? PROVISIONAL_COUNT : "";
            String reason = text(last.data(), "lateReason");
            if (publishedOn.isBefore(decided.get())) {
                wrong.add("公布日期 %s 早于决定作出的日期 %s".formatted(publishedOn, decided.get()));
            } else if (before >= period && reason == null) {
                wrong.add("决定于 %s 作出，%s 才公布，超过%d个工作日，未说明逾期理由%s".formatted(decided.get(), publishedOn, period,
                        counted));
            } else if (before >= period) {
                timing = "决定于 %s 作出，%s 公布，超过%d个工作日，已说明逾期理由：%s%s".formatted(decided.get(), publishedOn,
                        period, reason, counted);
            } else if (publishedOn.equals(decided.get())) {
                timing = "决定于 %s 作出，当日公布。".formatted(decided.get());
            } else {
                timing = "决定于 %s 作出，%s 公布，计 %d 个工作日，未超过%d个工作日。%s".formatted(decided.get(), publishedOn,
                        nth, period, counted);
            }
        }
        if (!wrong.isEmpty()) {
            return check(articles, title, ComplianceStatus.VIOLATED, String.join("；", wrong) + "（第三十二条）。", last);
        }
        return check(articles, title, ComplianceStatus.DONE, "已通过%s公布。%s".formatted(channelNames(channels), timing),
                last);
    }

    private String channelLabel(String channel) {
        return labels.label("publish-decision", "channels", channel);
    }

    private String channelNames(List<String> channels) {
        return String.join("、", channels.stream().map(this::channelLabel).toList());
    }

    /** Art. 33: the case's records handed over to the archive. */
    ArticleCheck archiving() {
        String articles = "33";
        String title = "决策档案归档";
        List<Record> archived = records("confirm-archive");
        if (archived.isEmpty()) {
            return absent(articles, title, "ARCHIVING", "没有归档记录");
        }
        return check(articles, title, ComplianceStatus.DONE, "已归档。", archived);
    }

    // --- helpers

    /**
     * A skipped stage is lawful only on a flag whose value switches that stage off and a basis of that flag from the
     * fixed list (Arts. 14, 19, 22, 32); a skip without one, or on a flag or basis that cannot justify it, is a
     * violation that names what is wrong.
     */
    private Optional<ArticleCheck> skipped(String articles, String title, String stage) {
        return facts.skips().stream().filter(s -> s.stage().equals(stage)).findFirst().map(skip -> {
            List<Evidence> evidence = List.of(new Evidence(null, null, skip.flagSetBy(), null, skip.skippedAt(),
                    skip.flag()));
            String flagged = "标记“%s”（%s，由 %s 设置）".formatted(FlagLabels.of(skip.flag()),
                    skip.flagValue() ? "是" : "否", skip.flagSetBy());
            if (justifies(stage, skip.flag()) && !SkipBases.SKIPPABLE.contains(skip.flag()) && !skip.flagValue()) {
                return new ArticleCheck(articles, title, ComplianceStatus.SKIPPED_LAWFULLY,
                        "依%s，本事项无须此程序。".formatted(flagged), evidence); // an ordinary choice, e.g. no congress
            }
            if (!justifies(stage, skip.flag()) || !CaseFlags.skips(skip.flag(), skip.flagValue())) {
                return new ArticleCheck(articles, title, ComplianceStatus.VIOLATED,
                        "未进行此程序，但所依据的%s不能免除此程序。".formatted(flagged), evidence);
            }
            Optional<SkipBasisCode> code = SkipBasisCode.find(skip.basisCode());
            if (code.isEmpty() || skip.basisText() == null || skip.basisText().isBlank()) {
                return new ArticleCheck(articles, title, ComplianceStatus.VIOLATED,
                        "依%s未进行此程序，但未说明法定依据。".formatted(flagged), evidence);
            }
            if (!code.get().flag().equals(skip.flag())) {
                return new ArticleCheck(articles, title, ComplianceStatus.VIOLATED,
                        "依%s未进行此程序，但所述依据“%s”不是该标记的依据。".formatted(flagged, code.get().label()),
                        evidence);
            }
            return new ArticleCheck(articles, title, ComplianceStatus.SKIPPED_LAWFULLY,
                    "依%s依法不进行此程序。依据：%s：%s".formatted(flagged, code.get().label(), skip.basisText()),
                    evidence);
        });
    }

    /** Whether the flag is one that can switch this stage off at all. */
    private static boolean justifies(String stage, String flag) {
        return switch (stage) {
            case "PUBLIC_PARTICIPATION", "PUBLICATION" -> flag.equals("nonPublic");
            case "EXPERT_REVIEW" -> flag.equals("technical");
            case "RISK_ASSESSMENT" -> flag.equals("stabilityRisk") || flag.equals("priorRiskAssessment");
            case "CONGRESS" -> flag.equals("congressApproval");
            default -> false;
        };
    }

    /** No record: missing if the case has gone past the stage, else not yet due. */
    private ArticleCheck absent(String articles, String title, String stage, String what) {
        if (passed(stage)) {
            return new ArticleCheck(articles, title, ComplianceStatus.MISSING, what + "，但事项已进入后续程序。", List.of());
        }
        return new ArticleCheck(articles, title, ComplianceStatus.NOT_YET_DUE,
                facts.active() ? "事项尚未办理到此程序。" : "事项在此程序之前已终结（" + facts.status() + "）。", List.of());
    }

    /** Whether the case holds a record of a later stage, or has been archived. */
    boolean passed(String stage) {
        if ("ARCHIVED".equals(facts.status())) {
            return true;
        }
        int index = STAGE_ORDER.indexOf(stage);
        // the party committee may be asked before or after the meeting: only stages after both count as past it
        int after = stage.equals("COLLECTIVE_DISCUSSION") || stage.equals("PARTY_COMMITTEE")
                ? STAGE_ORDER.indexOf("CONGRESS") : index + 1;
        return facts.records().stream().anyMatch(r -> STAGE_ORDER.indexOf(r.stage()) >= after);
    }

    private List<Record> records(String formKey) {
        return facts.records().stream().filter(r -> formKey.equals(r.formKey())).toList();
    }

    /**
     * The last of the records made before the reference one. Records are ordered by when they were stored (their id):
     * two completions can share a second, and MySQL keeps stored times to the second.
     */
    private static Optional<Record> before(List<Record> records, Record reference) {
        return records.stream().filter(r -> r.id() < reference.id()).reduce((a, b) -> b);
    }

    /** The first of the records made after the reference one (see {@link #before}). */
    private static Optional<Record> after(List<Record> records, Record reference) {
        return records.stream().filter(r -> r.id() > reference.id()).findFirst();
    }

    /** Working days strictly between two days: the days the reviewer had in full. */
    int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); day.isBefore(to); day = day.plusDays(1)) {
            if (workingDay.test(day)) {
                count++;
            }
        }
        return count;
    }

    private static ArticleCheck check(String articles, String title, ComplianceStatus status, String finding,
            Record record) {
        return check(articles, title, status, finding, List.of(record));
    }

    private static ArticleCheck check(String articles, String title, ComplianceStatus status, String finding,
            List<Record> records) {
        return new ArticleCheck(articles, title, status, finding, records.stream()
                .map(r -> new Evidence(r.id(), r.formKey(), r.actor(), r.actorName(), r.completedAt(), null)).toList());
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, CHINA);
    }

    private static LocalDate date(JsonNode data, String field) {
        String value = text(data, field);
        if (value == null || value.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.substring(0, 10));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.path(field);
        return value.isValueNode() && !value.asText().isBlank() ? value.asText().strip() : null;
    }
}
