package cn.majordecision.web;

import cn.majordecision.identity.OidcUsers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page of the browser application. */
@Controller
class PageController {

    private final boolean oidc;

    PageController(ObjectProvider<OidcUsers> oidc) {
        this.oidc = oidc.getIfAvailable() != null;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("oidc", oidc);
        return "login";
    }
}
