package org.factdesk.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form, and the front door that sends each person to where their work is. */
@Controller
class HomePages {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(Authentication me) {
        return "redirect:" + Viewer.of(me).landing();
    }
}
