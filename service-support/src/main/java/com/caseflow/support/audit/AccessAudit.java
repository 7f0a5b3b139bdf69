package com.caseflow.support.audit;

import com.caseflow.events.contact.Phones;
import com.caseflow.support.crypto.KeyedHash;
import com.caseflow.support.security.Staff;
import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who read which customer's records, and when. The customer is kept as a keyed hash of the number (to answer "who
 * looked at this customer?") and the masked number (for a reader), never the number itself. Written before the data
 * is returned: a read that cannot be audited is not served. Services that share the key
 * ({@code caseflow.audit.customer-key}) write the same hash for the same customer, so one number's reads can be
 * gathered across them.
 */
public class AccessAudit {

    public static final String COLLECTION = "audit";

    /**
     * @param contactId intake's contact read, when one was
     * @param recordId  another service's record that showed the customer: a case, a callback, a missed-call task
     *                  (the action says which kind)
     * @param results   how many records a lookup returned; absent for the read of one record
     * @param unmasked  whether the reader was shown the whole number; absent in entries written before 2026-12
     */
    public record Entry(String id, Instant at, String staffId, List<String> roles, String action,
                        String customerRef, String customerMasked, String contactId, Integer results,
                        String recordId, Boolean unmasked) {
    }

    /**
     * A customer a read put before a reader.
     *
     * @param recordId the record that showed them (a case id, a callback id…)
     * @param phone    their number as stored; read in its normal form ({@link Phones#normalised}) so that the same
     *                 customer gets the same reference in every service
     */
    public record Shown(String recordId, String phone) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final KeyedHash customers;

    public AccessAudit(MongoTemplate mongo, Clock clock, String key) {
        this.mongo = mongo;
        this.clock = clock;
        this.customers = new KeyedHash(key);
    }

    /** One customer's record read, or their records listed without a count. */
    @Retry(name = "mongo")
    public void customerRead(Staff staff, String action, String normalisedPhone, String contactId) {
        insert(staff, action, normalisedPhone, contactId, null);
    }

    /** A lookup of a customer's records that found {@code results} of them. */
    @Retry(name = "mongo")
    public void customerLookup(Staff staff, String action, String normalisedPhone, long results) {
        insert(staff, action, normalisedPhone, null, (int) Math.min(results, Integer.MAX_VALUE));
    }

    /**
     * The customers one read showed, one entry per customer and record, written in one batch before the read is
     * answered; nothing when it showed nobody.
     *
     * @param unmasked whether the reader saw whole numbers rather than masked ones
     */
    @Retry(name = "mongo")
    public void customersShown(Staff staff, String action, boolean unmasked, Collection<Shown> shown) {
        Instant at = clock.instant();
        List<String> roles = staff.roles().stream().sorted().toList();
        Map<List<String>, Entry> entries = new LinkedHashMap<>();
        for (Shown one : shown) {
            String number = one.phone() == null ? null : Phones.normalised(one.phone()).orElse(one.phone());
            entries.computeIfAbsent(Arrays.asList(one.recordId(), number), k -> new Entry(UUID.randomUUID().toString(),
                    at, staff.staffId(), roles, action, number == null ? null : customerRef(number),
                    Phones.masked(number), null, null, one.recordId(), unmasked));
        }
        if (!entries.isEmpty()) {
            mongo.insert(entries.values(), COLLECTION);
        }
    }

    private void insert(Staff staff, String action, String normalisedPhone, String contactId, Integer results) {
        mongo.insert(new Entry(UUID.randomUUID().toString(), clock.instant(), staff.staffId(),
                staff.roles().stream().sorted().toList(), action, customerRef(normalisedPhone),
                Phones.masked(normalisedPhone), contactId, results, null, null), COLLECTION);
    }

    /** The value stored for a customer, so an auditor can find every read of one number. */
    public String customerRef(String normalisedPhone) {
        return customers.of(normalisedPhone);
    }
}
