package cn.majordecision.audit.web;

import cn.majordecision.audit.CaseTimeline;
import cn.majordecision.shared.Actor;
import cn.majordecision.identity.UserIds;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Auditors read a case's timeline and search every case's events by person, stage, event type and date. */
@RestController
@Validated
@RequestMapping(path = "/api/audit", produces = "application/json")
class TimelineController {

    private final CaseTimeline timeline;

    TimelineController(CaseTimeline timeline) {
        this.timeline = timeline;
    }

    @GetMapping("/cases/{number}/timeline")
    List<CaseTimeline.Event> ofCase(@PathVariable @Size(max = 32, message = "编号最多 32 个字。") String number,
            Actor actor) {
        return timeline.ofCase(number, actor);
    }

    @GetMapping("/timeline")
    CaseTimeline.Page search(
            @RequestParam(required = false) @Size(max = 100, message = "用户名最多 100 个字。") String actor,
            @RequestParam(required = false) @Size(max = 32, message = "阶段名最多 32 个字。") String stage,
            @RequestParam(required = false) @Size(max = 40, message = "事件类型最多 40 个字。") String eventType,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负数。")
            @Max(value = 100_000, message = "页码最大为 100000。") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少 1 条。")
            @Max(value = 200, message = "每页最多 200 条。") int size, Actor reader) {
        return timeline.search(UserIds.canonical(blankToNull(actor)), blankToNull(stage), blankToNull(eventType), from, to, page, size,
                reader);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
