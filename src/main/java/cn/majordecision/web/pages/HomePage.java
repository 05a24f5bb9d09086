package cn.majordecision.web.pages;

import cn.majordecision.web.SignedInActor;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Where a browser starts: the workspace for staff, the public portal for everyone else. */
@Controller
class HomePage {

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    String root() {
        return SignedInActor.current().isPresent() ? "redirect:/app" : "redirect:/portal";
    }

    @GetMapping("/app")
    String workspace() {
        return "pages/home";
    }
}
