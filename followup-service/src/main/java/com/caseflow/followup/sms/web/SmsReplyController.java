package com.caseflow.followup.sms.web;

import com.caseflow.events.contact.Phones;
import com.caseflow.events.webhook.WebhookSignature;
import com.caseflow.followup.sms.application.CustomerReplies;
import com.caseflow.followup.sms.application.GatewaySignatures;
import com.caseflow.followup.sms.application.UnsignedRequestException;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Customers' replies to the texts, pushed by the SMS gateway. No bearer token: the gateway's HMAC signature is the
 * authentication, checked over the body exactly as it arrived, before the body is read.
 */
@RestController
@RequestMapping("/api/v1/sms/replies")
class SmsReplyController {

    private static final int MAX_TEXT = 1_000;

    private final GatewaySignatures signatures;
    private final CustomerReplies replies;
    private final JsonMapper json;

    SmsReplyController(GatewaySignatures signatures, CustomerReplies replies, JsonMapper json) {
        this.signatures = signatures;
        this.replies = replies;
        this.json = json;
    }

    /** 202 when new, 200 for a reply id seen before; 401 when unsigned, stale, forged or replayed. */
    @PostMapping
    ResponseEntity<Map<String, Object>> reply(
            @RequestHeader(name = WebhookSignature.TIMESTAMP_HEADER, required = false) String timestamp,
            @RequestHeader(name = WebhookSignature.SIGNATURE_HEADER, required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        signatures.check(timestamp, signature, raw);
        ReplyRequest request = read(raw);
        CustomerReplies.Received received = replies.receive(request.replyId(), request.from(), request.text(),
                request.receivedAt());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("replyId", received.reply().id());
        answer.put("duplicate", received.duplicate());
        return ResponseEntity.status(received.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(answer);
    }

    @ExceptionHandler
    ProblemDetail unsigned(UnsignedRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        problem.setType(URI.create("urn:caseflow:problem:unauthorized"));
        problem.setTitle("Unauthorized");
        return problem;
    }

    private record ReplyRequest(String replyId, String from, String text, Instant receivedAt) {
    }

    /** The gateway's fields, each checked by name; fields a gateway adds are ignored, as a vendor's push may grow. */
    private ReplyRequest read(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidRequestException(List.of(new FieldProblem("body", "must be a JSON object")));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRequestException(List.of(new FieldProblem("body", "must be a JSON object")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        String replyId = text(root, "replyId", 100, problems);
        String fromTyped = text(root, "from", 32, problems);
        String from = null;
        if (fromTyped != null) {
            from = Phones.normalised(fromTyped).filter(Phones::isMobile).orElse(null);
            if (from == null) {
                problems.add(new FieldProblem("from", "must be a mobile number"));
            }
        }
        String text = null;
        JsonNode textNode = root.get("text");
        if (textNode == null || !textNode.isString()) {
            problems.add(new FieldProblem("text", "must be text"));
        } else if (textNode.asString().length() > MAX_TEXT) {
            problems.add(new FieldProblem("text", "must be at most " + MAX_TEXT + " characters"));
        } else {
            text = textNode.asString();
        }
        Instant receivedAt = null;
        JsonNode at = root.get("receivedAt");
        if (at != null && !at.isNull()) {
            try {
                receivedAt = at.isString() ? Instant.parse(at.asString()) : null;
            } catch (DateTimeParseException e) {
                receivedAt = null;
            }
            if (receivedAt == null) {
                problems.add(new FieldProblem("receivedAt", "must be an ISO-8601 instant such as 2026-12-05T02:00:00Z"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new ReplyRequest(replyId, from, text, receivedAt);
    }

    private static String text(JsonNode root, String field, int max, List<FieldProblem> problems) {
        JsonNode node = root.get(field);
        if (node == null || !node.isString() || node.asString().isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        if (node.asString().length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
            return null;
        }
        return node.asString().strip();
    }
}
