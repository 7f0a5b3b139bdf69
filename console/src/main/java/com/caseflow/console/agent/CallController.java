package com.caseflow.console.agent;

import com.caseflow.console.services.IntakeViews;
import com.caseflow.console.services.ServiceProblem;
import com.caseflow.console.services.ServiceUnavailable;
import com.caseflow.console.services.Services;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The call agent's screen (接电): the form with its checklist and ring timer; beside it the caller's history and
 * cases and the project's facts ({@link ContactPanelsController}), and where the recorded call went. Opened from the
 * screen pop ({@code ?callId=}) it is filled from the phone system's call: number, ring and answer times, marked
 * measured (实测); without the phone system it is the typed form, its times self-reported (自报).
 */
@Controller
@RequestMapping("/calls")
@PreAuthorize("hasRole('AGENT')")
class CallController {

    private static final Logger log = LoggerFactory.getLogger(CallController.class);

    private final AgentWork work;
    private final Services services;

    CallController(AgentWork work, Services services) {
        this.work = work;
        this.services = services;
    }

    @GetMapping("/new")
    String form(@RequestParam(required = false) String callId, @RequestParam(required = false) String phone,
                Model model) {
        CallForm form = new CallForm();
        if (phone != null && !phone.isBlank()) {
            // a missed call called back: the number is known, the times are the agent's
            form.setPhone(phone.strip());
        }
        if (callId != null && !callId.isBlank()) {
            fillFromPhoneSystem(form, callId.strip(), model);
        }
        model.addAttribute("form", form);
        work.formOptions(model);
        return "calls/new";
    }

    /**
     * The call as intake knows it from the phone platform. Unknown to intake, not this agent's, or intake away: the
     * form is the typed one and sends no call id, so intake counts the agent's own times as self-reported.
     */
    private void fillFromPhoneSystem(CallForm form, String callId, Model model) {
        try {
            IntakeViews.PhoneCall call = services.intake().call(client -> client.get()
                    .uri("/api/v1/phone/calls/{callId}", callId).retrieve().body(IntakeViews.PhoneCall.class));
            if (call == null) {
                model.addAttribute("callUnknown", true);
                return;
            }
            form.setCallId(call.callId() == null ? callId : call.callId());
            if (call.caller() != null) {
                form.setPhone(call.caller());
            }
            if (call.ringStartedAt() != null) {
                form.setRingStartedAt(call.ringStartedAt().toString());
            }
            if (call.answeredAt() != null) {
                form.setAnsweredAt(call.answeredAt().toString());
            }
        } catch (ServiceProblem problem) {
            log.info("Call {} not readable at intake ({}): the form is the typed one", callId, problem.status());
            model.addAttribute("callUnknown", true);
        } catch (ServiceUnavailable e) {
            model.addAttribute("callUnknown", true);
        }
    }

    @PostMapping
    String record(@ModelAttribute("form") CallForm form, Model model, HttpServletResponse response) {
        if (work.record("/api/v1/calls", form.getIdempotencyKey(), form.request(), model, response)) {
            model.addAttribute("form", new CallForm());
        }
        return "calls/new :: call-area";
    }
}
