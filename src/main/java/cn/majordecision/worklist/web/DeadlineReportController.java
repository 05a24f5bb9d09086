package cn.majordecision.worklist.web;

import cn.majordecision.cases.Stage;
import cn.majordecision.shared.Actor;
import cn.majordecision.worklist.DeadlineReportService;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deadline report: every open task with its due date and working days left, overdue first; then work owed outside
 * the engine (problem reports awaiting the organ's answer), which has no statutory due date.
 */
@RestController
@Validated
class DeadlineReportController {

    private final DeadlineReportService report;

    DeadlineReportController(DeadlineReportService report) {
        this.report = report;
    }

    record DeadlineItem(String taskId, String taskName, String taskKey, String stage, String stageLabel,
            String caseNumber, String caseTitle, String unit, String assignee, List<String> candidateGroups,
            Instant due, Integer workingDaysLeft, boolean overdue, boolean dueProvisional) {
    }

    @GetMapping(path = "/api/deadlines", produces = "application/json")
    List<DeadlineItem> deadlines(@RequestParam(required = false) Stage stage,
            @RequestParam(required = false) @Size(max = 100, message = "单位名称最多 100 个字。") String unit, Actor actor) {
        List<DeadlineItem> items = new ArrayList<>(report.report(actor, stage, unit).stream()
                .map(e -> new DeadlineItem(e.task().id(), e.task().name(), e.task().taskKey(), e.stage().name(),
                        e.stage().label(), e.caseNumber(), e.caseTitle(), e.unit(), e.task().assignee(),
                        e.task().candidateGroups(), e.task().due(), e.workingDaysLeft(), e.overdue(), e.dueProvisional()))
                .toList());
        // work owed outside the engine (a problem report awaiting its answer) has no due date: it comes last
        report.waiting(actor, stage, unit).forEach(w -> items.add(new DeadlineItem(w.work().id(), w.work().name(),
                w.work().kind(), "EXECUTION", w.work().stageLabel(), w.decisionCase().getNumber(),
                w.decisionCase().getTitle(), w.decisionCase().getUndertakingUnit(), null, w.work().candidateGroups(),
                null, null, false, false)));
        return items;
    }
}
