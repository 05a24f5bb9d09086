package cn.majordecision.audit.web;

import cn.majordecision.audit.AuditEntry;
import cn.majordecision.audit.AuditLog;
import cn.majordecision.audit.Checkpoint;
import cn.majordecision.audit.Proofs;
import cn.majordecision.audit.Verification;
import cn.majordecision.shared.Actor;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Auditors read the log, take signed checkpoints, fetch proofs and have the whole log verified. */
@RestController
@Validated
@RequestMapping(path = "/api/audit", produces = "application/json")
class AuditController {

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/entries")
    List<AuditEntry> entries(@RequestParam(required = false) @Size(max = 32, message = "编号最多 32 个字。") String caseNumber,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "起始序号不能为负数。") long from,
            @RequestParam(defaultValue = "100") @Min(value = 1, message = "每次至少查询 1 条。")
            @Max(value = 500, message = "每次最多查询 500 条。") int limit, Actor actor) {
        if (caseNumber != null) {
            return log.entriesOfCase(caseNumber, actor);
        }
        return log.entries(from, limit, actor);
    }

    @PostMapping("/checkpoints")
    @ResponseStatus(HttpStatus.CREATED)
    Checkpoint issueCheckpoint(Actor actor) {
        return log.issueCheckpoint(actor);
    }

    @GetMapping("/checkpoints/latest")
    Checkpoint latestCheckpoint(Actor actor) {
        return log.latestCheckpoint(actor);
    }

    @GetMapping("/proofs/inclusion")
    Proofs.Inclusion inclusion(@RequestParam long leafIndex, @RequestParam long treeSize, Actor actor) {
        return log.inclusionProof(leafIndex, treeSize, actor);
    }

    @GetMapping("/proofs/consistency")
    Proofs.Consistency consistency(@RequestParam long from, @RequestParam long to, Actor actor) {
        return log.consistencyProof(from, to, actor);
    }

    @GetMapping("/verification")
    Verification verify(Actor actor) {
        return log.verify(actor);
    }
}
