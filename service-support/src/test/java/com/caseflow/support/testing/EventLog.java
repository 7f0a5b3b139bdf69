package com.caseflow.support.testing;

import com.caseflow.events.CloudEventHeaders;
import com.caseflow.events.EventEnvelope;
import com.caseflow.events.sealing.Keyring;
import com.caseflow.support.sealing.SealedFields;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Publishes events (or garbage) to a topic the way the producing service does, waiting for the acknowledgement. */
public final class EventLog implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonMapper SEALING = JsonMapper.builder().addModule(new SealedFields()).build();

    private final KafkaProducer<String, byte[]> producer;

    public EventLog(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    public void publish(String topic, EventEnvelope<?> envelope) {
        send(topic, envelope.key(), JSON.writeValueAsBytes(envelope), envelope.eventId(), envelope.type());
    }

    /** As intake, routing and follow-up write it: the customer's fields sealed under {@code keyring}. */
    public void publishSealed(String topic, EventEnvelope<?> envelope, Keyring keyring) {
        send(topic, envelope.key(), SEALING.writer().withAttribute(Keyring.ATTRIBUTE, keyring)
                .writeValueAsBytes(envelope), envelope.eventId(), envelope.type());
    }

    public void send(String topic, String key, byte[] value, String eventId, String type) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        if (eventId != null) {
            header(record, CloudEventHeaders.ID, eventId);
            header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
            header(record, CloudEventHeaders.SOURCE, "/caseflow/test");
        }
        if (type != null) {
            header(record, CloudEventHeaders.TYPE, type);
        }
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    public void sendText(String topic, String key, String value) {
        send(topic, key, value.getBytes(StandardCharsets.UTF_8), null, null);
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        producer.close();
    }
}
