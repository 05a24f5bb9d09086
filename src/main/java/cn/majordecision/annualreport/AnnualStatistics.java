package cn.majordecision.annualreport;

import cn.majordecision.annualreport.ReportFacts.CaseFacts;
import cn.majordecision.annualreport.ReportFacts.Record;
import cn.majordecision.cases.DecisionDay;
import cn.majordecision.cases.SkipBasisCode;
import cn.majordecision.forms.OptionLabels;
import cn.majordecision.shared.ProcedurePolicy;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Computes the annual statistics from the facts. A case is counted in the year of the event counted (Asia/Shanghai):
 * filed by its filing time, decided and rejected by the day of the meeting that decided, a stage by its first record,
 * a skip by when it was recorded, a publication by its publication day, and so on (see the ADR on the annual report).
 */
public final class AnnualStatistics {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Set<String> APPROVING = Set.of("approve", "minorRevision");
    /** The stages a case performs or lawfully skips, as the annual report lists them. */
    static final List<String> STEPS = List.of("PUBLIC_PARTICIPATION", "EXPERT_REVIEW", "RISK_ASSESSMENT",
            "LEGALITY_REVIEW", "COLLECTIVE_DISCUSSION", "PARTY_COMMITTEE", "CONGRESS", "PUBLICATION");
    static final Map<String, String> STEP_LABELS = Map.of("PUBLIC_PARTICIPATION", "公众参与", "EXPERT_REVIEW", "专家论证",
            "RISK_ASSESSMENT", "风险评估", "LEGALITY_REVIEW", "合法性审查", "COLLECTIVE_DISCUSSION", "集体讨论决定",
            "PARTY_COMMITTEE", "向党委请示报告", "CONGRESS", "人大审议", "PUBLICATION", "决策公布");
    /** The stages Decree 713 requires before a decision (Arts. 14-28), as the report checks each decided case. */
    static final List<String> REQUIRED_BEFORE_DECISION = List.of("PUBLIC_PARTICIPATION", "EXPERT_REVIEW",
            "RISK_ASSESSMENT", "LEGALITY_REVIEW");
    /** The stages left out only on a stated legal basis (ADR 0017); no congress approval is an ordinary case. */
    static final Set<String> NEEDS_BASIS = Set.of("PUBLIC_PARTICIPATION", "EXPERT_REVIEW", "RISK_ASSESSMENT",
            "PUBLICATION");
    /** The key suffix of skips recorded without a basis (before bases were required). */
    static final String NO_BASIS = "NONE";
    static final String NO_AFTER_DECISION = "决策后评估和停止执行的记录尚未纳入本系统，暂按 0 统计。";
    static final String NO_CATALOG = "本年度决策事项目录尚未编制，目录事项按 0 统计。";

    private final int year;
    private final ReportFacts facts;
    private final UnaryOperator<LocalDate> publicationLastDay;
    private final int publicationWorkingDays;
    private final OptionLabels labels;
    private final LocalDate lastDayOfYear;

    private AnnualStatistics(int year, ReportFacts facts, UnaryOperator<LocalDate> publicationLastDay,
            int publicationWorkingDays, OptionLabels labels) {
        this.year = year;
        this.facts = facts;
        this.publicationLastDay = publicationLastDay;
        this.publicationWorkingDays = publicationWorkingDays;
        this.labels = labels;
        this.lastDayOfYear = LocalDate.of(year, 12, 31);
    }

    /** As below, with the usual period of 20 working days and the options' own values as their labels. */
    public static AnnualReport compute(String government, int year, Instant computedAt, ReportFacts facts,
            UnaryOperator<LocalDate> publicationLastDay) {
        return compute(government, year, computedAt, facts, publicationLastDay, ProcedurePolicy.PUBLICATION_WORKING_DAYS,
                OptionLabels.VALUES);
    }

