package cn.majordecision.annualreport;

import cn.majordecision.calendar.Deadlines;
import cn.majordecision.calendar.WorkingDayCalendar;
import cn.majordecision.calendar.TimeLimit;
import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.catalog.DecisionCatalogs;
import cn.majordecision.consultation.OpinionAdoption;
import cn.majordecision.shared.Actor;
import cn.majordecision.forms.OptionLabels;
import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.FieldViolation;
import cn.majordecision.shared.ProcedurePolicy;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.TreeSet;
import java.util.SortedSet;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gathers the facts of every case, the year's decision catalog and the after-decision counts, and computes the annual
 * report. The whole government's numbers are not personal: every role that answers for decisions may read them.
 */
@Service
@Transactional(readOnly = true)
public class AnnualReports {

    static final int FIRST_YEAR = 2000;
    private static final Set<String> READERS = Set.of("heads", "officers", "auditors", "party-committee",
            "meeting-secretaries");
    private static final Set<String> ADOPTED = Set.of("ADOPTED", "PARTLY_ADOPTED");

    private final CaseService cases;
    private final OpinionAdoption opinions;
    private final DecisionCatalogs catalogs;
    /** Added when a publication's working days run over a year whose holiday notice is not entered yet. */
    static final String PROVISIONAL_NOTE = "“按期公布”的判断涉及 %s 年的工作日，该年国务院节假日安排尚未录入，暂按周末和法定节假日计算，"
            + "录入后以正式安排为准。";

    private final Deadlines deadlines;
    private final ProcedurePolicy policy;
    private final ObjectProvider<AfterDecisionStatistics> afterDecision;
    private final StatusChangeRecords statusChanges;
    private final OptionLabels labels;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String government;

    AnnualReports(CaseService cases, OpinionAdoption opinions, DecisionCatalogs catalogs, Deadlines deadlines,
            ProcedurePolicy policy, ObjectProvider<AfterDecisionStatistics> afterDecision,
            StatusChangeRecords statusChanges, OptionLabels labels, ObjectMapper mapper, Clock clock,
            @Value("${app.government:银湖镇人民政府}") String government) {
        this.cases = cases;
        this.opinions = opinions;
        this.catalogs = catalogs;
        this.deadlines = deadlines;
        this.policy = policy;
        this.statusChanges = statusChanges;
        this.labels = labels;
        this.afterDecision = afterDecision;
        this.mapper = mapper;
        this.clock = clock;
        this.government = government;
    }

    public AnnualReport report(int year, Actor reader) {
        if (!reader.isInAny(READERS)) {
            throw DomainException.forbidden("ROLE_REQUIRED", "您的岗位无权查阅决策年度统计。");
        }
        int nextYear = LocalDate.now(clock.withZone(AnnualStatistics.CHINA)).getYear() + 1;
        if (year < FIRST_YEAR || year > nextYear) {
            throw DomainException.invalid(List.of(new FieldViolation("year", "YEAR_OUT_OF_RANGE",
                    "年度须在 %d 至 %d 年之间。".formatted(FIRST_YEAR, nextYear))));
        }
        List<ReportFacts.CaseFacts> facts = new ArrayList<>();
        for (DecisionCase decisionCase : cases.everyCase()) {
            facts.add(facts(decisionCase));
        }
        TimeLimit publicationLimit = TimeLimit.workingDays(policy.publicationWorkingDays());
        AfterDecisionStatistics after = afterDecision.getIfAvailable();
        ReportFacts all = new ReportFacts(facts, catalog(year, reader), after == null ? null : after.of(year),
                after == null ? List.of() : statusChanges.all());
        WorkingDayCalendar.Lookup days = deadlines.lookup();
        SortedSet<Integer> provisionalYears = new TreeSet<>();
        AnnualReport report = AnnualStatistics.compute(government, year, clock.instant(), all, decided -> {
            LocalDate last = deadlines.lastDay(decided, publicationLimit);
            for (int y = decided.getYear(); y <= last.getYear(); y++) {
                if (days.isProvisional(y)) {
                    provisionalYears.add(y);
                }
            }
            return last;
        }, policy.publicationWorkingDays(), labels);
        if (provisionalYears.isEmpty()) {
            return report;
        }
        // the on-time judgement of a publication rests on a year whose holiday notice is not entered yet: say so
        List<String> notes = new ArrayList<>(report.notes());
        notes.add(PROVISIONAL_NOTE.formatted(provisionalYears.stream().map(String::valueOf)
                .collect(Collectors.joining("、"))));
        return new AnnualReport(report.government(), report.year(), report.computedAt(), report.metrics(), notes,
                report.publicationWorkingDays());
    }

    private ReportFacts.CaseFacts facts(DecisionCase decisionCase) {
        List<ReportFacts.Record> records = cases.records(decisionCase.getId()).stream()
                .map(r -> new ReportFacts.Record(r.getId(), r.getStage().name(), r.getTaskKey(), r.getFormKey(),
                        r.getCompletedAt(), parse(r.getPayload())))
                .toList();
        List<ReportFacts.Skip> skips = cases.skips(decisionCase.getId()).stream()
                .map(s -> new ReportFacts.Skip(s.getStage().name(), s.getSkippedAt(),
                        s.basis().map(b -> b.code().name()).orElse(null))).toList();
        boolean consulted = records.stream().anyMatch(r -> "publish-consultation-notice".equals(r.formKey()));
        ReportFacts.Opinions counted = ReportFacts.Opinions.NONE;
        if (consulted) {
            OpinionAdoption.AdoptionTable table = opinions.table(decisionCase);
            long adopted = table.rows().stream().filter(row -> row.adoption() != null && ADOPTED.contains(row.adoption()))
                    .mapToLong(OpinionAdoption.Row::count).sum();
            counted = new ReportFacts.Opinions(table.received(), table.published(), adopted);
        }
        return new ReportFacts.CaseFacts(decisionCase.getNumber(), decisionCase.getFiledAt(),
                decisionCase.getStatus().name(), decisionCase.getClosedAt(), decisionCase.getCatalogItem(), records,
                skips, counted);
    }

    /** The items of the year's catalog once the party committee has agreed to it; a draft plans nothing yet. */
    private ReportFacts.CatalogFacts catalog(int year, Actor reader) {
        DecisionCatalogs.CatalogView view = catalogs.find(year, reader).orElse(null);
        if (view == null) {
            return ReportFacts.CatalogFacts.NONE;
        }
        if ("DRAFT".equals(view.status().code())) {
            return ReportFacts.CatalogFacts.NONE;
        }
        return new ReportFacts.CatalogFacts(true, view.items().stream()
                .map(i -> new ReportFacts.Item(i.number(), i.plannedCompletion())).toList());
    }

    private JsonNode parse(String json) {
        try {
            return json == null ? mapper.createObjectNode() : mapper.readTree(json);
        } catch (JsonProcessingException e) {
            return mapper.createObjectNode();
        }
    }
}
