package com.caseflow.console.calls;

import com.caseflow.console.security.Staff;
import com.caseflow.console.web.Times;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.UriComponentsBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The screen pop's stream: every page an agent has open listens to it (the page header), and the agent's own calls
 * appear there as they ring, are answered, hung up or over — with the caller's number, their contacts and cases (the
 * caller panel of the call form) and "answer and record", which opens the call form filled from the phone system.
 */
@Controller
@PreAuthorize("hasRole('AGENT')")
class CallPopController {

    private final LiveCalls live;
    private final ITemplateEngine templates;
    private final Times times;

    CallPopController(LiveCalls live, ITemplateEngine templates, Times times) {
        this.live = live;
        this.templates = templates;
        this.times = times;
    }

    @GetMapping(path = "/calls/pop", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter pop(@AuthenticationPrincipal Staff.StaffUser user, @RequestParam(required = false) String except,
                   HttpServletRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        String base = request.getContextPath();
        return live.agent(user.staff().staffId(), except, pop -> render(pop, locale, base));
    }

    /** Rendered on the consumer's thread for each page, in that page's language. */
    private String render(LiveCalls.Pop pop, Locale locale, String base) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("pop", pop);
        variables.put("ringAt", times.clock(pop.ringStartedAt()));
        variables.put("answerUrl", UriComponentsBuilder.fromPath(base + "/calls/new")
                .queryParam("callId", pop.callId()).encode().build().toUriString());
        variables.put("callerUrl", pop.caller() == null ? null : UriComponentsBuilder.fromPath(base + "/contacts/caller")
                .queryParam("phone", pop.caller()).encode().build().toUriString());
        String html = templates.process("calls/pop", Set.of("pop"), new Context(locale, variables));
        // one SSE data line: the markup's own line breaks would split the event
        return html.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
