package cn.majordecision.web.pages.officer;

import cn.majordecision.cases.CaseFlags;
import cn.majordecision.cases.FlagLabels;
import cn.majordecision.catalog.DecisionCatalogs;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The decision catalog of a year (Art. 3): items, approval by the party committee, publication, change requests. */
@Controller
class CatalogPages {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final DecisionCatalogs catalogs;
    private final Clock clock;

    CatalogPages(DecisionCatalogs catalogs, Clock clock) {
        this.catalogs = catalogs;
        this.clock = clock;
    }

    record Flag(String key, String label, boolean checked) {
    }

    @GetMapping("/app/catalog")
    String catalog(@RequestParam(required = false) Integer year, Actor actor, Model model) {
        int catalogYear = year == null ? LocalDate.now(clock.withZone(CHINA)).getYear() : year;
        // a year without a catalog yet is shown as such (officers start it by adding the first item)
        model.addAttribute("catalog", catalogs.find(catalogYear, actor).orElse(null));
        model.addAttribute("changes", changeRequests(catalogYear, actor));
        model.addAttribute("year", catalogYear);
        model.addAttribute("flags", CaseFlags.NONE.asVariables().keySet().stream()
                .map(k -> new Flag(k, FlagLabels.of(k), CaseFlags.DEFAULTS.value(k))).toList());
        return "officer/catalog";
    }

    private List<DecisionCatalogs.ChangeRequestView> changeRequests(int year, Actor actor) {
        try {
            return catalogs.changeRequests(year, actor);
        } catch (DomainException noCatalogOrNotForThisRole) {
            return List.of();
        }
    }
}
