package cn.majordecision.web.pages.portal;

import cn.majordecision.calendar.Deadlines;
import cn.majordecision.cases.CaseService;
import cn.majordecision.catalog.DecisionCatalogs;
import cn.majordecision.consultation.PublicConsultations;
import cn.majordecision.consultation.PublicConsultations.PublicConsultation;
import cn.majordecision.publication.PublicDecisions;
import cn.majordecision.publication.PublicDecisions.PublishedDecision;
import cn.majordecision.shared.DomainException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public pages, without sign-in: open consultations with their drafts and opinion forms (Arts. 14-16), the
 * published decisions with their adoption tables and status (Arts. 32, 37), and the published catalog (Art. 3). They
 * read through the same services as the public API; opinions and feedback are sent to that API by the forms, so its
 * validation, rate limit and audit apply unchanged.
 */
@Controller
@RequestMapping("/portal")
class PortalPages {

    private final PublicConsultations consultations;
    private final PublicDecisions decisions;
    private final DecisionCatalogs catalogs;
    private final CaseService cases;
    private final Clock clock;
    private final int maxOpinionChars;

    PortalPages(PublicConsultations consultations, PublicDecisions decisions, DecisionCatalogs catalogs,
            CaseService cases, Clock clock, @Value("${app.consultation.opinions.max-chars:5000}") int maxOpinionChars) {
        this.consultations = consultations;
        this.decisions = decisions;
        this.catalogs = catalogs;
        this.cases = cases;
        this.clock = clock;
        this.maxOpinionChars = maxOpinionChars;
    }

    /** A consultation as a line of the list: the public view does not name the unit, the case does. */
    record OpenConsultation(PublicConsultation consultation, String undertakingUnit, long daysLeft) {
    }

    @GetMapping
    String consultations(Model model) {
        LocalDate today = today();
        List<OpenConsultation> open = consultations.open().stream()
                .map(c -> new OpenConsultation(c, cases.get(c.caseNumber()).getUndertakingUnit(),
                        daysLeft(today, c.periodEnd())))
                .toList();
        model.addAttribute("consultations", open);
        return "portal/consultations";
    }

    @GetMapping("/consultations/{number}")
    String consultation(@PathVariable String number, Model model) {
        PublicConsultation consultation = consultations.consultation(number);
        model.addAttribute("c", consultation);
        model.addAttribute("undertakingUnit", cases.get(consultation.caseNumber()).getUndertakingUnit());
        model.addAttribute("daysLeft", daysLeft(today(), consultation.periodEnd()));
        model.addAttribute("maxChars", maxOpinionChars);
        model.addAttribute("notYetOpen", clock.instant().isBefore(consultation.opensAt().toInstant()));
        return "portal/consultation";
    }

    @GetMapping("/decisions")
    String decisions(Model model) {
        model.addAttribute("decisions", decisions.published());
        return "portal/decisions";
    }

    @GetMapping("/decisions/{number}")
    String decision(@PathVariable String number, Model model) {
        PublishedDecision decision = decisions.decision(number);
        model.addAttribute("d", decision);
        model.addAttribute("adjustingLink", adjustingLink(decision.adjustedByCase()));
        return "portal/decision";
    }

    @GetMapping("/catalog")
    String catalog(@RequestParam(required = false) Integer year, Model model) {
        int shown = year == null ? today().getYear() : year;
        model.addAttribute("year", shown);
        try {
            model.addAttribute("catalog", catalogs.publicCatalog(shown));
        } catch (DomainException notPublished) {
            // a year without a published catalog is an answer the person can act on (pick another year), not an error
            model.addAttribute("notice", notPublished.getMessage());
        }
        return "portal/catalog";
    }

    /** Where the public can follow the case that adjusts a decision: its publication, else its consultation. */
    private String adjustingLink(String caseNumber) {
        if (caseNumber == null) {
            return null;
        }
        try {
            decisions.decision(caseNumber);
            return "/portal/decisions/" + caseNumber;
        } catch (DomainException notPublished) {
            try {
                consultations.consultation(caseNumber);
                return "/portal/consultations/" + caseNumber;
            } catch (DomainException noConsultation) {
                return null;
            }
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Deadlines.CHINA));
    }

    /** Whole days after today until the last day (0: the last day is today, open until 24:00). */
    private static long daysLeft(LocalDate today, LocalDate periodEnd) {
        return Math.max(0, ChronoUnit.DAYS.between(today, periodEnd));
    }
}
