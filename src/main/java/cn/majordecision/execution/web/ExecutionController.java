package cn.majordecision.execution.web;

import cn.majordecision.execution.DecisionFeedbacks;
import cn.majordecision.execution.DecisionFeedbacks.OfficerFeedback;
import cn.majordecision.execution.Evaluations;
import cn.majordecision.execution.Evaluations.Evaluation;
import cn.majordecision.execution.ExecutionService;
import cn.majordecision.execution.ExecutionService.AmendmentInput;
import cn.majordecision.execution.ExecutionService.AnswerInput;
import cn.majordecision.execution.ExecutionService.ExecutionView;
import cn.majordecision.execution.ExecutionService.OrganDecisionInput;
import cn.majordecision.execution.ExecutionService.PlanInput;
import cn.majordecision.execution.ExecutionService.ReportInput;
import cn.majordecision.execution.ExecutionService.SuspensionInput;
import cn.majordecision.shared.Actor;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * After the decision: execution and its reports and their answers, evaluations, the head's suspension and the organ's
 * decision on it, and changes of the decision run as linked cases.
 */
@RestController
@RequestMapping("/api/cases/{number}")
class ExecutionController {

    private final ExecutionService execution;
    private final Evaluations evaluations;
    private final DecisionFeedbacks feedback;

    ExecutionController(ExecutionService execution, Evaluations evaluations, DecisionFeedbacks feedback) {
        this.execution = execution;
        this.evaluations = evaluations;
        this.feedback = feedback;
    }

    @GetMapping("/execution")
    ExecutionView view(@PathVariable String number, Actor reader) {
        return execution.view(number, reader);
    }

    @PutMapping("/execution")
    ExecutionView plan(@PathVariable String number, @RequestBody PlanInput input, Actor officer) {
        return execution.plan(number, input, officer);
    }

    @PostMapping("/execution/reports")
    ExecutionView report(@PathVariable String number, @RequestBody ReportInput input, Actor officer) {
        return execution.report(number, input, officer);
    }

    @GetMapping("/execution/feedback")
    List<OfficerFeedback> feedback(@PathVariable String number, Actor officer) {
        return feedback.list(number, officer);
    }

    @GetMapping("/evaluations")
    List<Evaluation> evaluations(@PathVariable String number, Actor reader) {
        return evaluations.list(number, reader);
    }

    @PostMapping("/evaluations")
    ResponseEntity<Evaluation> openEvaluation(@PathVariable String number, @RequestBody Evaluations.OpenInput input,
            Actor actor) {
        Evaluation opened = evaluations.open(number, input, actor);
        return ResponseEntity.created(URI.create("/api/cases/" + number + "/evaluations")).body(opened);
    }

    @PostMapping("/evaluations/{id}/report")
    Evaluation reportEvaluation(@PathVariable String number, @PathVariable Long id,
            @RequestBody Evaluations.ReportInput input, Actor actor) {
        return evaluations.report(number, id, input, actor);
    }

    @PostMapping("/execution/reports/{id}/answer")
    ExecutionView answer(@PathVariable String number, @PathVariable Long id, @RequestBody AnswerInput input,
            Actor head) {
        return execution.answer(number, id, input, head);
    }

    @PostMapping("/suspension")
    ExecutionView suspend(@PathVariable String number, @RequestBody SuspensionInput input, Actor head) {
        return execution.suspend(number, input, head);
    }

    @PostMapping("/suspension/organ-decision")
    ExecutionView organDecision(@PathVariable String number, @RequestBody OrganDecisionInput input,
            Actor secretary) {
        return execution.organDecision(number, input, secretary);
    }

    @PostMapping("/amendments")
    ResponseEntity<ExecutionView> amend(@PathVariable String number, @RequestBody AmendmentInput input,
            Actor officer) {
        ExecutionView view = execution.amend(number, input, officer);
        String linked = view.amendments().stream().filter(a -> "UNDER_PROCEDURE".equals(a.state()))
                .map(ExecutionService.Amendment::newCase).findFirst().orElseThrow();
        return ResponseEntity.created(URI.create("/api/cases/" + linked)).body(view);
    }

    /** Closed by Art. 37: the head alone does not lift a suspension; the organ decides. */
    @PostMapping("/suspension/lifting")
    ExecutionView lift(@PathVariable String number) {
        throw ExecutionService.bypassRefused("lifting");
    }

    /** Closed by Art. 37: a decision changes only through a linked case's procedure. */
    @PostMapping({"/adjustment", "/termination"})
    ExecutionView changeDirectly(@PathVariable String number) {
        throw ExecutionService.bypassRefused("change");
    }
}
