package cn.majordecision.repair.web;

import cn.majordecision.repair.EngineRepair;
import cn.majordecision.repair.RepairAction;
import cn.majordecision.repair.RepairRequest;
import cn.majordecision.repair.RepairService;
import cn.majordecision.shared.Actor;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The engine operator's repairs of a live case (retry, resolve an incident, move a token back), each with a reason. */
@RestController
class RepairController {

    private final RepairService repairs;

    RepairController(RepairService repairs) {
        this.repairs = repairs;
    }

    record RepairView(Long id, RepairAction action, String actionLabel, String detail, String reason,
            String repairedBy, Instant repairedAt) {

        static RepairView of(EngineRepair repair) {
            return new RepairView(repair.getId(), repair.getAction(), repair.getAction().label(), repair.getDetail(),
                    repair.getReason(), repair.getRepairedBy(), repair.getRepairedAt());
        }
    }

    @PostMapping(path = "/api/cases/{number}/repairs", consumes = "application/json", produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    RepairView repair(@PathVariable String number, @RequestBody RepairRequest request, Actor actor) {
        return RepairView.of(repairs.repair(number, request, actor));
    }
}
