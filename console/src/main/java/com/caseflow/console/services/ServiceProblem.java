package com.caseflow.console.services;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A service's refusal (4xx or 5xx) as its RFC 9457 problem document says it: the console shows each bad field beside
 * the field, in the user's language, never the raw document.
 *
 * @param type   the problem's type without the {@code urn:caseflow:problem:} prefix ({@code invalid-request},
 *               {@code invalid-transition}, …), or {@code about:blank}
 * @param errors each bad field named by the service, with its (English) explanation
 */
public final class ServiceProblem extends RuntimeException {

    private final String service;
    private final int status;
    private final String type;
    private final List<FieldError> errors;

    public ServiceProblem(String service, int status, String type, String detail,
                          List<FieldError> errors) {
        super(service + " answered " + status + " " + type + ": " + detail);
        this.service = service;
        this.status = status;
        this.type = type == null ? "about:blank" : type;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public record FieldError(String field, String message) {
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public boolean conflict() {
        return status == 409 || status == 412;
    }

    /** The first message per field, by field name as the service named it. */
    public Map<String, String> byField() {
        return errors.stream().collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a));
    }
}
