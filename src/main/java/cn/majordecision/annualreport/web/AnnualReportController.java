package cn.majordecision.annualreport.web;

import cn.majordecision.annualreport.AnnualReport;
import cn.majordecision.annualreport.AnnualReportText;
import cn.majordecision.annualreport.AnnualReports;
import cn.majordecision.shared.Actor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The annual statistics of decision-making: as JSON, as Chinese text for the rule-of-law report, and as CSV. */
@RestController
@RequestMapping("/api/reports/annual")
class AnnualReportController {

    private static final MediaType TEXT = new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8);
    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final AnnualReports reports;

    AnnualReportController(AnnualReports reports) {
        this.reports = reports;
    }

    @GetMapping(path = "/{year}", produces = MediaType.APPLICATION_JSON_VALUE)
    AnnualReport report(@PathVariable int year, Actor actor) {
        return reports.report(year, actor);
    }

    /** Plain text whatever the client accepts: it is pasted into a document, not parsed. */
    @GetMapping("/{year}/text")
    ResponseEntity<String> text(@PathVariable int year, Actor actor) {
        return ResponseEntity.ok().contentType(TEXT).body(AnnualReportText.text(reports.report(year, actor)));
    }

    @GetMapping(path = "/{year}/csv")
    ResponseEntity<byte[]> csv(@PathVariable int year, Actor actor) {
        byte[] body = AnnualReportText.csv(reports.report(year, actor));
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"annual-report-" + year + ".csv\"")
                .body(body);
    }
}
