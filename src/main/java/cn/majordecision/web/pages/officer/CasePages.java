package cn.majordecision.web.pages.officer;

import cn.majordecision.cases.CaseDiagrams;
import cn.majordecision.cases.CaseQuery;
import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.CaseStatus;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.cases.ProcessPath;
import cn.majordecision.cases.Stage;
import cn.majordecision.shared.Actor;
import cn.majordecision.worklist.DeadlineEntry;
import cn.majordecision.worklist.DeadlineReportService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The dashboard of a unit's cases by stage with their deadlines, and the process diagram of one case. */
@Controller
class CasePages {

    /** A dashboard shows a unit's work; a town files a few dozen cases a year. */
    private static final int MAX_CASES = 200;

    private final CaseService cases;
    private final DeadlineReportService deadlines;
    private final CaseDiagrams diagrams;

    CasePages(CaseService cases, DeadlineReportService deadlines, CaseDiagrams diagrams) {
        this.cases = cases;
        this.deadlines = deadlines;
        this.diagrams = diagrams;
    }

    /** One case on the dashboard: its open steps with the earliest deadline. */
    record Row(DecisionCase decisionCase, List<DeadlineEntry> steps, Instant due, Integer workingDaysLeft,
            boolean overdue, boolean dueProvisional) {
    }

    @GetMapping("/app/cases")
    String dashboard(@RequestParam(required = false) Stage stage,
            @RequestParam(required = false) CaseStatus status, Actor actor, Model model) {
        List<DecisionCase> visible = cases.search(new CaseQuery(null, null, status, null, null, null),
                PageRequest.of(0, MAX_CASES, Sort.by(Sort.Direction.DESC, "filedAt", "id")), actor).getContent();
        Set<String> numbers = visible.stream().map(DecisionCase::getNumber).collect(Collectors.toSet());
        // the report refuses heads (it is for officers and auditors); the cases they may read are already chosen above
        List<DeadlineEntry> open = actor.isInAny(Set.of("officers", "auditors"))
                ? deadlines.report(actor, null, null) : deadlines.entries(null, null);
        Map<String, List<DeadlineEntry>> byCase = open.stream().filter(e -> numbers.contains(e.caseNumber()))
                .collect(Collectors.groupingBy(DeadlineEntry::caseNumber, LinkedHashMap::new, Collectors.toList()));
        Map<Stage, Long> counts = new EnumMap<>(Stage.class);
        visible.forEach(c -> counts.merge(c.getStage(), 1L, Long::sum));
        List<Row> rows = new ArrayList<>();
        for (DecisionCase c : visible) {
            if (stage != null && c.getStage() != stage) {
                continue;
            }
            List<DeadlineEntry> steps = byCase.getOrDefault(c.getNumber(), List.of());
            DeadlineEntry first = steps.stream().filter(e -> e.task().due() != null)
                    .min(Comparator.comparing(e -> e.task().due())).orElse(null);
            rows.add(new Row(c, steps, first == null ? null : first.task().due(),
                    first == null ? null : first.workingDaysLeft(), steps.stream().anyMatch(DeadlineEntry::overdue),
                    first != null && first.dueProvisional()));
        }
        // overdue first, then the nearest deadline, then the rest as filed
        rows.sort(Comparator.comparing((Row r) -> !r.overdue())
                .thenComparing(Row::due, Comparator.nullsLast(Comparator.naturalOrder())));
        model.addAttribute("rows", rows);
        model.addAttribute("counts", counts);
        model.addAttribute("stages", Stage.values());
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("stage", stage);
        model.addAttribute("status", status);
        model.addAttribute("overdueCount", rows.stream().filter(Row::overdue).count());
        return "officer/cases";
    }

    /** The deployed BPMN model of the case's main process, for the diagram viewer. */
    @GetMapping(path = "/app/cases/{number}/diagram.bpmn")
    ResponseEntity<String> diagram(@PathVariable String number, Actor actor) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(diagrams.model(number, actor));
    }

    /** The activities the case has passed and the ones it is in now. */
    @GetMapping(path = "/app/cases/{number}/diagram-path", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ProcessPath path(@PathVariable String number, Actor actor) {
        return diagrams.path(number, actor);
    }
}
