package cn.majordecision.web.pages.audit;

import cn.majordecision.archive.Dossiers;
import cn.majordecision.audit.AuditLog;
import cn.majordecision.audit.CaseTimeline;
import cn.majordecision.audit.Checkpoint;
import cn.majordecision.cases.CaseQuery;
import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.CaseStatus;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.cases.Stage;
import cn.majordecision.compliance.ComplianceService;
import cn.majordecision.identity.UserDirectory;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditors' pages: search cases and people, read a case's timeline and compliance report, verify the log. Every
 * read goes through the same service method (and so the same role check) as the audit API.
 */
@Controller
class AuditPages {

    private static final int PAGE_SIZE = 20;
    private static final int TEXT_MAX = 200;

    private final CaseService cases;
    private final CaseTimeline timeline;
    private final ComplianceService compliance;
    private final AuditLog log;
    private final UserDirectory users;
    private final Clock clock;
    private final Dossiers dossiers;

    AuditPages(CaseService cases, CaseTimeline timeline, ComplianceService compliance, AuditLog log,
            UserDirectory users, Clock clock, Dossiers dossiers) {
        this.dossiers = dossiers;
        this.clock = clock;
        this.cases = cases;
        this.timeline = timeline;
        this.compliance = compliance;
        this.log = log;
        this.users = users;
    }

    /** One person the people search found, with the cases they acted on and their latest entries. */
    record PersonResult(Actor person, List<CaseTimeline.ActedOn> cases, CaseTimeline.Page recent) {
    }

    @GetMapping("/app/audit")
    String search(@RequestParam(required = false) String number, @RequestParam(required = false) String title,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String stage,
            @RequestParam(required = false) String person, @RequestParam(defaultValue = "0") int page, Actor actor,
            Model model) {
        requireAuditor(actor);
        Stage stageFilter = Arrays.stream(Stage.values()).filter(s -> s.name().equals(stage)).findFirst().orElse(null);
        model.addAttribute("stages", Stage.values());
        model.addAttribute("number", clip(number));
        model.addAttribute("caseTitle", clip(title));
        model.addAttribute("unit", clip(unit));
        model.addAttribute("stage", stageFilter == null ? null : stageFilter.name());
        model.addAttribute("person", clip(person));
        Page<DecisionCase> found = cases.search(new CaseQuery(clip(number), clip(title), null, stageFilter, null, null,
                clip(unit)), PageRequest.of(Math.min(Math.max(page, 0), 100_000), PAGE_SIZE, Sort.by(Sort.Direction.DESC, "filedAt", "id")),
                actor);
        model.addAttribute("cases", found);
        String who = clip(person);
        if (who != null) {
            List<PersonResult> people = new ArrayList<>();
            for (Actor p : peopleNamed(who)) {
                people.add(new PersonResult(p, timeline.casesActedOnBy(p.userId(), actor),
                        timeline.search(p.userId(), null, null, null, null, 0, PAGE_SIZE, actor)));
            }
            model.addAttribute("people", people);
        }
        return "audit/search";
    }

    /** A person by user id, else everybody with that name; an unknown id is still searched (a removed account). */
    private List<Actor> peopleNamed(String text) {
        Optional<Actor> byId = users.find(text);
        if (byId.isPresent()) {
            return List.of(byId.get());
        }
        List<Actor> byName = users.findByName(text);
        return byName.isEmpty() ? List.of(new Actor(text, text, null, java.util.Set.of())) : byName;
    }

    @GetMapping("/app/audit/cases/{number}")
    String caseFile(@PathVariable String number, @RequestParam(required = false) String stage,
            @RequestParam(required = false) String actorFilter, @RequestParam(required = false) String eventType,
            Actor actor, Model model) {
        requireAuditor(actor);
        List<CaseTimeline.Event> events = timeline.ofCase(clipNumber(number), actor);
        DecisionCase decisionCase = cases.read(number, actor);
        String stageFilter = clip(stage);
        String who = clip(actorFilter);
        String type = clip(eventType);
        Map<String, String> actors = new LinkedHashMap<>();
        Map<String, String> stages = new LinkedHashMap<>();
        List<String> types = new ArrayList<>();
        for (CaseTimeline.Event e : events) {
            if (e.actor() != null) {
                actors.putIfAbsent(e.actor(), e.actorName());
            }
            if (e.stage() != null) {
                stages.putIfAbsent(e.stage(), e.stageLabel() == null ? e.stage() : e.stageLabel());
            }
            if (!types.contains(e.eventType())) {
                types.add(e.eventType());
            }
        }
        List<CaseTimeline.Event> shown = events.stream()
                .filter(e -> stageFilter == null || stageFilter.equals(e.stage()))
                .filter(e -> who == null || who.equals(e.actor()))
                .filter(e -> type == null || type.equals(e.eventType()))
                .toList();
        model.addAttribute("theCase", decisionCase);
        model.addAttribute("events", shown);
        model.addAttribute("eventCount", events.size());
        model.addAttribute("actors", actors);
        model.addAttribute("stageOptions", stages);
        model.addAttribute("types", types);
        model.addAttribute("stage", stageFilter);
        model.addAttribute("actorFilter", who);
        model.addAttribute("eventType", type);
        model.addAttribute("report", compliance.report(decisionCase.getNumber(), actor));
        model.addAttribute("archived", decisionCase.getStatus() == CaseStatus.ARCHIVED);
        List<Dossiers.Version> versions = dossiers.versions(decisionCase);
        model.addAttribute("dossiers", versions);
        model.addAttribute("latestDossier", versions.stream().filter(Dossiers.Version::ready).findFirst().orElse(null));
        model.addAttribute("dossierPending", versions.stream().anyMatch(Dossiers.Version::pending));
        return "audit/case";
    }

    @GetMapping("/app/audit/log")
    String logPage(Actor actor, Model model) {
        model.addAttribute("checkpoint", latestCheckpoint(actor));
        return "audit/log";
    }

    /** Runs the verification of the whole log (as {@code GET /api/audit/verification} does) and shows its result. */
    @GetMapping("/app/audit/log/verification")
    String verification(Actor actor, Model model) {
        model.addAttribute("verification", log.verify(actor));
        model.addAttribute("checkedAt", clock.instant());
        model.addAttribute("checkpoint", latestCheckpoint(actor));
        return "audit/log :: result";
    }

    private Checkpoint latestCheckpoint(Actor actor) {
        try {
            return log.latestCheckpoint(actor);
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                return null; // none issued yet: the page offers to issue one
            }
            throw e;
        }
    }

    private static void requireAuditor(Actor actor) {
        if (!actor.isIn("auditors")) {
            throw DomainException.forbidden("ROLE_REQUIRED", "只有审计人员可以使用审计查询。");
        }
    }

    private static String clip(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() > TEXT_MAX ? stripped.substring(0, TEXT_MAX) : stripped;
    }

    private static String clipNumber(String number) {
        if (number.length() > 32) {
            throw DomainException.notFound("CASE_NOT_FOUND", "未找到编号为 " + number.substring(0, 32) + " 的决策事项。");
        }
        return number;
    }
}
