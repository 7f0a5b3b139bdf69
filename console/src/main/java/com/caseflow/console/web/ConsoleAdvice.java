package com.caseflow.console.web;

import com.caseflow.console.security.Staff;
import com.caseflow.console.services.ServiceProblem;
import com.caseflow.console.services.ServiceUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page needs (who is signed in), and what a page shows when a service refuses or is away: a clear page or
 * banner, never a stack trace or a raw problem document.
 */
@ControllerAdvice
class ConsoleAdvice {

    private static final Logger log = LoggerFactory.getLogger(ConsoleAdvice.class);

    private final FieldMessages messages;

    ConsoleAdvice(FieldMessages messages) {
        this.messages = messages;
    }

    @ModelAttribute("staff")
    Staff staff() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Staff.StaffUser user
                ? user.staff() : null;
    }

    /**
     * The call a page records already (the call form opened from the screen pop): its pop stays out of that page.
     * Given to the layout as a model value, since templates may not read request parameters into attributes.
     */
    @ModelAttribute("popExcept")
    String popExcept(HttpServletRequest request) {
        String callId = request.getParameter("callId");
        return callId == null || callId.isBlank() ? null : callId;
    }

    @ExceptionHandler
    String unavailable(ServiceUnavailable e, HttpServletRequest request, HttpServletResponse response, Model model) {
        log.warn("{} unavailable for {} {}: {}", e.service(), request.getMethod(), request.getRequestURI(),
                e.getCause() == null ? "" : e.getCause().getClass().getSimpleName());
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        model.addAttribute("service", e.service());
        return fragmentRequest(request) ? "fragments/banner :: unavailable" : "unavailable";
    }

    @ExceptionHandler
    String refused(ServiceProblem e, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(e.status() == 403 || e.status() == 404 ? e.status() : 400);
        model.addAttribute("message", messages.form(e));
        if (fragmentRequest(request)) {
            return "fragments/banner :: refused";
        }
        return e.status() == 403 ? "forbidden" : "refused";
    }

    static boolean fragmentRequest(HttpServletRequest request) {
        return request.getHeader("HX-Request") != null;
    }
}
