package com.caseflow.events.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An id or a code in an event (contact, case, agent, department, project, call…): at most 256 letters, digits and
 * visible ASCII characters (the phone platform's call ids may use any of those), no spaces, line breaks or control
 * characters. Null is allowed: whether a field must be present is the consumer's business.
 */
@Documented
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Size(max = 256)
@Pattern(regexp = "[\\p{L}\\p{N}\\x21-\\x7E]+")
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Identifier {

    String message() default "must be an id of at most 256 letters, digits and visible ASCII characters, no spaces";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
