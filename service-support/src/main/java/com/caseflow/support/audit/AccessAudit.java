package com.caseflow.intake.audit;

import com.caseflow.intake.contacts.domain.PhoneNumber;
import com.caseflow.support.security.Staff;
import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Who read which customer's records, and when. The customer is kept as a keyed hash of the number (to answer "who
 * looked at this customer?") and the masked number (for a reader), never the number itself. Written before the data
 * is returned: a read that cannot be audited is not served.
 */
@Component
public class AccessAudit {

    public static final String COLLECTION = "audit";

    public record Entry(String id, Instant at, String staffId, List<String> roles, String action,
                        String customerRef, String customerMasked, String contactId) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final SecretKeySpec key;

    public AccessAudit(MongoTemplate mongo, Clock clock, @Value("${caseflow.audit.customer-key}") String key) {
        this.mongo = mongo;
        this.clock = clock;
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    @Retry(name = "mongo")
    public void customerRead(Staff staff, String action, PhoneNumber customer, String contactId) {
        mongo.insert(new Entry(UUID.randomUUID().toString(), clock.instant(), staff.staffId(),
                staff.roles().stream().sorted().toList(), action, customerRef(customer.value()), customer.masked(),
                contactId), COLLECTION);
    }

    /** The value stored for a customer, so an auditor can find every read of one number. */
    public String customerRef(String normalisedPhone) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(normalisedPhone.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
