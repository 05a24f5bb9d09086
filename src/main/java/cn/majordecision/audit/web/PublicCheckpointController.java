package cn.majordecision.audit.web;

import cn.majordecision.audit.CheckpointFeed;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed checkpoints for everyone, without login: save them, and a rolled-back database shows as a fork. */
@RestController
class PublicCheckpointController {

    private final CheckpointFeed feed;

    PublicCheckpointController(CheckpointFeed feed) {
        this.feed = feed;
    }

    @GetMapping(path = "/api/public/audit/checkpoints", produces = "application/json")
    CheckpointFeed.Page checkpoints(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return feed.page(page, size);
    }
}
