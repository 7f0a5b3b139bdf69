package com.caseflow.intake.outbox;

import com.caseflow.events.CloudEventHeaders;
import com.caseflow.events.Topics;
import com.caseflow.infra.LocalStack;
import com.caseflow.infra.StackSettings;
import com.caseflow.intake.contacts.persistence.ContactDocument;
import com.caseflow.support.outbox.Outbox;
import com.caseflow.support.outbox.OutboxRelay;
import com.caseflow.intake.support.Fixtures;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.ServiceProcess;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TestInfrastructure;
import com.caseflow.support.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A contact accepted while Kafka is down is not lost: the POST still gets 201, and the event goes out once a real
 * broker listens on the configured address.
 */
@ContextConfiguration(initializers = TestInfrastructure.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutboxKafkaOutageTests {

    private static final int KAFKA_PORT = freePort();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + KAFKA_PORT);
        registry.add("caseflow.outbox.sweep-interval", () -> "500ms");
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    OutboxRelay relay;

    @Test
    void whenKafkaIsDownAtPostTimeThenTheCallIsAcceptedAndPublishedOnceKafkaIsBack(@TempDir Path data) {
        Api.Response response = new Api(port, TestIdentityProvider.get().token("A001", "AGENT")).post("/api/v1/calls", Fixtures.call("周杰", "13611112222", "燃气表漏气"));

        assertThat(response.status()).isEqualTo(201);
        String id = response.json().get("id").asString();
        await().atMost(Duration.ofSeconds(90)).until(() -> attempts(id) > 0);
        await().atMost(Duration.ofSeconds(60)).until(() -> relay.backlog() == 1);
        String eventId = mongo.findById(id, ContactDocument.class).outbox().get(0).eventId();

        try (LocalStack kafkaBack = LocalStack.start(new StackSettings(data, KAFKA_PORT, freePort(), freePort()));
             TopicReader topic = new TopicReader(kafkaBack.settings().kafkaBootstrap(), Topics.CONTACTS)) {
            ConsumerRecord<String, byte[]> record = topic.withKey(id, Duration.ofSeconds(60)).get(0);

            assertThat(TopicReader.header(record, CloudEventHeaders.ID)).isEqualTo(eventId);
            // removed from the outbox only once acknowledged: nothing of it can reach the topic after this
            await().atMost(Duration.ofSeconds(60)).until(() -> mongo.findById(id, ContactDocument.class).outbox()
                    .isEmpty());
            assertThat(topic.readToEnd()).filteredOn(r -> id.equals(r.key())).hasSize(1);
        }
        assertThat(mongo.findById(id, ContactDocument.class).outbox()).isEmpty();
    }

    private int attempts(String id) {
        org.bson.Document stored = mongo.findById(id, org.bson.Document.class, ContactDocument.COLLECTION);
        return stored.getInteger(Outbox.ATTEMPTS, 0);
    }

    private static int freePort() {
        try {
            return ServiceProcess.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
