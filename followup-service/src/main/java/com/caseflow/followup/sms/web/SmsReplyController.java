package com.caseflow.followup.sms.web;

import com.caseflow.events.contact.Phones;
import com.caseflow.events.webhook.WebhookSignature;
import com.caseflow.followup.sms.application.CustomerReplies;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.web.RequestJson;
import com.caseflow.support.webhook.SignatureRefusal;
import com.caseflow.support.webhook.SignedRequests;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Customers' replies to the texts, pushed by the SMS gateway. No bearer token: the gateway's HMAC signature is the
 * authentication, checked over the body exactly as it arrived, before the body is read. The body is then read as
 * strictly as any request (a field the contract does not define is refused, naming it).
 */
@RestController
@RequestMapping("/api/v1/sms/replies")
class SmsReplyController {

    private static final int MAX_TEXT = 1_000;

    private final SignedRequests signatures;
    private final CustomerReplies replies;
    private final JsonMapper strict;

    SmsReplyController(SignedRequests gatewaySignatures, CustomerReplies replies, JsonMapper json) {
        this.signatures = gatewaySignatures;
        this.replies = replies;
        this.strict = RequestJson.strict(json);
    }

    /** 202 when new, 200 for a reply id seen before; 401 when unsigned, stale, forged or replayed. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> reply(
            @RequestHeader(name = WebhookSignature.TIMESTAMP_HEADER, required = false) String timestamp,
            @RequestHeader(name = WebhookSignature.SIGNATURE_HEADER, required = false) String signature,
            @RequestBody(required = false) byte[] body, HttpServletRequest servlet) {
        byte[] raw = body == null ? new byte[0] : body;
        SignedRequests.Verdict verdict = signatures.check(timestamp, signature, raw);
        if (!verdict.accepted()) {
            return SignatureRefusal.answer(verdict, "SMS reply not authenticated", servlet.getRequestURI());
        }
        ReplyRequest request = read(raw, servlet);
        CustomerReplies.Received received;
        try {
            received = replies.receive(request.replyId(), request.from(), request.text(), request.receivedAt());
        } catch (DataAccessException e) {
            // the reply id makes the gateway's retry of this very request safe: it must not count as a replay
            signatures.release(signature);
            throw e;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("replyId", received.reply().id());
        answer.put("duplicate", received.duplicate());
        return ResponseEntity.status(received.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(answer);
    }

    /** The gateway's body, read as strictly as every request: unknown fields, wrong types, control characters. */
    record ReplyRequest(String replyId, String from, String text, Instant receivedAt) {
    }

    private ReplyRequest read(byte[] body, HttpServletRequest servlet) {
        ReplyRequest request;
        try {
            request = strict.readValue(body, ReplyRequest.class);
        } catch (JacksonException e) {
            // the problem handler names the field, as for any request body Spring reads
            throw new HttpMessageNotReadableException("unreadable reply", e, new ServletServerHttpRequest(servlet));
        }
        if (request == null) {
            throw new HttpMessageNotReadableException("no reply", new ServletServerHttpRequest(servlet));
        }
        List<FieldProblem> problems = new ArrayList<>();
        required("replyId", request.replyId(), 100, problems);
        String from = null;
        if (required("from", request.from(), 32, problems)) {
            from = Phones.normalised(request.from()).filter(Phones::isMobile).orElse(null);
            if (from == null) {
                problems.add(new FieldProblem("from", "must be a mobile number"));
            }
        }
        if (request.text() == null) {
            problems.add(new FieldProblem("text", "is required (may be empty)"));
        } else if (request.text().length() > MAX_TEXT) {
            problems.add(new FieldProblem("text", "must be at most " + MAX_TEXT + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new ReplyRequest(request.replyId().strip(), from, request.text(), request.receivedAt());
    }

    private static boolean required(String field, String value, int max, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
            return false;
        }
        if (value.length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
            return false;
        }
        return true;
    }
}
