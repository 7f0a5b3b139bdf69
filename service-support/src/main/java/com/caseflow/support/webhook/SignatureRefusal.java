package com.caseflow.support.webhook;

import com.caseflow.events.webhook.WebhookSignature;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.Locale;

/**
 * The one answer to a refused signed request: 401, a problem type per kind
 * ({@code urn:caseflow:problem:signature-unsigned}, {@code …-forged}, …) so the sender can tell a wrong secret from a
 * clock that drifted, and a {@code WWW-Authenticate} header naming the scheme and its headers.
 */
public final class SignatureRefusal {

    public static final String TYPE_PREFIX = "urn:caseflow:problem:signature-";
    public static final String CHALLENGE = "HMAC-SHA256 headers=\"" + WebhookSignature.TIMESTAMP_HEADER + " "
            + WebhookSignature.SIGNATURE_HEADER + "\"";

    private SignatureRefusal() {
    }

    /**
     * @param title    what was refused, e.g. "Call event not authenticated"
     * @param instance the request's path
     */
    public static ResponseEntity<ProblemDetail> answer(SignedRequests.Verdict verdict, String title, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail(verdict));
        problem.setType(type(verdict));
        problem.setTitle(title);
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                .body(problem);
    }

    public static URI type(SignedRequests.Verdict verdict) {
        refusal(verdict);
        return URI.create(TYPE_PREFIX + verdict.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    static String detail(SignedRequests.Verdict verdict) {
        return switch (refusal(verdict)) {
            case NO_SECRET -> "These requests are not taken: no shared secret is configured for their sender.";
            case UNSIGNED -> "The request carries no " + WebhookSignature.TIMESTAMP_HEADER + " or "
                    + WebhookSignature.SIGNATURE_HEADER + " header.";
            case MALFORMED -> "The signature headers are malformed: a Unix time in seconds, and sha256= with the "
                    + "hex HMAC-SHA256.";
            case STALE -> "The signature's timestamp is outside the accepted window; sign the request anew.";
            case FORGED -> "The signature does not match the body.";
            case REPLAYED -> "This signed request was taken already; a retry is signed anew.";
            case ACCEPTED -> throw new IllegalStateException("unreachable");
        };
    }

    private static SignedRequests.Verdict refusal(SignedRequests.Verdict verdict) {
        if (verdict == null || verdict.accepted()) {
            throw new IllegalArgumentException("not a refusal: " + verdict);
        }
        return verdict;
    }
}
