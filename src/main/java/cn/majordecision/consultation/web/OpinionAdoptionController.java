package cn.majordecision.consultation.web;

import cn.majordecision.consultation.OpinionAdoption;
import cn.majordecision.consultation.OpinionAdoption.AdoptionTable;
import cn.majordecision.shared.Actor;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The adoption table of a case's public opinions, for everyone who may read the case: it holds no personal data. */
@RestController
@RequestMapping("/api/cases/{number}/opinion-adoption")
class OpinionAdoptionController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final OpinionAdoption adoption;

    OpinionAdoptionController(OpinionAdoption adoption) {
        this.adoption = adoption;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    AdoptionTable table(@PathVariable String number, Actor reader) {
        return adoption.table(number, reader);
    }

    @GetMapping(path = "/csv")
    ResponseEntity<byte[]> csv(@PathVariable String number, Actor reader) {
        AdoptionTable table = adoption.table(number, reader);
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(table.caseNumber() + "-opinion-adoption.csv").build().toString())
                .body(adoption.csv(table));
    }
}
