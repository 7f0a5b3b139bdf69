package com.caseflow.console.cases;

import com.caseflow.console.services.IntakeViews;
import com.caseflow.console.services.ServiceProblem;
import com.caseflow.console.services.ServiceUnavailable;
import com.caseflow.console.services.Services;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A phone contact's call as intake keeps it, beside the contact on the case page of a supervisor or manager: where
 * its times came from (measured or self-reported) and the recording, which intake shows to them only.
 */
@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER')")
class ContactCallController {

    private final Services services;

    ContactCallController(Services services) {
        this.services = services;
    }

    @GetMapping("/cases/contacts/{contactId}/call")
    String call(@PathVariable String contactId, Model model) {
        try {
            model.addAttribute("contact", services.intake().call(client -> client.get()
                    .uri("/api/v1/contacts/{id}", contactId).retrieve().body(IntakeViews.Contact.class)));
        } catch (ServiceProblem | ServiceUnavailable e) {
            // a detail beside the contact: without it the case page is still whole
            return "cases/contact-call :: none";
        }
        return "cases/contact-call :: call";
    }
}
