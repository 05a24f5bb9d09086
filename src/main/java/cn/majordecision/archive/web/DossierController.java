package cn.majordecision.archive.web;

import cn.majordecision.archive.Dossiers;
import cn.majordecision.shared.Actor;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The archive dossier of an archived case, for auditors and archivists. */
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
}