    /**
     * The report of {@code year}. {@code publicationLastDay} gives, for the day a decision was made, the last day on
     * which its publication is on time (Art. 32, {@code publicationWorkingDays} on the statutory working-day
     * calendar); {@code labels} names the options of the records (a risk level by its label on the form).
     */
    public static AnnualReport compute(String government, int year, Instant computedAt, ReportFacts facts,
            UnaryOperator<LocalDate> publicationLastDay, int publicationWorkingDays, OptionLabels labels) {
        return new AnnualStatistics(year, facts, publicationLastDay, publicationWorkingDays, labels)
                .report(government, computedAt);
    }

    private AnnualReport report(String government, Instant computedAt) {
        List<Metric> metrics = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        metrics.add(Metric.of("cases.filed", "提出决策事项（件）", cases(c -> inYear(day(c.filedAt())))));
        metrics.add(Metric.of("cases.decided", "集体讨论决定通过（件）",
                cases(c -> firstMeeting(c, APPROVING).map(this::inYear).orElse(false))));
        metrics.add(Metric.of("cases.rejected", "集体讨论决定不予通过（件）",
                cases(c -> firstMeeting(c, Set.of("reject")).map(this::inYear).orElse(false))));
        metrics.add(Metric.of("cases.withdrawn", "撤回（件）",
                cases(c -> "WITHDRAWN".equals(c.status()) && c.closedAt() != null && inYear(day(c.closedAt())))));
        metrics.add(Metric.of("cases.pending", "年末尚在办理（件）", cases(this::pendingAtYearEnd)));
        metrics.addAll(decidedCases());
        for (String stage : STEPS) {
            String label = STEP_LABELS.get(stage);
            metrics.add(Metric.of("steps." + stage + ".performed", label + "：已履行（件）", cases(c -> c.records().stream()
                    .filter(r -> stage.equals(r.stage())).findFirst().map(r -> inYear(eventDay(r))).orElse(false))));
            List<CaseFacts> skipped = caseFacts(c -> c.skips().stream()
                    .anyMatch(s -> stage.equals(s.stage()) && inYear(day(s.skippedAt()))));
            metrics.add(Metric.of("steps." + stage + ".skipped", label + "：标记为依法不适用，未履行（件）", numbers(skipped)));
            if (NEEDS_BASIS.contains(stage)) {
                metrics.addAll(bases("steps." + stage + ".skipped", label, stage, skipped));
            }
        }
        List<CaseFacts> consulted = caseFacts(c -> first(c, "publish-consultation-notice").map(r -> inYear(eventDay(r)))
                .orElse(false));
        metrics.add(Metric.of("consultation.held", "公开征求意见（件）", numbers(consulted)));
        metrics.add(opinions("consultation.opinionsReceived", "收到公众意见（条）", consulted, ReportFacts.Opinions::received));
        metrics.add(opinions("consultation.opinionsPublished", "公开公众意见（条）", consulted, ReportFacts.Opinions::published));
        metrics.add(opinions("consultation.opinionsAdopted", "采纳或部分采纳公众意见（条）", consulted,
                ReportFacts.Opinions::adopted));
        metrics.add(recordCount("hearings", "举行听证会（场）", r -> r.formKey().equals("record-hearing")));
        metrics.add(recordCount("experts.engaged", "专家参与论证（人次）", r -> r.formKey().equals("write-expert-opinion")));
        metrics.add(recordCount("risk.assessments", "风险评估报告（份）", r -> r.formKey().equals("assess-risk")));
        for (String level : List.of("high", "medium", "low")) {
            String label = labels.label("assess-risk", "riskLevel", level);
            metrics.add(recordCount("risk." + level, "风险等级为“" + label + "”的评估报告（份）",
                    r -> r.formKey().equals("assess-risk") && level.equals(text(r.data(), "riskLevel"))));
        }
        metrics.add(Metric.of("legality.reviewed", "作出合法性审查结论（件）", cases(c -> anyInYear(c, "conclude-legality"))));
        metrics.add(Metric.of("legality.revised", "根据合法性审查意见修改决策草案（件）",
                cases(c -> c.records().stream().anyMatch(r -> "Task_ReviseDraftForLegality".equals(r.taskKey())
                        && inYear(eventDay(r))))));
        metrics.add(Metric.of("meetings", "提交政府领导班子会议集体讨论（件）", cases(c -> anyInYear(c, "record-meeting"))));
        metrics.add(Metric.of("party.reports", "向党委请示报告（件）", cases(c -> anyInYear(c, "prepare-party-report"))));
        List<CaseFacts> published = caseFacts(c -> first(c, "publish-decision").map(r -> inYear(eventDay(r))).orElse(false));
        metrics.add(Metric.of("publication.published", "公布决策（件）", numbers(published)));
        metrics.add(Metric.of("publication.onTime", "决策作出后%d个工作日内公布（件）".formatted(publicationWorkingDays),
                numbers(published.stream().filter(this::publishedOnTime).toList())));
        List<CaseFacts> late = published.stream().filter(c -> !publishedOnTime(c)).toList();
        metrics.add(Metric.of("publication.late", "逾期公布（件）", numbers(late)));
        metrics.add(Metric.of("publication.lateUnexplained", "逾期公布且未说明理由（件）", numbers(late.stream()
                .filter(c -> text(first(c, "publish-decision").orElseThrow().data(), "lateReason") == null).toList())));
        metrics.addAll(catalog(notes));
        metrics.addAll(afterDecision(notes));
        return new AnnualReport(government, year, computedAt, List.copyOf(metrics), List.copyOf(notes),
                publicationWorkingDays);
    }

