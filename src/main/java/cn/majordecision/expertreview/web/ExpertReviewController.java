package cn.majordecision.expertreview.web;

import cn.majordecision.expertreview.ExpertDraws;
import cn.majordecision.expertreview.ExpertDraws.DrawRequest;
import cn.majordecision.expertreview.ExpertDraws.DrawView;
import cn.majordecision.expertreview.ExpertIndependence;
import cn.majordecision.expertreview.ExpertIndependence.Declaration;
import cn.majordecision.expertreview.ExpertIndependence.DeclarationView;
import cn.majordecision.expertreview.ExpertIndependence.Replacement;
import cn.majordecision.expertreview.ExpertIndependence.ReplacementView;
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

/** Conflict declarations, replacement of an expert, and random draws of experts for a case. */
@RestController
@Validated
class ExpertReviewController {

    private final ExpertIndependence independence;
    private final ExpertDraws draws;

    ExpertReviewController(ExpertIndependence independence, ExpertDraws draws) {
        this.independence = independence;
        this.draws = draws;
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
