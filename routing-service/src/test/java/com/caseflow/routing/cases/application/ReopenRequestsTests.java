package com.caseflow.routing.cases.application;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.events.followup.CaseReopenRequested;
import com.caseflow.routing.cases.domain.Case;
import com.caseflow.routing.cases.domain.CaseStatus;
import com.caseflow.routing.cases.persistence.CaseDocument;
import com.caseflow.routing.cases.persistence.CaseStore;
import com.caseflow.routing.support.Contacts;
import com.caseflow.routing.support.Resolved;
import com.caseflow.routing.support.RoutingServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Follow-up's reopen requests against the store, without the broker: a request reopens the resolution it names,
 * whatever follow-up's clock said when it was made.
 */
@RoutingServiceTest
class ReopenRequestsTests {

    @Autowired
    ContactRouter router;
    @Autowired
    ReopenRequests reopenRequests;
    @Autowired
    CaseStore cases;
    @Autowired
    MongoTemplate mongo;

    private String openedCase() {
        String phone = "136" + String.format("%08d",
                Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000));
        EventEnvelope<ContactReceived> contact = Contacts.call(phone, "SH-LJY", null, ContactCategory.INQUIRY,
                "物业费怎么交");
        router.route(contact);
        return mongo.findOne(Query.query(Criteria.where("state.contacts.contactId").is(contact.key())),
                CaseDocument.class).state().id();
    }

    private long resolve(String caseId, String staff) {
        Resolved.byOwner(cases, caseId, staff, "已告知缴费方式");
        return state(caseId).currentResolution().orElseThrow();
    }

    private Case state(String caseId) {
        return cases.find(caseId).orElseThrow().state();
    }

    /** A request as follow-up publishes it, stamped on follow-up's clock. */
    private static EventEnvelope<CaseReopenRequested> request(String caseId, Long resolvedSequence,
                                                              Instant followUpsClock) {
        CaseReopenRequested request = new CaseReopenRequested(caseId, caseId + "." + resolvedSequence + ".1", 2, false,
                "还是不会交", "D-CS-01", followUpsClock, resolvedSequence);
        return new EventEnvelope<>(UUID.randomUUID().toString(), EventTypes.CASE_REOPEN_REQUESTED, 1, followUpsClock,
                caseId, UUID.randomUUID().toString(), request);
    }

    @Test
    void whenFollowUpsClockIsDaysBehindOrAheadOfRoutingsThenTheRequestStillReopensTheResolutionItNames() {
        for (Duration skew : List.of(Duration.ofDays(-5), Duration.ofDays(5))) {
            String caseId = openedCase();
            long resolution = resolve(caseId, "D-CS-01");

            reopenRequests.apply(request(caseId, resolution, Instant.now().plus(skew)));

            Case reopened = state(caseId);
            assertThat(reopened.status()).as("skew %s", skew).isEqualTo(CaseStatus.OPEN);
            assertThat(reopened.reopenCount()).isEqualTo(1);
        }
    }

    @Test
    void whenALateRequestAnswersAnEarlierResolutionThenTheCaseResolvedAgainStaysResolved() {
        String caseId = openedCase();
        long first = resolve(caseId, "D-CS-01");
        reopenRequests.apply(request(caseId, first, Instant.now()));
        long second = resolve(caseId, "D-CS-02");

        // the first resolution's second customer answered late; their request is stamped after the second resolution
        reopenRequests.apply(request(caseId, first, Instant.now().plus(Duration.ofDays(3))));

        Case resolvedAgain = state(caseId);
        assertThat(resolvedAgain.status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(resolvedAgain.currentResolution()).hasValue(second);
        assertThat(resolvedAgain.reopenCount()).isEqualTo(1);

        reopenRequests.apply(request(caseId, second, Instant.now().minus(Duration.ofDays(3))));
        assertThat(state(caseId).status()).isEqualTo(CaseStatus.OPEN);
        assertThat(state(caseId).reopenCount()).isEqualTo(2);
    }

    @Test
    void whenARequestNamesNoResolutionThenAResolvedCaseIsReopenedAndOnlyOnceHoweverOftenItArrives() {
        String caseId = openedCase();
        resolve(caseId, "D-CS-01");
        EventEnvelope<CaseReopenRequested> older = request(caseId, null, Instant.now().minus(Duration.ofDays(30)));

        reopenRequests.apply(older);
        reopenRequests.apply(older);

        assertThat(state(caseId).status()).isEqualTo(CaseStatus.OPEN);
        assertThat(state(caseId).reopenCount()).isEqualTo(1);
        assertThat(state(caseId).hasAppliedReopenRequest(older.eventId())).isTrue();
    }
}