    /**
     * The cases decided at a meeting in the year (approved or not), and for each stage the statute requires before
     * the decision how many of them performed it, how many skipped it (on which bases) and how many have neither.
     */
    private List<Metric> decidedCases() {
        List<Metric> metrics = new ArrayList<>();
        List<CaseFacts> decided = caseFacts(c -> firstMeeting(c, Set.of("approve", "minorRevision", "reject"))
                .map(this::inYear).orElse(false));
        metrics.add(Metric.of("decided.total", "本年度经集体讨论作出决定的事项（件）", numbers(decided)));
        for (String stage : REQUIRED_BEFORE_DECISION) {
            String label = STEP_LABELS.get(stage);
            String key = "decided." + stage;
            List<CaseFacts> performed = decided.stream()
                    .filter(c -> c.records().stream().anyMatch(r -> stage.equals(r.stage()))).toList();
            List<CaseFacts> skipped = decided.stream().filter(c -> !performed.contains(c))
                    .filter(c -> c.skips().stream().anyMatch(s -> stage.equals(s.stage()))).toList();
            List<CaseFacts> neither = decided.stream().filter(c -> !performed.contains(c) && !skipped.contains(c)).toList();
            metrics.add(Metric.of(key + ".performed", "其中履行了" + label + "（件）", numbers(performed)));
            metrics.add(Metric.of(key + ".skipped", "其中标记为依法不适用" + label + "（件）", numbers(skipped)));
            metrics.addAll(bases(key + ".skipped", label, stage, skipped));
            metrics.add(Metric.of(key + ".missing", "其中既未履行" + label + "也未标记为不适用（件）", numbers(neither)));
        }
        return metrics;
    }

    /** The skips of {@code stage} among {@code cases}, by the ground of their basis ({@code NONE}: recorded without one). */
    private List<Metric> bases(String prefix, String label, String stage, List<CaseFacts> cases) {
        Map<String, List<CaseFacts>> byGround = new TreeMap<>();
        for (CaseFacts c : cases) {
            c.skips().stream().filter(s -> stage.equals(s.stage())).reduce((a, b) -> b).ifPresent(skip -> byGround
                    .computeIfAbsent(skip.basisCode() == null ? NO_BASIS : skip.basisCode(), g -> new ArrayList<>())
                    .add(c));
        }
        List<Metric> metrics = new ArrayList<>();
        byGround.forEach((ground, counted) -> metrics.add(Metric.of(prefix + ".basis." + ground,
                label + "不适用的依据：" + groundLabel(ground) + "（件）", numbers(counted))));
        return metrics;
    }

    /** The label of a ground of a skip basis, or what a skip without a basis is called. */
    static String groundLabel(String ground) {
        return NO_BASIS.equals(ground) ? "未记录依据"
                : SkipBasisCode.find(ground).map(SkipBasisCode::label).orElse(ground);
    }

