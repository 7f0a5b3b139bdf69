package com.caseflow.console.agent;

import com.caseflow.console.services.IntakeViews;
import com.caseflow.console.services.Services;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;

/**
 * An agent's day so far (我的今日): the contacts they recorded today, and the two figures they are scored on, counted
 * from those contacts as they stand now — evaluation's reports remain the figures of record, a few moments behind.
 */
@Controller
@PreAuthorize("hasRole('AGENT')")
class MyDayController {

    private final Services services;

    MyDayController(Services services) {
        this.services = services;
    }

    /** Shares of the day, null when there is nothing to divide by. */
    public record Figures(int contacts, int calls, int visits, Double answeredWithinThreeRings,
                          Double firstContactResolution) {

        static Figures of(List<IntakeViews.Contact> contacts) {
            List<IntakeViews.Contact> calls = contacts.stream().filter(c -> c.call() != null).toList();
            long inThreeRings = calls.stream().filter(c -> c.call().answeredWithinThreeRings()).count();
            long settled = contacts.stream().filter(IntakeViews.Contact::settledAtFirstContact).count();
            return new Figures(contacts.size(), calls.size(), contacts.size() - calls.size(),
                    calls.isEmpty() ? null : (double) inThreeRings / calls.size(),
                    contacts.isEmpty() ? null : (double) settled / contacts.size());
        }
    }

    @GetMapping("/my-day")
    String myDay(Model model) {
        List<IntakeViews.Contact> contacts = List.of(services.intake().call(client -> client.get()
                .uri("/api/v1/contacts/mine").retrieve().body(IntakeViews.Contact[].class)));
        model.addAttribute("contacts", contacts);
        model.addAttribute("figures", Figures.of(contacts));
        return "my-day";
    }
}
