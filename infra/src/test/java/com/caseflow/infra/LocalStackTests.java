package com.caseflow.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.caseflow.events.Topics;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTests {

    @TempDir
    Path dataDir;

    @Test
    void providesTopicsKafkaMongoIdentityAndNotificationsAndKeepsTheirDataAcrossARestart() throws Exception {
        StackSettings settings = new StackSettings(dataDir, TestPorts.free(), TestPorts.free(), TestPorts.free(), TestPorts.free(), TestPorts.free());
        String key = "contact-" + UUID.randomUUID();
        String clusterId;
        String jwks;

        try (LocalStack stack = LocalStack.start(settings)) {
            clusterId = stack.kafkaClusterId();
            assertThat(describeTopics(settings)).hasSize(2 * Topics.ALL.size())
                    .allSatisfy((name, topic) -> assertThat(topic.partitions()).hasSize(Topics.LOCAL_PARTITIONS))
                    .containsKeys("contacts", "contacts.dlq", "cases", "cases.dlq", "followups", "followups.dlq",
                            "evaluations", "calendars", "calendars.dlq");
            assertThat(topicConfig(settings, Topics.CALENDARS, "cleanup.policy")).isEqualTo("compact");
            assertThat(topicConfig(settings, Topics.CASES, "cleanup.policy")).isEqualTo("delete");
            assertThat(topicConfig(settings, Topics.CASES, "retention.ms")).isEqualTo("1209600000");
            assertThat(topicConfig(settings, "cases.dlq", "retention.ms")).isEqualTo("259200000");
            // as a data directory of an older version would have it: the next start sets it as it must be
            setTopicConfig(settings, "cases.dlq", "retention.ms", "-1");

            try (KafkaProducer<String, String> producer = producer(settings)) {
                producer.send(new ProducerRecord<>(Topics.CONTACTS, key, "{\"hello\":\"world\"}"))
                        .get(10, TimeUnit.SECONDS);
            }
            assertThat(readValue(settings, key)).isEqualTo("{\"hello\":\"world\"}");
            assertThat(TopicTail.newest(settings.kafkaBootstrap(), Topics.CONTACTS, 5, Duration.ofSeconds(90)))
                    .extracting(r -> r.key()).containsExactly(key);

            try (MongoClient client = MongoClients.create(settings.mongoUri())) {
                probes(client).insertOne(new Document("_id", key).append("subject", "漏水"));
                assertThat(probes(client).find(new Document("_id", key)).first())
                        .containsEntry("subject", "漏水");
            }
            assertThat(get(settings.identityUrl() + "/actuator/health")).contains("\"status\":\"UP\"");
            jwks = get(settings.identityUrl() + "/oauth2/jwks");
            assertThat(jwks).contains("\"kid\"");
            assertThat(get(settings.notificationsUrl())).isEqualTo("[]");
        }
        assertThat(Ports.isFree(settings.kafkaPort())).isTrue();
        assertThat(Ports.isFree(settings.mongoPort())).isTrue();
        assertThat(Ports.isFree(settings.identityPort())).isTrue();
        assertThat(Ports.isFree(settings.notificationsPort())).isTrue();

        try (LocalStack stack = LocalStack.start(settings)) {
            assertThat(stack.kafkaClusterId()).isEqualTo(clusterId);
            assertThat(topicConfig(settings, "cases.dlq", "retention.ms")).isEqualTo("259200000");
            assertThat(get(settings.identityUrl() + "/oauth2/jwks")).as("the same signing key").isEqualTo(jwks);
            assertThat(readValue(settings, key)).isEqualTo("{\"hello\":\"world\"}");
            try (MongoClient client = MongoClients.create(settings.mongoUri())) {
                assertThat(probes(client).find(new Document("_id", key)).first())
                        .containsEntry("subject", "漏水");
            }
        }
    }

    @Test
    void aTakenPortIsOneClearErrorAndNothingStarts() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName(StackSettings.HOST), 0));
            int port = taken.getLocalPort();
            StackSettings settings = new StackSettings(dataDir, port, TestPorts.free(), TestPorts.free(), TestPorts.free());

            assertThatThrownBy(() -> LocalStack.start(settings))
                    .isInstanceOf(StartupException.class)
                    .hasMessage("Port " + port + " (Kafka) is already in use — is another CaseFlow stack or Kafka "
                            + "running? Stop it or choose another port (--kafka-port=N).");
            assertThat(dataDir).isEmptyDirectory();

            StackSettings identityTaken = new StackSettings(dataDir, TestPorts.free(), TestPorts.free(), TestPorts.free(), port);
            assertThatThrownBy(() -> LocalStack.start(identityTaken))
                    .isInstanceOf(StartupException.class)
                    .hasMessage("Port " + port + " (identity server) is already in use — is another CaseFlow stack "
                            + "or identity server running? Stop it or choose another port (--identity-port=N).");
            assertThat(dataDir).isEmptyDirectory();
        }
    }

    @Test
    void readsOptionsFromArgumentsBeforeSystemProperties() {
        Properties system = new Properties();
        system.setProperty("caseflow.kafka-port", "19092");
        system.setProperty("caseflow.mongo-port", "37017");

        StackSettings settings = StackSettings.parse(new String[] {"--mongo-port=47017"}, system);

        assertThat(settings.kafkaPort()).isEqualTo(19092);
        assertThat(settings.controllerPort()).isEqualTo(9093);
        assertThat(settings.mongoPort()).isEqualTo(47017);
        assertThat(settings.identityPort()).isEqualTo(9000);
        assertThat(settings.identityUrl()).isEqualTo("http://127.0.0.1:9000");
        assertThat(settings.dataDir()).isEqualTo(Path.of(".local/data").toAbsolutePath());
        assertThat(StackSettings.parse(new String[] {"--identity-port=19000"}, new Properties()).identityPort())
                .isEqualTo(19000);
        assertThat(StackSettings.parse(new String[] {"--identity-port=0"}, new Properties()).identityEnabled())
                .isFalse();
        assertThat(new StackSettings(Path.of("x"), 1, 2, 3).identityEnabled()).as("the services' tests' stack")
                .isFalse();
        assertThat(settings.notificationsUrl()).isEqualTo("http://127.0.0.1:9010/notifications");
        assertThat(StackSettings.parse(new String[] {"--notifications-port=0"}, new Properties())
                .notificationsEnabled()).isFalse();
        assertThat(new StackSettings(Path.of("x"), 1, 2, 3).notificationsEnabled()).as("the services' tests' stack")
                .isFalse();
        StackSettings kafkaOnly = StackSettings.parse(
                new String[] {"--mongo-port=0", "--identity-port=0", "--notifications-port=0"}, new Properties());
        assertThat(kafkaOnly.kafkaEnabled()).isTrue();
        assertThat(kafkaOnly.mongoEnabled()).isFalse();
        assertThat(StackSettings.parse(new String[] {"--kafka-port=0"}, new Properties()).kafkaEnabled()).isFalse();
        assertThatThrownBy(() -> StackSettings.parse(new String[] {"--kafka-port=lots"}, new Properties()))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("--kafka-port must be a port number");
    }

    @Test
    void startsTheSmsGatewayAndThePhoneSimulatorOnlyWhenAskedAndOnlyWithTheirSecrets() throws Exception {
        StackSettings both = new StackSettings(dataDir, StackSettings.NONE, TestPorts.free(), StackSettings.NONE,
                StackSettings.NO_IDENTITY, StackSettings.NO_NOTIFICATIONS, TestPorts.free(), TestPorts.free(),
                "http://127.0.0.1:1/api/v1/phone/events", "http://127.0.0.1:1/api/v1/sms/replies");
        Map<String, String> secrets = Map.of(LocalStack.PHONE_SECRET, "p", LocalStack.SMS_SECRET, "s");

        try (LocalStack stack = LocalStack.start(both, secrets)) {
            assertThat(get(both.smsUrl())).isEqualTo("[]");
            assertThat(get(both.phoneUrl() + "/calls")).isEqualTo("[]");
            assertThat(get(both.phoneUrl() + "/traffic")).isEqualTo("{\"running\":false}");
        }
        assertThat(Ports.isFree(both.smsPort())).isTrue();
        assertThat(Ports.isFree(both.phonePort())).isTrue();

        assertThatThrownBy(() -> LocalStack.start(both, Map.of(LocalStack.SMS_SECRET, "s")))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("CASEFLOW_PHONE_SECRET, which is not set").hasMessageContaining("--phone-port=0");
        assertThat(Ports.isFree(both.smsPort())).as("nothing started").isTrue();

        StackSettings parsed = StackSettings.parse(new String[] {"--sms-port=19011", "--phone-port=19012",
            "--phone-events-url=http://127.0.0.1:18081/api/v1/phone/events"}, new Properties());
        assertThat(parsed.smsUrl()).isEqualTo("http://127.0.0.1:19011/sms/messages");
        assertThat(parsed.phoneUrl()).isEqualTo("http://127.0.0.1:19012/phone");
        assertThat(parsed.phoneEventsUrl()).isEqualTo("http://127.0.0.1:18081/api/v1/phone/events");
        assertThat(parsed.smsRepliesUrl()).isEqualTo("http://127.0.0.1:8083/api/v1/sms/replies");
        StackSettings defaults = StackSettings.parse(new String[0], new Properties());
        assertThat(defaults.smsEnabled()).as("not by default: the fault suite runs a stack beside ./run").isFalse();
        assertThat(defaults.phoneEnabled()).isFalse();
        assertThatThrownBy(() -> StackSettings.parse(new String[] {"--sms-replies-url=ftp://x"}, new Properties()))
                .isInstanceOf(StartupException.class).hasMessageContaining("--sms-replies-url must be an http(s) URL");
    }

    @Test
    void startsKafkaAloneAndTheRestWithoutKafkaSoThatTheBrokerCanBeKilledOnItsOwn() throws Exception {
        StackSettings kafkaOnly = new StackSettings(dataDir.resolve("kafka-only"), TestPorts.free(), TestPorts.free(),
                StackSettings.NONE);
        StackSettings withoutKafka = new StackSettings(dataDir.resolve("rest"), StackSettings.NONE, TestPorts.free(),
                TestPorts.free());

        try (LocalStack kafka = LocalStack.start(kafkaOnly); LocalStack rest = LocalStack.start(withoutKafka)) {
            assertThat(describeTopics(kafkaOnly)).containsKeys("contacts", "contacts.dlq");
            try (MongoClient client = MongoClients.create(withoutKafka.mongoUri())) {
                probes(client).insertOne(new Document("_id", "p").append("subject", "漏水"));
                assertThat(probes(client).countDocuments()).isEqualTo(1);
            }
            assertThat(Files.exists(kafkaOnly.dataDir().resolve("mongo"))).as("no MongoDB beside the broker").isFalse();
            assertThat(Files.exists(withoutKafka.dataDir().resolve("kafka"))).as("no broker beside MongoDB").isFalse();
        }
    }

    private static Map<String, TopicDescription> describeTopics(StackSettings settings) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                settings.kafkaBootstrap()))) {
            List<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream().toList();
            return admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
        }
    }

    private static String topicConfig(StackSettings settings, String topic, String key) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                settings.kafkaBootstrap()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource)
                    .get(key).value();
        }
    }

    private static void setTopicConfig(StackSettings settings, String topic, String key, String value)
            throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                settings.kafkaBootstrap()))) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                    List.of(new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET))))
                    .all().get(10, TimeUnit.SECONDS);
        }
    }

    private static KafkaProducer<String, String> producer(StackSettings settings) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    /** Reads the contacts topic from the start in a new consumer group and returns the value under the key. */
    private static String readValue(StackSettings settings, String key) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.CONTACTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        return record.value();
                    }
                }
            }
            return null;
        }
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + url).isEqualTo(200);
        return response.body();
    }

    private static MongoCollection<Document> probes(MongoClient client) {
        return client.getDatabase("caseflow").getCollection("probes");
    }
}
