package com.caseflow.intake.calls.web;

import com.caseflow.events.webhook.WebhookSignature;
import com.caseflow.intake.calls.application.CallLog;
import com.caseflow.intake.calls.application.PhoneEventRequest;
import com.caseflow.intake.calls.application.PhoneProperties;
import com.caseflow.support.audit.AccessAudit;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.security.Staff;
import com.caseflow.support.security.StaffRateLimiter;
import com.caseflow.support.web.RequestJson;
import com.caseflow.support.webhook.SignatureRefusal;
import com.caseflow.support.webhook.SignedRequests;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

@RestController
@RequestMapping("/api/v1/phone")
@Tag(name = "Phone platform", description = "Call events pushed by the contact-centre platform, and the calls")
class PhoneEventController {

    private static final String PROBLEM = "urn:caseflow:problem:";

    private final SignedRequests signatures;
    private final CallLog calls;
    private final JsonMapper requests;
    private final RateLimiter limiter;
    private final StaffRateLimiter staffLimit;
    private final AccessAudit audit;
    private final MeterRegistry meters;
    private final Clock clock;

    PhoneEventController(SignedRequests phoneSignatures, CallLog calls, JsonMapper json, PhoneProperties properties,
                         StaffRateLimiter staffLimit, AccessAudit audit, MeterRegistry meters, Clock clock) {
        this.signatures = phoneSignatures;
        this.calls = calls;
        this.requests = RequestJson.strict(json);
        this.limiter = RateLimiter.of("phone-events", RateLimiterConfig.custom()
                .limitForPeriod(properties.eventsPerSecond()).limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO).build());
        this.staffLimit = staffLimit;
        this.audit = audit;
        this.meters = meters;
        this.clock = clock;
    }

    /** The answer to an accepted event. */
    record EventReceipt(String eventId, String callId, boolean duplicate) {
    }

    @Operation(summary = "A call event of the phone platform (呼叫事件)",
            description = "No bearer token: the request is signed (X-CaseFlow-Timestamp, X-CaseFlow-Signature = "
                    + "sha256=HMAC-SHA256(secret, timestamp + \".\" + body)). 202 when applied, 200 with duplicate=true "
                    + "for an event id applied before, 401 for an unsigned, stale, forged or replayed request, 400 "
                    + "naming each bad field.")
    @PostMapping(path = "/events", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> event(@RequestBody(required = false) byte[] sent,
                            @RequestHeader(name = WebhookSignature.TIMESTAMP_HEADER, required = false) String timestamp,
                            @RequestHeader(name = WebhookSignature.SIGNATURE_HEADER, required = false) String signature,
                            HttpServletRequest http) {
        byte[] body = sent == null ? new byte[0] : sent;
        SignedRequests.Verdict verdict = signatures.check(timestamp, signature, body);
        if (!verdict.accepted()) {
            count("UNKNOWN", "refused", verdict.name().toLowerCase(Locale.ROOT));
            return SignatureRefusal.answer(verdict, "Call event not authenticated", http.getRequestURI());
        }
        if (!limiter.acquirePermission()) {
            signatures.release(signature);
            count("UNKNOWN", "refused", "rate_limited");
            ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                    "More call events this second than intake takes; nothing was done. Retry shortly.",
                    http.getRequestURI());
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "1")
                    .body(problem);
        }
        PhoneEventRequest request;
        try {
            request = requests.readValue(body, PhoneEventRequest.class);
        } catch (JacksonException e) {
            count("UNKNOWN", "refused", "invalid");
            throw new HttpMessageNotReadableException("call event not readable", e, message(body));
        }
        if (request == null) {
            count("UNKNOWN", "refused", "invalid");
            throw new HttpMessageNotReadableException("call event is JSON null", message(body));
        }
        CallLog.Received received;
        try {
            received = calls.receive(request);
        } catch (InvalidRequestException e) {
            count("UNKNOWN", "refused", "invalid");
            throw e;
        } catch (DataAccessException e) {
            // nothing was applied: the platform's retry of this very request must not count as a replay
            signatures.release(signature);
            throw e;
        }
        count(received.type().name(), received.duplicate() ? "duplicate" : "accepted", "none");
        EventReceipt receipt = new EventReceipt(received.eventId(), received.callId(), received.duplicate());
        return ResponseEntity.status(received.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(receipt);
    }

    @Operation(summary = "One call (来电)",
            description = "For the agent it rang at, answered it or was passed it, and for supervisors, managers and "
                    + "administrators (who also see the recording); 404 for anyone else.")
    @GetMapping("/calls/{callId}")
    CallView call(@PathVariable String callId, Authentication login) {
        Staff reader = Staff.of(login);
        staffLimit.acquireRead(reader);
        return calls.call(callId, reader)
                .map(call -> {
                    if (call.caller() != null) {
                        audit.customerRead(reader, "call-read", call.caller(), call.callId());
                    }
                    return CallView.of(call, clock.getZone(), reader.seesFullPhoneNumbers(),
                            CallLog.seesEveryCall(reader));
                })
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No call with this id."));
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(PROBLEM + type));
        problem.setTitle(title);
        problem.setInstance(URI.create(path));
        return problem;
    }

    private void count(String type, String outcome, String reason) {
        meters.counter("caseflow.phone.events", "type", type, "outcome", outcome, "reason", reason).increment();
    }

    private static HttpInputMessage message(byte[] body) {
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return HttpHeaders.EMPTY;
            }
        };
    }
}
