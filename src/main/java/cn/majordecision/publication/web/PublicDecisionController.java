package cn.majordecision.publication.web;

import cn.majordecision.publication.PublicDecisions;
import cn.majordecision.publication.PublicDecisions.PublishedDecision;
import cn.majordecision.publication.PublicDecisions.Summary;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The published decisions: no login, no personal data. */
@RestController
@RequestMapping("/api/public/decisions")
class PublicDecisionController {

    private final PublicDecisions decisions;

    PublicDecisionController(PublicDecisions decisions) {
        this.decisions = decisions;
    }

    @GetMapping
    List<Summary> published() {
        return decisions.published();
    }

    @GetMapping("/{number}")
    PublishedDecision decision(@PathVariable String number) {
        return decisions.decision(number);
    }

    @GetMapping(path = "/{number}/opinion-adoption/csv")
    ResponseEntity<byte[]> adoptionCsv(@PathVariable String number) {
        byte[] csv = decisions.adoptionCsv(number);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(number + "-opinion-adoption.csv").build().toString())
                .body(csv);
    }
}
