package cn.majordecision.worklist.web;

import cn.majordecision.cases.CaseViews;
import cn.majordecision.shared.Actor;
import cn.majordecision.worklist.WorklistService;
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

    /** Checked after the caller is known to own the record: who may not correct it learns nothing from the checks. */
    record CorrectionRequest(String reason, Map<String, Object> data) {
    }

    @PostMapping(path = "/api/cases/{number}/records/{recordId}/corrections", consumes = "application/json",
            produces = "application/json")
    ResponseEntity<CaseViews.Correction> correct(@PathVariable @Size(max = 32) String number,
            @PathVariable Long recordId, @RequestBody CorrectionRequest request, Actor actor) {
        var correction = worklist.correct(number, recordId, actor, request.data(), request.reason());
        return ResponseEntity.created(URI.create("/api/cases/" + number)).body(CaseViews.correction(correction));
    }
}
