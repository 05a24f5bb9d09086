package cn.majordecision.web;

import cn.majordecision.shared.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page and the signed-in start page of the browser application. */
@Controller
class PageController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/app")
    String app(Actor actor, Model model) {
        model.addAttribute("actor", actor);
        return "app";
    }
}
