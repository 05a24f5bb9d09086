package cn.majordecision.expertreview.web;

import cn.majordecision.expertreview.ExpertDraws;
import cn.majordecision.expertreview.ExpertDraws.DrawRequest;
import cn.majordecision.expertreview.ExpertDraws.DrawView;
import cn.majordecision.expertreview.ExpertIndependence;
import cn.majordecision.expertreview.ExpertIndependence.Declaration;
import cn.majordecision.expertreview.ExpertIndependence.DeclarationView;
import cn.majordecision.expertreview.ExpertIndependence.Replacement;
import cn.majordecision.expertreview.ExpertIndependence.ReplacementView;
import cn.majordecision.expertreview.ExpertRounds;
import cn.majordecision.expertreview.ExpertRounds.Closure;
import cn.majordecision.expertreview.ExpertRounds.ClosureView;
import cn.majordecision.shared.Actor;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Conflict declarations, replacement of an expert, random draws of experts, and closing a round early. */
@RestController
@Validated
class ExpertReviewController {

    private final ExpertIndependence independence;
    private final ExpertDraws draws;
    private final ExpertRounds rounds;

    ExpertReviewController(ExpertIndependence independence, ExpertDraws draws, ExpertRounds rounds) {
        this.independence = independence;
        this.draws = draws;
        this.rounds = rounds;
    }

    @PostMapping(path = "/api/cases/{number}/expert-round-closures", consumes = "application/json",
            produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    ClosureView closeRound(@PathVariable @Size(max = 32) String number, @RequestBody Closure closure, Actor officer) {
        return rounds.close(number, closure, officer);
    }

    @GetMapping(path = "/api/cases/{number}/expert-round-closures", produces = "application/json")
    List<ClosureView> roundClosures(@PathVariable @Size(max = 32) String number, Actor reader) {
        return rounds.closures(number, reader);
    }

    @PostMapping(path = "/api/tasks/{taskId}/conflict-declaration", consumes = "application/json",
            produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    DeclarationView declare(@PathVariable @Size(max = 64) String taskId, @RequestBody Declaration declaration,
            Actor expert) {
        return independence.declare(taskId, declaration, expert);
    }

    @PostMapping(path = "/api/tasks/{taskId}/expert-replacement", consumes = "application/json",
            produces = "application/json")
    ReplacementView replace(@PathVariable @Size(max = 64) String taskId, @RequestBody Replacement replacement,
            Actor officer) {
        return independence.replace(taskId, replacement, officer);
    }

    @GetMapping(path = "/api/cases/{number}/conflict-declarations", produces = "application/json")
    List<DeclarationView> declarations(@PathVariable String number, Actor reader) {
        return independence.declarations(number, reader);
    }

    @PostMapping(path = "/api/cases/{number}/expert-draws", consumes = "application/json",
            produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    DrawView draw(@PathVariable String number, @RequestBody DrawRequest request, Actor officer) {
        return draws.draw(number, request, officer);
    }

    @GetMapping(path = "/api/cases/{number}/expert-draws", produces = "application/json")
    List<DrawView> draws(@PathVariable String number, Actor reader) {
        return draws.list(number, reader);
    }
}
