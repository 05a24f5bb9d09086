package cn.majordecision.worklist.web;

import cn.majordecision.cases.CaseViews;
import cn.majordecision.shared.Actor;
import cn.majordecision.worklist.WorklistService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Corrections of recorded submissions: new records that point at what they correct. */
@RestController
@Validated
class RecordCorrectionController {

    private final WorklistService worklist;

    RecordCorrectionController(WorklistService worklist) {
        this.worklist = worklist;
    }

    record CorrectionRequest(
            @NotBlank(message = "请说明更正理由。") @Size(max = 2000, message = "更正理由最多 2000 个字。") String reason,
            @NotNull(message = "请提供更正后的完整表单内容。") Map<String, Object> data) {
    }

    @PostMapping(path = "/api/cases/{number}/records/{recordId}/corrections", consumes = "application/json",
            produces = "application/json")
    ResponseEntity<CaseViews.Correction> correct(@PathVariable @Size(max = 32) String number,
            @PathVariable Long recordId, @Valid @RequestBody CorrectionRequest request, Actor actor) {
        var correction = worklist.correct(number, recordId, actor, request.data(), request.reason().strip());
        return ResponseEntity.created(URI.create("/api/cases/" + number)).body(CaseViews.correction(correction));
    }
}
