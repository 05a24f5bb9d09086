package cn.majordecision.consultation.web;

import cn.majordecision.consultation.OpinionHandling;
import cn.majordecision.consultation.OpinionHandling.Answer;
import cn.majordecision.consultation.OpinionHandling.OpinionList;
import cn.majordecision.consultation.OpinionHandling.Screening;
import cn.majordecision.shared.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Officers' handling of the public opinions of a case. */
@RestController
@RequestMapping("/api/cases/{number}/opinions")
class OpinionHandlingController {

    private final OpinionHandling handling;

    OpinionHandlingController(OpinionHandling handling) {
        this.handling = handling;
    }

    @GetMapping
    OpinionList list(@PathVariable String number, Actor officer) {
        return handling.list(number, officer);
    }

    @PostMapping("/{receipt}/screening")
    OpinionList screen(@PathVariable String number, @PathVariable String receipt, @RequestBody Screening screening,
            Actor officer) {
        return handling.screen(number, receipt, screening, officer);
    }

    @PostMapping("/{receipt}/answer")
    OpinionList answer(@PathVariable String number, @PathVariable String receipt, @RequestBody Answer answer,
            Actor officer) {
        return handling.answer(number, receipt, answer, officer);
    }
}
