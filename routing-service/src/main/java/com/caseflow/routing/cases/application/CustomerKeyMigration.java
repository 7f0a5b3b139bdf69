package com.caseflow.routing.cases.application;

import com.caseflow.routing.cases.domain.Case;
import com.caseflow.routing.cases.domain.CaseContact;
import com.caseflow.routing.cases.persistence.CaseStore;
import com.caseflow.routing.cases.persistence.IncidentTracker;
import com.caseflow.routing.cases.persistence.RepeatIndex;
import com.caseflow.routing.cases.persistence.VersionedCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves the repeat keys and incident members of earlier versions, plain SHA-256 hashes of phone numbers, to keyed
 * hashes. The numbers are not stored with the keys: each is found again on the case the key points to, among its
 * contacts, by the plain hash it was filed under. Runs at start, before the consumers, and finds nothing to do once
 * done. Keys whose window has passed (an older repeat, an incident member outside the incident window) are dropped,
 * not moved: they no longer decide anything.
 */
@Component
class CustomerKeyMigration implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(CustomerKeyMigration.class);
    private static final int BATCH = 500;

    private final RepeatIndex repeats;
    private final IncidentTracker incidents;
    private final CaseStore cases;
    private final CustomerKeys keys;
    private final CaseProperties properties;
    private final Clock clock;

    CustomerKeyMigration(RepeatIndex repeats, IncidentTracker incidents, CaseStore cases, CustomerKeys keys,
                         CaseProperties properties, Clock clock) {
        this.repeats = repeats;
        this.incidents = incidents;
        this.cases = cases;
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        Instant now = clock.instant();
        int moved = 0;
        int dropped = 0;
        for (List<RepeatIndex.Entry> batch = repeats.legacy(BATCH); !batch.isEmpty(); batch = repeats.legacy(BATCH)) {
            for (RepeatIndex.Entry legacy : batch) {
                String keyed = legacy.lastContactAt() != null
                        && legacy.lastContactAt().plus(properties.repeatWindow()).isAfter(now)
                        ? keyedRepeatKey(legacy).orElse(null) : null;
                if (keyed != null && repeats.find(keyed).filter(e -> !e.lastContactAt().isBefore(
                        legacy.lastContactAt())).isPresent()) {
                    keyed = null;
                }
                repeats.rekey(legacy, keyed);
                if (keyed == null) {
                    dropped++;
                } else {
                    moved++;
                }
            }
        }
        int groups = 0;
        for (List<IncidentTracker.Group> batch = incidents.legacy(BATCH); !batch.isEmpty();
             batch = incidents.legacy(BATCH)) {
            for (IncidentTracker.Group group : batch) {
                incidents.rekey(group.key(), keyedMembers(group, now));
                groups++;
            }
        }
        if (moved + dropped + groups > 0) {
            log.info("Customer keys moved to keyed hashes: {} repeat keys moved, {} dropped, {} incident groups",
                    moved, dropped, groups);
        }
    }

    private Optional<String> keyedRepeatKey(RepeatIndex.Entry legacy) {
        Optional<Case> found = cases.find(legacy.caseId()).map(VersionedCase::state);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Case c = found.get();
        String category = c.category().name();
        return c.contacts().stream().map(CaseContact::customer).filter(customer -> customer != null
                        && customer.phone() != null)
                .map(customer -> customer.phone())
                .filter(phone -> CustomerKeys.legacyRepeatKey(phone, c.projectCode(), category).equals(legacy.key()))
                .findFirst()
                .map(phone -> keys.repeatKey(phone, c.projectCode(), category));
    }

    private List<IncidentTracker.Member> keyedMembers(IncidentTracker.Group group, Instant now) {
        List<IncidentTracker.Member> members = new ArrayList<>();
        for (IncidentTracker.Member member : group.members()) {
            if (!member.at().plus(properties.incidentWindow()).isAfter(now)) {
                continue;
            }
            cases.find(member.caseId()).map(VersionedCase::state).stream()
                    .flatMap(c -> c.contacts().stream())
                    .filter(contact -> contact.customer() != null && contact.customer().phone() != null)
                    .map(contact -> contact.customer().phone())
                    .filter(phone -> CustomerKeys.legacyCustomerKey(phone).equals(member.customerKey()))
                    .findFirst()
                    .ifPresent(phone -> members.add(new IncidentTracker.Member(member.caseId(), member.contactId(),
                            keys.customerKey(phone), member.at())));
        }
        return members;
    }
}
