package com.caseflow.routing.messaging;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.Topics;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.routing.cases.persistence.CaseDocument;
import com.caseflow.routing.support.Contacts;
import com.caseflow.support.outbox.OutboxProperties;
import com.caseflow.support.testing.Barriers;
import com.caseflow.support.testing.EventLog;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TopicReader;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Routing against a real MongoDB replica set and a real Kafka in containers, as in production: a contact becomes one
 * case however often it is delivered, and poison goes to the dead-letter topic. Skipped where Docker is missing.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "caseflow.routing.demo-data=true")
class RoutingContainersTests {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");
    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("routing"));
        TestIdentityProvider.register(registry);
    }

    @BeforeAll
    static void topics() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", KAFKA.getBootstrapServers()))) {
            admin.createTopics(Stream.of(Topics.CONTACTS, Topics.CASES, Topics.FOLLOWUPS,
                            Topics.deadLetter(Topics.CONTACTS), Topics.deadLetter(Topics.FOLLOWUPS))
                    .map(t -> new NewTopic(t, Topics.LOCAL_PARTITIONS, (short) 1)).toList()).all().get();
        }
    }

    @Autowired
    MongoTemplate mongo;
    @Autowired
    OutboxProperties outbox;

    @Test
    void whenAContactArrivesTwiceBehindPoisonThenOneCaseIsRoutedAndThePoisonIsDeadLettered() {
        EventEnvelope<ContactReceived> leak = Contacts.call("13911112222", "SH-LJY", "7栋1单元501",
                ContactCategory.REPAIR, "主卧窗户漏水");
        try (EventLog log = new EventLog(KAFKA.getBootstrapServers());
             TopicReader deadLetters = new TopicReader(KAFKA.getBootstrapServers(), Topics.deadLetter(Topics.CONTACTS));
             TopicReader cases = new TopicReader(KAFKA.getBootstrapServers(), Topics.CASES)) {
            log.sendText(Topics.CONTACTS, leak.key(), "not json at all");
            log.publish(Topics.CONTACTS, leak);
            log.publish(Topics.CONTACTS, Contacts.republished(leak));

            Query ofContact = Query.query(Criteria.where("state.contacts.contactId").is(leak.key()));
            await().atMost(Duration.ofSeconds(60)).until(() -> mongo.exists(ofContact, CaseDocument.class));
            String caseId = mongo.findOne(ofContact, CaseDocument.class).id();

            assertThat(deadLetters.withKey(leak.key(), Duration.ofSeconds(60))).hasSize(1);
            cases.read(r -> caseId.equals(r.key()), 1, Duration.ofSeconds(60));
            Barriers.consumed(KAFKA.getBootstrapServers(), "routing-service", Topics.CONTACTS);
            Barriers.outboxEmpty(mongo, outbox.collections());
            assertThat(cases.readToEnd()).filteredOn(r -> caseId.equals(r.key())).hasSize(1);
            assertThat(mongo.count(ofContact, CaseDocument.class)).isEqualTo(1);
            assertThat(List.of(mongo.findOne(ofContact, CaseDocument.class).state().departmentCode()))
                    .containsExactly("ENGINEERING");
        }
    }
}
