package com.caseflow.console.web;

import com.caseflow.console.security.Staff;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/** The start page (each role's way in), the signed-out page and the page of a screen the user's role may not see. */
@Controller
class PagesController {

    @GetMapping("/")
    String home(@ModelAttribute("staff") Staff staff) {
        if (staff != null && staff.agent()) {
            return "redirect:/calls/new";
        }
        if (staff != null && staff.departmentStaff()) {
            return "redirect:/queue";
        }
        return "home";
    }

    @GetMapping("/signed-out")
    String signedOut() {
        return "signed-out";
    }

    /** Any method: a refused form post (no CSRF token) is forwarded here as the POST it was. */
    @RequestMapping("/forbidden")
    String forbidden(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "forbidden";
    }
}
