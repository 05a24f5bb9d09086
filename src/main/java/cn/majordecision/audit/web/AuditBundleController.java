package cn.majordecision.audit.web;

import cn.majordecision.audit.AuditBundles;
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

/** A case's audit bundle, for auditors and archivists, checkable offline. */
@RestController
@Validated
class AuditBundleController {

    private final AuditBundles bundles;

    AuditBundleController(AuditBundles bundles) {
        this.bundles = bundles;
    }

    @GetMapping(path = "/api/audit/cases/{number}/bundle", produces = {"application/zip", "application/problem+json"})
    ResponseEntity<byte[]> bundle(@PathVariable @Size(max = 32) String number, Actor actor) {
        byte[] zip = bundles.bundle(number, actor);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(number + "-audit-bundle.zip").build().toString())
                .body(zip);
    }
}
