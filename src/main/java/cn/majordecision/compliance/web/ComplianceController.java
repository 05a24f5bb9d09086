package cn.majordecision.compliance.web;

import cn.majordecision.compliance.ComplianceReport;
import cn.majordecision.compliance.ComplianceService;
import cn.majordecision.shared.Actor;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Auditors read a case's compliance report, article by article, and the list of cases with any violation. */
@RestController
@Validated
@RequestMapping(path = "/api/compliance", produces = "application/json")
class ComplianceController {

    private final ComplianceService compliance;

    ComplianceController(ComplianceService compliance) {
        this.compliance = compliance;
    }

    @GetMapping("/cases/{number}")
    ComplianceReport report(@PathVariable @Size(max = 32, message = "编号最多 32 个字。") String number, Actor actor) {
        return compliance.report(number, actor);
    }

    @GetMapping("/violations")
    List<ComplianceReport> violations(Actor actor) {
        return compliance.violations(actor);
    }
}
