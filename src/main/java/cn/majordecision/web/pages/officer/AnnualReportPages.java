package cn.majordecision.web.pages.officer;

import cn.majordecision.annualreport.AnnualReports;
import cn.majordecision.shared.Actor;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The annual report of decision-making: every number with the cases it counts, and the text and CSV downloads. */
@Controller
class AnnualReportPages {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final AnnualReports reports;
    private final Clock clock;

    AnnualReportPages(AnnualReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping("/app/reports/annual")
    String report(@RequestParam(required = false) Integer year, Actor actor, Model model) {
        int reportYear = year == null ? LocalDate.now(clock.withZone(CHINA)).getYear() : year;
        model.addAttribute("report", reports.report(reportYear, actor));
        model.addAttribute("year", reportYear);
        return "officer/annual-report";
    }
}
