package com.caseflow.intake.outbox;

import com.caseflow.events.contact.TimingSource;
import com.caseflow.events.CloudEventHeaders;
import com.caseflow.events.Topics;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.intake.contacts.domain.Contact;
import com.caseflow.intake.contacts.persistence.ContactDocument;
import com.caseflow.support.outbox.OutboxClaim;
import com.caseflow.support.outbox.OutboxEntry;
import com.caseflow.support.testing.TestInfrastructure;
import com.caseflow.support.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several intake instances share one store: a pending entry is published by the instance that holds its lease, and
 * taken over by another only once the lease has run out.
 */
@ContextConfiguration(initializers = TestInfrastructure.class)
@SpringBootTest(properties = {"caseflow.outbox.sweep-interval=300ms", "caseflow.outbox.safety-sweep-interval=500ms"})
@EmbeddedKafka(partitions = Topics.LOCAL_PARTITIONS, topics = {Topics.CONTACTS, Topics.CALLS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class OutboxLeaseTests {


    @Autowired
    MongoTemplate mongo;
    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void whenAnotherInstanceHoldsAnEntryThenItIsLeftAloneUntilItsLeaseRunsOut() {
        Instant now = Instant.now();
        String held = pendingOfAnotherInstance(now.plus(Duration.ofHours(1)));
        String abandoned = pendingOfAnotherInstance(now.minus(Duration.ofSeconds(5)));

        try (TopicReader topic = new TopicReader(broker.getBrokersAsString(), Topics.CONTACTS)) {
            ConsumerRecord<String, byte[]> published = topic.withKey(abandoned, Duration.ofSeconds(60)).get(0);
            await().atMost(Duration.ofSeconds(60)).until(() -> pending(abandoned).isEmpty());

            assertThat(TopicReader.header(published, CloudEventHeaders.ID)).isEqualTo("event-of-" + abandoned);
            // the sweep that took the abandoned entry over found the held one, stored before it, and left it
            assertThat(topic.readToEnd()).noneMatch(r -> held.equals(r.key()));
        }
        assertThat(pending(held)).hasSize(1);
        assertThat(mongo.findById(held, ContactDocument.class).outboxClaim().by()).isEqualTo("other-instance");
    }

    private List<OutboxEntry> pending(String id) {
        return mongo.findById(id, ContactDocument.class).outbox();
    }

    private String pendingOfAnotherInstance(Instant claimedUntil) {
        String id = UUID.randomUUID().toString();
        Instant receivedAt = Instant.now().minus(Duration.ofMinutes(1));
        Contact contact = new Contact(id, Channel.PHONE, "A001", receivedAt,
                new Contact.CallDetails(receivedAt, receivedAt, 1, true, true, null, TimingSource.SELF_REPORTED, null),
                null, "王小明", CallerType.OWNER,
                "13812345678", "SH-LJY", "3栋2单元1201", "卫生间天花板漏水", ContactCategory.REPAIR, false);
        OutboxEntry entry = new OutboxEntry("event-of-" + id, "event-of-" + id, "caseflow.contact.received.v1",
                List.of(Topics.CONTACTS), id, receivedAt, "{}");
        mongo.insert(new ContactDocument(id, contact, "fingerprint", List.of(entry),
                new OutboxClaim("other-instance", claimedUntil)));
        return id;
    }
}
