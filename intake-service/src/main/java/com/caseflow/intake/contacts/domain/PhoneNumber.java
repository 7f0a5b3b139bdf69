package com.caseflow.intake.contacts.domain;

import com.caseflow.events.contact.Phones;

import java.util.Optional;

/**
 * A Chinese phone number in one of the forms customers give: a mobile (11 digits starting with 1), a landline with
 * its area code, or a 400/800 service line. Stored normalised ({@link Phones#normalised}, the rule every service
 * shares) so that a customer's history is found however the agent typed the number: {@code 13812345678},
 * {@code 021-58881234}, {@code 0571-8888123}, {@code 400-820-8820}.
 */
public record PhoneNumber(String value, Kind kind) {

    public enum Kind { MOBILE, LANDLINE, SERVICE_LINE }

    /** Parses what an agent typed; empty when it is not a Chinese mobile, landline or 400/800 number. */
    public static Optional<PhoneNumber> parse(String raw) {
        return Phones.normalised(raw).map(number -> new PhoneNumber(number,
                Phones.isMobile(number) ? Kind.MOBILE
                        : Phones.isServiceLine(number) ? Kind.SERVICE_LINE : Kind.LANDLINE));
    }

    /** 138****5678 for mobiles; landlines and service lines keep area code and last four digits. */
    public String masked() {
        return Phones.masked(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
