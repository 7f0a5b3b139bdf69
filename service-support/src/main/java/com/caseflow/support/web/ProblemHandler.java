package com.caseflow.support.web;

import com.caseflow.support.calendar.UnknownCalendarException;
import com.caseflow.support.logging.OutageLog;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.problem.RequestRefusedException;
import com.caseflow.support.security.StaffRateLimiter;
import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.math.BigInteger;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every error leaves as an RFC 9457 problem document. Client mistakes are 4xx naming each bad field, never a 500;
 * no message repeats the value that was sent, so personal data never ends up in error responses.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final String TYPE = "urn:caseflow:problem:";
    /** The circuit breaker in front of the store: {@link StoreBreaker}. */
    public static final String STORE_BREAKER = "mongo";
    private static final String RETRY_AFTER_SECONDS = "5";

    /** Every request answered 503 for the store would be a line of its own during an outage: summarised instead. */
    private final OutageLog storeOutage;

    public ProblemHandler(Clock clock) {
        this.storeOutage = new OutageLog(log, "API requests", clock);
    }

    /** A request was answered with the store answering: the end of an outage, if one was under way. */
    void storeAnswered() {
        storeOutage.succeeded();
    }

    static ProblemDetail tooLarge(long limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than " + limit + " bytes.");
        problem.setType(URI.create(TYPE + "body-too-large"));
        problem.setTitle("Request body too large");
        return problem;
    }

    static ProblemDetail invalid(List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                problems.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", ",
                        problems.size() == 1 ? "Invalid field: " : "Invalid fields: ", ".")));
        problem.setType(URI.create(TYPE + "invalid-request"));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", problems);
        return problem;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException e) {
        return ResponseEntity.badRequest().body(invalid(e.problems()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(RequestRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setType(URI.create(TYPE + e.type()));
        problem.setTitle(e.title());
        return ResponseEntity.status(e.status()).body(problem);
    }

    /** The firewall's refusal of a parameter, raised only when the parameters are first read (a form body). */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The address, a parameter "
                + "or a header holds characters that are not accepted, such as control characters.");
        problem.setType(URI.create(TYPE + "rejected-request"));
        problem.setTitle("Request rejected");
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooManyRequests(StaffRateLimiter.TooManyRequestsException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests of this kind from this user in the last second; nothing was done. Retry shortly.");
        problem.setType(URI.create(TYPE + "rate-limited"));
        problem.setTitle("Too many requests");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
    }

    /**
     * The store is unreachable or frozen: whatever form that takes once the driver's short timeouts run out
     * (Spring's translations, the driver's own exceptions where they escape untranslated, the open circuit breaker
     * in front of the store). Answered at once with 503 and when to try again, never as a 500. The same list as
     * {@link OutageLog#storeAway}: what the store's breaker counts as the store away. Logged as an outage: one
     * line, repeats summarised, not one line per request.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            QueryTimeoutException.class, MongoTimeoutException.class, MongoSocketException.class,
            MongoConnectionPoolClearedException.class,
            MongoNotPrimaryException.class, MongoNodeIsRecoveringException.class})
    ResponseEntity<ProblemDetail> storeUnavailable(Exception e, Locale locale, HttpServletRequest request) {
        storeOutage.storeFailed(e);
        // what the store's circuit breaker counts as a failure of the store
        request.setAttribute(StoreBreaker.FAILURE, e);
        return storeUnavailable(locale);
    }

    /** An open circuit breaker: the store's ({@link StoreBreaker}) or another dependency's. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> breakerOpen(CallNotPermittedException e, Locale locale) {
        if (STORE_BREAKER.equals(e.getCausingCircuitBreakerName())) {
            storeOutage.storeFailed(e);
            return storeUnavailable(locale);
        }
        log.warn("Answered 503, circuit breaker open: {}", e.getCausingCircuitBreakerName());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "A service this request needs is unavailable; nothing was done. Retry shortly.");
        problem.setType(URI.create(TYPE + "dependency-unavailable"));
        problem.setTitle("Service unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).body(problem);
    }

    private ResponseEntity<ProblemDetail> storeUnavailable(Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                detail(DataAccessResourceFailureException.class, locale,
                        "The data store is unavailable; the request may not have been carried out. Retry shortly."));
        problem.setType(URI.create(TYPE + "store-unavailable"));
        problem.setTitle("Service unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).body(problem);
    }

    /** A calendar this service has not received from routing yet: moments after a first start, or routing is away. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> calendarUnknown(UnknownCalendarException e) {
        log.warn("Answered 503: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "A business calendar needed for this request has not arrived from routing yet; nothing was done. "
                        + "Retry shortly.");
        problem.setType(URI.create(TYPE + "calendar-unknown"));
        problem.setTitle("Service unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged.");
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(problem);
    }

    /**
     * Malformed JSON, a wrong type for a field, text with a control character, or a body that outgrew the limit
     * while it was read. Requests are read strictly ({@link RequestJson}): the field is named, never its value.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge.limit()));
            }
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return field(path(unknown), "is not accepted: the field is unknown or set by the server (ids, times "
                        + "of receipt, the member of staff, who is taken from the login)");
            }
            if (cause instanceof RequestJson.ControlCharacterException control) {
                return field(path(control), ControlCharacters.MESSAGE);
            }
            if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                return field(path(mismatch), expected(mismatch));
            }
            if ((cause instanceof DatabindException || cause instanceof InputCoercionException)
                    && !((JacksonException) cause).getPath().isEmpty()) {
                return field(path((JacksonException) cause), "has the wrong type or format");
            }
            if (cause instanceof StreamReadException broken && !broken.getPath().isEmpty()
                    && !(broken instanceof UnexpectedEndOfInputException)) {
                return field(path(broken), "is not valid JSON here: an unescaped control character, a broken "
                        + "character or a malformed value");
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is missing or is not valid JSON.");
        problem.setType(URI.create(TYPE + "malformed-body"));
        problem.setTitle("Malformed request body");
        return ResponseEntity.badRequest().body(problem);
    }

    private static ResponseEntity<Object> field(String field, String message) {
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem(field, message))));
    }

    /** What the field should have been, from the type it is read into. */
    private static String expected(MismatchedInputException mismatch) {
        Class<?> type = mismatch.getTargetType();
        if (type == null) {
            return "has the wrong type or format";
        }
        if (type.isEnum()) {
            String values = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
            return values.length() <= 300 ? "must be one of " + values : "must be one of the documented values";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "must be text (a JSON string)";
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class
                || type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == BigInteger.class) {
            return "must be a whole number (a JSON number without a fraction)";
        }
        if (type.isPrimitive() && type != boolean.class || Number.class.isAssignableFrom(type)) {
            return "must be a number (a JSON number)";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type.getPackageName().equals("java.time") || java.util.Date.class.isAssignableFrom(type)) {
            return "must be a date or time as ISO-8601 text, e.g. 2026-11-27 or 2026-11-27T09:15:02+08:00";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be a list (a JSON array)";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "must be an object (a JSON object with the documented fields)";
        }
        return "has the wrong type or format";
    }
    /**
     * What to do after this failure depends on the service (retry with the same Idempotency-Key, for one), so a
     * service may word the detail under Spring's message code {@code problemDetail.<exception class>}.
     */
    private String detail(Class<? extends Exception> exception, Locale locale, String fallback) {
        MessageSource messages = getMessageSource();
        return messages == null ? fallback
                : messages.getMessage("problemDetail." + exception.getName(), null, fallback, locale);
    }

    static String path(JacksonException json) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : json.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ControlCharacters.visible(ref.getPropertyName()));
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
