package com.caseflow.console.admin;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The configuration pages one may open, from the menu: each page checks again, and the services after it. */
@Controller
class ConfigurationController {

    @GetMapping("/admin")
    @PreAuthorize("principal.staff().configuration().any()")
    String index() {
        return "admin/index";
    }
}
