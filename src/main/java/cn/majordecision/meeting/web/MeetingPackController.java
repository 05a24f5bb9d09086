package cn.majordecision.meeting.web;

import cn.majordecision.meeting.MeetingPack;
import cn.majordecision.meeting.MeetingPackService;
import cn.majordecision.shared.Actor;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The meeting pack of a case (Art. 29). */
@RestController
@Validated
class MeetingPackController {

    private final MeetingPackService packs;

    MeetingPackController(MeetingPackService packs) {
        this.packs = packs;
    }

    @GetMapping(path = "/api/cases/{number}/meeting-pack", produces = "application/json")
    MeetingPack pack(@PathVariable @Size(max = 32) String number, Actor actor) {
        return packs.pack(number, actor);
    }
}