    private boolean pendingAtYearEnd(CaseFacts c) {
        if (day(c.filedAt()).isAfter(lastDayOfYear)) {
            return false;
        }
        if (c.closedAt() != null && !day(c.closedAt()).isAfter(lastDayOfYear)) {
            return false;
        }
        return decidedBy(c, lastDayOfYear).isEmpty();
    }

    /** The day of the first meeting that decided the case (approved or rejected) on or before {@code by}. */
    private Optional<LocalDate> decidedBy(CaseFacts c, LocalDate by) {
        return firstMeeting(c, Set.of("approve", "minorRevision", "reject")).filter(d -> !d.isAfter(by));
    }

    private Optional<LocalDate> firstMeeting(CaseFacts c, Set<String> decisions) {
        return c.records().stream().filter(r -> r.formKey().equals("record-meeting")
                && decisions.contains(text(r.data(), "meetingDecision"))).findFirst().map(this::eventDay);
    }

    /**
     * On time: published on or before the last day counted from the day the decision was made before it (the
     * approving meeting, or the congress's approval after it). A publication with no decision before it is not on time.
     */
    private boolean publishedOnTime(CaseFacts c) {
        Record publication = first(c, "publish-decision").orElseThrow();
        Optional<LocalDate> decided = c.records().stream().filter(r -> r.id() < publication.id())
                .map(r -> DecisionDay.of(r.formKey(), r.data())).flatMap(Optional::stream).reduce((a, b) -> b);
        return decided.isPresent() && !eventDay(publication).isAfter(publicationLastDay.apply(decided.get()));
    }

    private List<Metric> catalog(List<String> notes) {
        ReportFacts.CatalogFacts catalog = facts.catalog();
        if (!catalog.exists()) {
            notes.add(NO_CATALOG);
            return List.of(new Metric("catalog.planned", "列入年度决策事项目录（项）", 0, List.of(), List.of(), NO_CATALOG),
                    new Metric("catalog.completed", "目录事项年内完成决策（项）", 0, List.of(), List.of(), NO_CATALOG));
        }
        Set<String> planned = new TreeSet<>();
        Set<String> plannedCases = new TreeSet<>();
        Set<String> completed = new TreeSet<>();
        Set<String> completedCases = new TreeSet<>();
        for (ReportFacts.Item item : catalog.items()) {
            planned.add(item.number());
            for (CaseFacts c : facts.cases()) {
                if (item.number().equals(c.catalogItem())) {
                    plannedCases.add(c.number());
                    if (decidedBy(c, lastDayOfYear).isPresent()) {
                        completed.add(item.number());
                        completedCases.add(c.number());
                    }
                }
            }
        }
        return List.of(new Metric("catalog.planned", "列入年度决策事项目录（项）", planned.size(), List.copyOf(plannedCases),
                        List.copyOf(planned), null),
                new Metric("catalog.completed", "目录事项年内完成决策（项）", completed.size(), List.copyOf(completedCases),
                        List.copyOf(completed), null));
    }

    /** The keys and labels of the changes of a decision's status the report counts, each apart. */
    static final Map<String, String> STATUS_METRICS = new LinkedHashMap<>();

    static {
        STATUS_METRICS.put("SUSPENDED", "after.suspensions");
        STATUS_METRICS.put("IN_FORCE", "after.resumptions");
        STATUS_METRICS.put("ADJUSTED", "after.adjustments");
        STATUS_METRICS.put("TERMINATED", "after.terminations");
    }

    private static final Map<String, String> STATUS_LABELS = Map.of("after.suspensions", "暂停执行决策（次）",
            "after.resumptions", "暂停后恢复执行（次）", "after.adjustments", "调整决策（件）",
            "after.terminations", "停止执行（终止）决策（件）");

