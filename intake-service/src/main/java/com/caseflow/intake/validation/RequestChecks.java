package com.caseflow.intake.validation;

import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Collects every problem of one request before answering, so a client learns about all bad fields at once. Starts
 * with the Bean Validation constraints on the request and adds the checks that need parsing or other data.
 */
public final class RequestChecks {

    /** Clocks of agents' PCs and telephony drift; a little lead is not "in the future". */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    /** Contacts are recorded as they happen, or soon after from paper notes; older times are typing mistakes. */
    private static final Duration MAX_AGE = Duration.ofDays(30);

    private final List<FieldProblem> problems = new ArrayList<>();
    private final Clock clock;

    private RequestChecks(Clock clock) {
        this.clock = clock;
    }

    public static <T> RequestChecks of(T request, Validator validator, Clock clock) {
        RequestChecks checks = new RequestChecks(clock);
        validator.validate(request).stream()
                .sorted(Comparator.comparing((ConstraintViolation<T> v) -> v.getPropertyPath().toString()))
                .forEach(v -> checks.reject(v.getPropertyPath().toString().replace(".<list element>", ""),
                        v.getMessage()));
        return checks;
    }

    public void reject(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    public boolean hasProblem(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    /**
     * A date-time with offset ({@code 2026-11-27T09:15:02+08:00}), or without one, read as business time in the
     * clock's zone (Asia/Shanghai). Rejects values in the future or more than 30 days ago.
     */
    public Optional<Instant> time(String field, String value) {
        if (value == null || hasProblem(field)) {
            return Optional.empty();
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException withoutOffset) {
            try {
                instant = LocalDateTime.parse(value).atZone(clock.getZone()).toInstant();
            } catch (DateTimeException notATime) {
                reject(field, "must be an ISO-8601 date-time such as 2026-11-27T09:15:02+08:00");
                return Optional.empty();
            }
        }
        if (instant.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            reject(field, "must not be in the future");
            return Optional.empty();
        }
        if (instant.isBefore(clock.instant().minus(MAX_AGE))) {
            reject(field, "must be within the last " + MAX_AGE.toDays() + " days");
            return Optional.empty();
        }
        return Optional.of(instant);
    }

    /** The enum constant named by {@code value}; null when absent; a problem listing the allowed names otherwise. */
    public <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            reject(field, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", ")));
            return null;
        }
    }

    /** Throws when any problem was found. */
    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
