package com.caseflow.routing.cases.application;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.routing.cases.domain.Case;
import com.caseflow.routing.cases.persistence.CaseDocument;
import com.caseflow.routing.cases.persistence.RepeatIndex;
import com.caseflow.routing.support.Contacts;
import com.caseflow.routing.support.RoutingServiceTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Customers are found again under keyed hashes, and the plain hashes of earlier versions are moved to them. */
@RoutingServiceTest
class CustomerKeyMigrationTests {

    private static final String PROJECT = "HZ-XXH";

    @Autowired
    ContactRouter router;
    @Autowired
    CustomerKeyMigration migration;
    @Autowired
    CustomerKeys keys;
    @Autowired
    MongoTemplate mongo;

    private static String phone() {
        return "139" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000));
    }

    private static EventEnvelope<ContactReceived> call(String phone, String unit, String matter) {
        return Contacts.call(phone, PROJECT, unit, ContactCategory.PROPERTY_MANAGEMENT, matter);
    }

    private Case caseOf(String contactId) {
        return mongo.findOne(Query.query(Criteria.where("state.contacts.contactId").is(contactId)), CaseDocument.class)
                .state();
    }

    @Test
    void aRepeatKeyOfAnEarlierVersionIsMovedToItsKeyedHashAndTheCustomersNextCallStillFindsTheCase() {
        String customer = phone();
        String unit = UUID.randomUUID().toString().substring(0, 6) + "栋";
        EventEnvelope<ContactReceived> first = call(customer, unit, "电梯按键失灵");
        router.route(first);
        Case opened = caseOf(first.key());
        String category = ContactCategory.PROPERTY_MANAGEMENT.name();
        String keyed = keys.repeatKey(customer, PROJECT, category);
        String plain = CustomerKeys.legacyRepeatKey(customer, PROJECT, category);
        assertThat(mongo.findById(keyed, Document.class, "repeat_keys")).containsEntry("scheme", RepeatIndex.KEYED);
        assertThat(mongo.findById(plain, Document.class, "repeat_keys")).isNull();

        // as an earlier version left it: the plain hash, no scheme; and one whose repeat window has passed
        Document entry = mongo.findById(keyed, Document.class, "repeat_keys");
        mongo.remove(Query.query(Criteria.where("_id").is(keyed)), "repeat_keys");
        mongo.insert(new Document("_id", plain).append("caseId", opened.id())
                .append("lastContactAt", entry.get("lastContactAt")), "repeat_keys");
        String stale = CustomerKeys.legacyRepeatKey(phone(), PROJECT, category);
        mongo.insert(new Document("_id", stale).append("caseId", opened.id())
                .append("lastContactAt", Date.from(Instant.now().minus(Duration.ofDays(30)))), "repeat_keys");

        migration.afterPropertiesSet();

        assertThat(mongo.findById(plain, Document.class, "repeat_keys")).isNull();
        assertThat(mongo.findById(stale, Document.class, "repeat_keys")).isNull();
        assertThat(mongo.findById(keyed, Document.class, "repeat_keys"))
                .containsEntry("caseId", opened.id()).containsEntry("scheme", RepeatIndex.KEYED);
        EventEnvelope<ContactReceived> again = call(customer, unit, "电梯按键还是失灵");
        router.route(again);
        assertThat(caseOf(again.key()).id()).isEqualTo(opened.id());
    }

    @Test
    void theMembersOfAnIncidentGroupOfAnEarlierVersionAreMovedToKeyedHashes() {
        String customer = phone();
        String unit = UUID.randomUUID().toString().substring(0, 6) + "栋";
        EventEnvelope<ContactReceived> first = call(customer, unit, "楼道灯不亮");
        router.route(first);
        String group = CaseKeys.incidentGroup(PROJECT, ContactCategory.PROPERTY_MANAGEMENT.name(), unit);
        assertThat(members(group)).extracting(m -> m.getString("customerKey"))
                .containsExactly(keys.customerKey(customer));

        mongo.updateFirst(Query.query(Criteria.where("_id").is(group)), new Update().unset("keyScheme")
                .set("members.0.customerKey", CustomerKeys.legacyCustomerKey(customer)), "incidents");

        migration.afterPropertiesSet();

        assertThat(members(group)).extracting(m -> m.getString("customerKey"))
                .containsExactly(keys.customerKey(customer));
        assertThat(mongo.findById(group, Document.class, "incidents")).containsEntry("keyScheme", RepeatIndex.KEYED);
    }

    @SuppressWarnings("unchecked")
    private List<Document> members(String group) {
        return (List<Document>) mongo.findById(group, Document.class, "incidents").get("members");
    }
}
