package cn.majordecision.web.pages.admin;

import cn.majordecision.calendar.Deadlines;

import cn.majordecision.calendar.WorkingDayCalendar;
import cn.majordecision.expertreview.ExpertPool;
import cn.majordecision.identity.ApiTokens;
import cn.majordecision.identity.Groups;
import cn.majordecision.identity.UserAdministration;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The administrators' pages: users and groups, the expert pool, the working-day calendar and the settings in force.
 * Reads go through the services the admin API uses; every change is a form sent to that API.
 */
@Controller
class AdminPages {

    /** The settings an administrator is shown, in the order of the procedure; read from the running configuration. */
    static final List<String> SETTINGS = List.of("app.government", "app.case-number-prefix",
            "app.party-committee-before-meeting", "app.consultation.minimum-days",
            "app.consultation.hearing-materials-days", "app.expert-review.minimum-experts", "app.legality-review.minimum-working-days",
            "app.meeting.quorum", "app.meeting.leadership",
            "app.meeting.max-deferral", "app.deadlines.default-limit", "app.deadlines.remind-before-working-days",
            "app.calendar.roll-to-working-day", "app.documents.max-size", "app.consultation.opinions.max-chars",
            "app.consultation.opinions.attachment-max-size", "app.login.account-failures", "app.login.window",
            "app.execution.report-interval-months");

    private final UserAdministration administration;
    private final ExpertPool experts;
    private final WorkingDayCalendar calendar;
    private final Environment environment;
    private final Clock clock;

    AdminPages(UserAdministration administration, ExpertPool experts, WorkingDayCalendar calendar,
            Environment environment, Clock clock) {
        this.administration = administration;
        this.experts = experts;
        this.calendar = calendar;
        this.environment = environment;
        this.clock = clock;
    }

    /** Every administrator's page says which year's holiday notice is still to be entered (from 1 November). */
    @ModelAttribute("awaitingNotice")
    List<Integer> awaitingNotice() {
        return calendar.yearsAwaitingNotice();
    }

    @GetMapping("/app/admin")
    String start(Actor actor) {
        requireAdmin(actor);
        return "redirect:/app/admin/users";
    }

    @GetMapping("/app/admin/users")
    String users(Actor actor, Model model) {
        model.addAttribute("accounts", administration.list(actor)); // administrators only, as the API
        model.addAttribute("groups", Groups.ALL);
        return "admin/users";
    }

    @GetMapping("/app/admin/experts")
    String experts(Actor actor, Model model) {
        requireAdmin(actor); // officers and heads read the pool through the API, but keep it here only
        model.addAttribute("experts", experts.list(actor));
        return "admin/experts";
    }

    @GetMapping("/app/admin/calendar")
    String calendar(@RequestParam(required = false) Integer year, Actor actor, Model model) {
        requireAdmin(actor);
        List<Integer> awaiting = calendar.yearsAwaitingNotice();
        // opens on the year whose notice is awaited, else this year
        int shown = year != null ? year : awaiting.isEmpty() ? Deadlines.dayOf(clock.instant()).getYear() : awaiting.get(0);
        model.addAttribute("year", shown);
        model.addAttribute("calendarYear", calendar.year(shown));
        return "admin/calendar";
    }

    @GetMapping("/app/admin/settings")
    String settings(Actor actor, Model model) {
        requireAdmin(actor);
        Map<String, String> values = new LinkedHashMap<>();
        SETTINGS.forEach(key -> values.put(key, environment.getProperty(key, "")));
        model.addAttribute("settings", values);
        model.addAttribute("tokenMaxHours", ApiTokens.MAX_VALIDITY.toHours());
        return "admin/settings";
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isIn("admins")) {
            throw DomainException.forbidden("ADMIN_ONLY", "只有系统管理员可以使用系统管理。");
        }
    }
}
