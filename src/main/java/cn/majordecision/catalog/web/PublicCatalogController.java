package cn.majordecision.catalog.web;

import cn.majordecision.catalog.DecisionCatalogs;
import cn.majordecision.catalog.DecisionCatalogs.PublicCatalog;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The published decision catalog, without login, as JSON and as CSV. No personal data. */
@RestController
@RequestMapping("/api/public/catalogs")
class PublicCatalogController {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final DecisionCatalogs catalogs;

    PublicCatalogController(DecisionCatalogs catalogs) {
        this.catalogs = catalogs;
    }

    @GetMapping(path = "/{year}", produces = "application/json")
    PublicCatalog catalog(@PathVariable int year) {
        return catalogs.publicCatalog(year);
    }

    @GetMapping("/{year}.csv")
    ResponseEntity<byte[]> csv(@PathVariable int year) {
        byte[] body = catalogs.csv(year);
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("decision-catalog-" + year + ".csv").build().toString())
                .body(body);
    }
}