    private List<Metric> afterDecision(List<String> notes) {
        AfterDecisionStatistics.Counts counts = facts.afterDecision();
        List<Metric> metrics = new ArrayList<>();
        if (counts == null) {
            notes.add(NO_AFTER_DECISION);
            metrics.add(new Metric("after.evaluations", "开展决策后评估（次）", 0, List.of(), List.of(), NO_AFTER_DECISION));
            STATUS_METRICS.values().forEach(key -> metrics.add(new Metric(key, STATUS_LABELS.get(key), 0, List.of(),
                    List.of(), NO_AFTER_DECISION)));
            return metrics;
        }
        metrics.add(Metric.of("after.evaluations", "开展决策后评估（次）", counts.evaluations().size(),
                List.copyOf(new TreeSet<>(counts.evaluations()))));
        // a change counts when it moves the decision into a status: a record that keeps it there is not another one
        Map<String, List<String>> changed = new HashMap<>();
        Map<String, String> current = new HashMap<>();
        for (ReportFacts.StatusChange change : facts.statusChanges()) {
            String before = current.getOrDefault(change.caseNumber(), "IN_FORCE");
            current.put(change.caseNumber(), change.status());
            String key = STATUS_METRICS.get(change.status());
            boolean moved = !change.status().equals(before)
                    && (!"IN_FORCE".equals(change.status()) || "SUSPENDED".equals(before));
            if (key != null && moved && inYear(day(change.changedAt()))) {
                changed.computeIfAbsent(key, k -> new ArrayList<>()).add(change.caseNumber());
            }
        }
        STATUS_METRICS.values().forEach(key -> {
            List<String> numbers = changed.getOrDefault(key, List.of());
            metrics.add(Metric.of(key, STATUS_LABELS.get(key), numbers.size(), List.copyOf(new TreeSet<>(numbers))));
        });
        return metrics;
    }

    // --- helpers

    /** A metric whose value is the number of cases. */
    private List<String> cases(Predicate<CaseFacts> counted) {
        return numbers(caseFacts(counted));
    }

    private List<CaseFacts> caseFacts(Predicate<CaseFacts> counted) {
        return facts.cases().stream().filter(counted).toList();
    }

    private static List<String> numbers(Collection<CaseFacts> cases) {
        return List.copyOf(new TreeSet<>(cases.stream().map(CaseFacts::number).toList()));
    }

    private static Metric opinions(String key, String label, List<CaseFacts> cases,
            java.util.function.ToLongFunction<ReportFacts.Opinions> count) {
        long total = 0;
        Set<String> numbers = new TreeSet<>();
        for (CaseFacts c : cases) {
            long n = c.opinions() == null ? 0 : count.applyAsLong(c.opinions());
            total += n;
            if (n > 0) {
                numbers.add(c.number());
            }
        }
        return Metric.of(key, label, total, List.copyOf(numbers));
    }

    /** A metric whose value is the number of records made in the year, with the cases they belong to. */
    private Metric recordCount(String key, String label, Predicate<Record> counted) {
        long total = 0;
        Set<String> numbers = new TreeSet<>();
        for (CaseFacts c : facts.cases()) {
            long n = c.records().stream().filter(r -> counted.test(r) && inYear(eventDay(r))).count();
            total += n;
            if (n > 0) {
                numbers.add(c.number());
            }
        }
        return Metric.of(key, label, total, List.copyOf(numbers));
    }

    private boolean anyInYear(CaseFacts c, String formKey) {
        return c.records().stream().anyMatch(r -> r.formKey().equals(formKey) && inYear(eventDay(r)));
    }

    private static Optional<Record> first(CaseFacts c, String formKey) {
        return c.records().stream().filter(r -> r.formKey().equals(formKey)).findFirst();
    }

    /** The day an event happened: the date the form states for it, else the day the record was made. */
    LocalDate eventDay(Record r) {
        String field = switch (r.formKey()) {
            case "record-meeting" -> "meetingDate";
            case "publish-decision" -> "publishedOn";
            case "record-hearing" -> "heldOn";
            case "prepare-party-report" -> "submittedOn";
            default -> null;
        };
        LocalDate stated = field == null ? null : date(r.data(), field);
        return stated != null ? stated : day(r.completedAt());
    }

    private boolean inYear(LocalDate day) {
        return day != null && day.getYear() == year;
    }

    private static LocalDate day(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, CHINA);
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
        if (data == null) {
            return null;
        }
        JsonNode value = data.path(field);
        return value.isValueNode() && !value.asText().isBlank() ? value.asText().strip() : null;
    }
}
