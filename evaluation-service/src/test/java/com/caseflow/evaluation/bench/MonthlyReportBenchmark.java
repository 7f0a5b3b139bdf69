package com.caseflow.evaluation.bench;

import com.caseflow.evaluation.aggregates.domain.AgentDay;
import com.caseflow.evaluation.aggregates.domain.Folding;
import com.caseflow.evaluation.aggregates.persistence.AggregateStore;
import com.caseflow.evaluation.support.EvaluationServiceTest;
import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.support.testing.TestIdentityProvider;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Benchmark, not a test (its name keeps it out of {@code ./mvnw verify}): a month of 1,000,000 contacts by 500 agents
 * (and the month before, for the change; drawn by {@link MonthOfContacts}), then the monthly reports timed through
 * HTTP. A sample of the contacts goes through the real broker and consumer to measure the folding rate; the rest is
 * folded with the service's own {@link Folding} and added to the day counters directly, which is what the consumer
 * would have stored. Run:
 * <pre>./mvnw -q -pl evaluation-service -am test -Dtest=MonthlyReportBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Results are printed and written to {@code evaluation-service/target/benchmark-monthly-report.txt}.
 */
@EvaluationServiceTest
@TestPropertySource(properties = "caseflow.security.reads-per-second=1000") // one manager asks as fast as answered
class MonthlyReportBenchmark {

    private static final int AGENTS = Integer.getInteger("bench.agents", 500);
    private static final int CONTACTS = Integer.getInteger("bench.contacts", 1_000_000);
    private static final int THROUGH_KAFKA = Integer.getInteger("bench.throughKafka", 20_000);
    private static final LocalDate MONTH = MonthOfContacts.MONTH;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    AggregateStore aggregates;
    @Autowired
    Folding folding;
    @Autowired
    MongoTemplate mongo;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> lines = new ArrayList<>();

    @Test
    void monthlyReportOfAMillionContacts() throws Exception {
        say("evaluation monthly report benchmark: %,d contacts by %d agents in %s, and as many the month before",
                CONTACTS, AGENTS, MONTH.getMonth());
        long started = System.nanoTime();
        load(MONTH.minusMonths(1), 7, 0);
        double kafkaRate = load(MONTH, 11, THROUGH_KAFKA);
        say("loaded in %.1f s; through the broker and consumer: %,d contacts folded at %.0f/s", seconds(started),
                THROUGH_KAFKA, kafkaRate);
        sayDocumentSizes();

        String month = "from=" + MONTH + "&to=" + MONTH.plusMonths(1).minusDays(1);
        JsonNode board = get("/api/v1/reports/agents?" + month).json();
        long contacts = board.get("rows").valueStream().mapToLong(r -> r.get("kpis").get("contacts").asLong()).sum();
        assertThat(contacts).as("every contact counted once").isEqualTo(CONTACTS);
        assertThat(board.get("rows").size()).isEqualTo(AGENTS);

        time("company-wide agent ranking (JSON, all agents)", "/api/v1/reports/agents?" + month, 20);
        time("one agent's monthly report with rank and change", "/api/v1/reports/agents/BM-A0042?" + month, 20);
        time("agent ranking as Excel (.xlsx)", "/api/v1/reports/agents?" + month + "&format=xlsx", 10);
        Files.write(Path.of("target", "benchmark-monthly-report.txt"), lines);
    }

    /** Loads a month; the first {@code throughKafka} contacts via the broker. Returns their folding rate. */
    private double load(LocalDate month, long seed, int throughKafka) throws Exception {
        MonthOfContacts.Sums sums = new MonthOfContacts.Sums();
        int days = month.lengthOfMonth();
        double rate = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(), ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.LINGER_MS_CONFIG, 20), new StringSerializer(), new ByteArraySerializer())) {
            long kafkaStart = System.nanoTime();
            new MonthOfContacts(month, seed, CONTACTS, AGENTS).draw(folding, sums, (i, contact) -> {
                if (i < throughKafka) {
                    EventEnvelope<ContactReceived> envelope = new EventEnvelope<>(contact.contactId(),
                            EventTypes.CONTACT_RECEIVED, 1, Instant.now(), contact.contactId(), contact.contactId(),
                            contact);
                    producer.send(new ProducerRecord<>(Topics.CONTACTS, envelope.key(),
                            JSON.writeValueAsBytes(envelope)));
                    return;
                }
                sums.agent(folding.contact(contact).agents().get(0));
            });
            producer.flush();
            if (throughKafka > 0) {
                LocalDate last = month.plusDays(days - 1);
                await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(() ->
                        aggregates.agentsInPeriod(month, last).values().stream().mapToLong(AgentDay::contacts)
                                .sum() == throughKafka);
                rate = throughKafka / seconds(kafkaStart);
            }
        }
        MonthOfContacts.add(aggregates, sums);
        return rate;
    }

    /** What the zombie fence costs in space: one record position per partition on each counter document. */
    private void sayDocumentSizes() {
        for (String collection : List.of("agent_days", "agent_months")) {
            List<Document> documents = mongo.findAll(Document.class, collection);
            int most = documents.stream().mapToInt(d -> d.get("marks", new Document()).size()).max().orElse(0);
            long largest = documents.stream().mapToLong(d -> d.toJson().length()).max().orElse(0);
            say("%s: at most %d partition positions, largest document %,d bytes as JSON", collection, most, largest);
        }
    }

    private void time(String what, String path, int runs) throws Exception {
        for (int i = 0; i < 3; i++) {
            get(path);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
                .getThreadMXBean();
        long allocatedBefore = Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds())).sum();
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Response response = get(path);
            millis[i] = (System.nanoTime() - start) / 1e6;
            assertThat(response.status()).isEqualTo(200);
        }
        long allocated = Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds())).sum()
                - allocatedBefore;
        Arrays.sort(millis);
        say("%-50s p50 %6.0f ms  p90 %6.0f ms  max %6.0f ms  ~%,d MB allocated per request (%d runs)", what,
                millis[runs / 2], millis[(int) Math.ceil(runs * 0.9) - 1], millis[runs - 1],
                allocated / runs / 1_000_000, runs);
    }

    private record Response(int status, byte[] body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private Response get(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestIdentityProvider.get().token("M001", "MANAGER")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Response(response.statusCode(), response.body());
    }

    private void say(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        lines.add(line);
        System.out.println("[bench] " + line);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
