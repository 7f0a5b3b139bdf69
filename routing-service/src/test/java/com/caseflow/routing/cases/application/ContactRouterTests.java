package com.caseflow.routing.cases.application;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
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

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The router's decisions against the store, without the broker: replays, closed and full cases. */
@RoutingServiceTest
class ContactRouterTests {

    @Autowired
    ContactRouter router;
    @Autowired
    CaseStore cases;
    @Autowired
    MongoTemplate mongo;

    private static String phone() {
        return "137" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000));
    }

    private Case caseOf(String contactId) {
        CaseDocument found = mongo.findOne(Query.query(Criteria.where("state.contacts.contactId").is(contactId)
                .and("state.status").ne(CaseStatus.MERGED.name())), CaseDocument.class);
        return found == null ? null : found.state();
    }

    private static EventEnvelope<ContactReceived> call(String phone, String matter) {
        return Contacts.call(phone, "HZ-XXH", UUID.randomUUID().toString().substring(0, 6) + "栋",
                ContactCategory.PROPERTY_MANAGEMENT, matter);
    }

    private void resolve(String caseId) {
        Resolved.byOwner(cases, caseId, "D-PM-01", "已处理");
    }

    @Test
    void whenACaseIsFullThenTheNextRepeatOpensACaseOfItsOwn() {
        String customer = phone();
        List<EventEnvelope<ContactReceived>> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            calls.add(call(customer, "小区门禁卡失灵 第" + (i + 1) + "次"));
            router.route(calls.get(i));
        }

        Case first = caseOf(calls.get(0).key());
        Case fifth = caseOf(calls.get(4).key());
        assertThat(first.contacts()).hasSize(4);
        assertThat(fifth.id()).isNotEqualTo(first.id());
        assertThat(fifth.contacts()).hasSize(1);
    }

    @Test
    void whenTheCustomersCaseWasResolvedThenTheirNextContactOpensANewCase() {
        String customer = phone();
        EventEnvelope<ContactReceived> first = call(customer, "垃圾清运不及时");
        router.route(first);
        Case opened = caseOf(first.key());
        resolve(opened.id());

        EventEnvelope<ContactReceived> again = call(customer, "垃圾又堆起来了");
        router.route(again);

        assertThat(caseOf(again.key()).id()).isNotEqualTo(opened.id());
        assertThat(cases.find(opened.id()).orElseThrow().state().contacts()).hasSize(1);
    }

    @Test
    void whenEveryContactIsReplayedAfterItsCaseClosedThenNothingChanges() {
        String customer = phone();
        EventEnvelope<ContactReceived> first = call(customer, "楼道堆放杂物");
        EventEnvelope<ContactReceived> repeat = call(customer, "杂物还在");
        router.route(first);
        router.route(repeat);
        Case opened = caseOf(first.key());
        resolve(opened.id());
        long casesBefore = mongo.count(new Query(), CaseDocument.class);
        long sequenceBefore = cases.find(opened.id()).orElseThrow().state().sequence();

        router.route(Contacts.republished(first));
        router.route(Contacts.republished(repeat));

        assertThat(mongo.count(new Query(), CaseDocument.class)).isEqualTo(casesBefore);
        assertThat(cases.find(opened.id()).orElseThrow().state().sequence()).isEqualTo(sequenceBefore);
        assertThat(caseOf(repeat.key()).id()).isEqualTo(opened.id());
    }
}
