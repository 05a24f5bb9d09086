package cn.majordecision.archive.web;

import cn.majordecision.archive.Dossiers;
import cn.majordecision.shared.Actor;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The archive dossiers of a case that ended, every version of them, for auditors and archivists. */
@RestController
@Validated
class DossierController {

    private final Dossiers dossiers;

    DossierController(Dossiers dossiers) {
        this.dossiers = dossiers;
    }

    @GetMapping(path = "/api/cases/{number}/dossier", produces = {"application/zip", "application/problem+json"})
    ResponseEntity<byte[]> dossier(@PathVariable @Size(max = 32) String number, Actor actor) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(number + "-dossier.zip").build().toString())
                .body(dossiers.dossier(number, actor));
    }

    /** Every version, newest first, with its status: pending, ready or failed (and why). */
    @GetMapping(path = "/api/cases/{number}/dossiers", produces = {"application/json", "application/problem+json"})
    List<Dossiers.Version> versions(@PathVariable @Size(max = 32) String number, Actor actor) {
        return dossiers.versions(number, actor);
    }

    @GetMapping(path = "/api/cases/{number}/dossiers/{version}", produces = {"application/zip", "application/problem+json"})
    ResponseEntity<byte[]> version(@PathVariable @Size(max = 32) String number,
            @PathVariable @Min(1) @Max(100_000) int version, Actor actor) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(number + "-dossier-v" + version + ".zip").build().toString())
                .body(dossiers.dossier(number, version, actor));
    }
}
