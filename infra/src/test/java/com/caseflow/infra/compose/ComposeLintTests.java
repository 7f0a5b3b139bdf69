package com.caseflow.infra.compose;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.caseflow.infra.compose.ComposeLint.COMPOSE;
import static com.caseflow.infra.compose.ComposeLint.KAFKA_INIT;
import static com.caseflow.infra.compose.ComposeLint.KAFKA_SERVER;
import static com.caseflow.infra.compose.ComposeLint.MONGO_START;
import static com.caseflow.infra.compose.ComposeLint.MONGO_USERS;
import static com.caseflow.infra.compose.ComposeLint.applicationYml;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose linter of CI: the production compose file and what it mounts pass, and a broken copy of each rule's
 * subject is caught — so that every rule can fail.
 */
class ComposeLintTests {

    private static final ComposeLint.Files_ PRODUCTION = ComposeLint.Files_.of(root());
    private final ComposeLint lint = new ComposeLint();

    @Test
    void whenTheProductionComposeIsLintedThenNothingIsFound() {
        assertThat(lint.check(PRODUCTION)).isEmpty();
    }

    @Test
    void whenAServiceHasAKeyComposeDoesNotKnowThenTheSchemaRefusesIt() {
        assertThat(violations(COMPOSE, "  kafka:\n    image: apache/kafka:4.1.1\n",
                "  kafka:\n    image: apache/kafka:4.1.1\n    restart_policy: always\n"))
                .anySatisfy(v -> assertThat(v).startsWith("schema:").contains("restart_policy"));
        assertThat(violations(COMPOSE, "      interval: 5s\n      timeout: 20s\n",
                "      interval: [5s]\n      timeout: 20s\n"))
                .anySatisfy(v -> assertThat(v).startsWith("schema:").contains("interval"));
    }

    @Test
    void whenTheManagementPortIsPublishedThenItIsCaught() {
        assertThat(violations(COMPOSE, "      - \"127.0.0.1:8084:8084\"\n",
                "      - \"127.0.0.1:8084:8084\"\n      - \"127.0.0.1:8090:8090\"\n"))
                .contains("evaluation-service: publishes its management port 8090");
        assertThat(violations(COMPOSE, "      - \"127.0.0.1:9000:9000\"\n",
                "      - \"127.0.0.1:9000:9000\"\n      - \"127.0.0.1:9001:8090\"\n"))
                .contains("identity: publishes its management port 8090");
    }

    @Test
    void whenAServiceHasNoManagementPortOfItsOwnThenItIsCaught() {
        String yml = applicationYml("routing-service");
        assertThat(violations(yml, "    port: ${MANAGEMENT_PORT:8090}\n", "    port: ${MANAGEMENT_PORT:8082}\n"))
                .contains("routing-service: management.server.port is the API's port 8082");
        assertThat(violations(yml, "management:\n  server:\n", "management:\n  unused:\n"))
                .anySatisfy(v -> assertThat(v).startsWith("routing-service: no management.server.port"));
        assertThat(violations(COMPOSE, "      MANAGEMENT_SERVER_PORT: \"8090\"\n", ""))
                .anySatisfy(v -> assertThat(v).startsWith("identity: no MANAGEMENT_SERVER_PORT"));
    }

    @Test
    void whenAServiceLacksOneOfItsSecretsThenItIsCaught() {
        assertThat(violations(COMPOSE, "      - source: phone-secret\n        target: CASEFLOW_PHONE_SECRET\n", ""))
                .contains("intake-service: lacks the secret CASEFLOW_PHONE_SECRET");
        assertThat(violations(COMPOSE, "      - source: mongo-keyfile\n        target: mongo-keyfile\n", ""))
                .contains("mongo: lacks the secret mongo-keyfile");
        // a variable the container profile requires that compose does not set
        assertThat(violations(COMPOSE, "      CASEFLOW_WEBHOOK_URL: ${CASEFLOW_WEBHOOK_URL:?set CASEFLOW_WEBHOOK_URL to "
                + "the notification gateway (https)}\n", ""))
                .contains("followup-service: nothing sets CASEFLOW_WEBHOOK_URL, which its container profile requires");
        assertThat(violations(COMPOSE, "  sms-secret:\n    file: ${CASEFLOW_SECRETS_DIR:-./deploy/secrets}/sms-secret\n",
                ""))
                .contains("followup-service: secret sms-secret is not declared under secrets:");
        assertThat(violations(applicationYml("evaluation-service"),
                "    import: optional:configtree:${CASEFLOW_SECRETS_PATH:/run/secrets/}\n", ""))
                .anySatisfy(v -> assertThat(v).startsWith("evaluation-service: its secrets are not read"));
    }

    @Test
    void whenEvaluationIsGivenTheSealingKeyThenItIsCaught() {
        assertThat(violations(COMPOSE, "      - source: mongo-evaluation-password\n        target: MONGODB_PASSWORD\n",
                "      - source: mongo-evaluation-password\n        target: MONGODB_PASSWORD\n"
                        + "      - source: events-sealing-key-k1\n        target: caseflow.events.sealing.keys.k1\n"))
                .contains("evaluation-service: holds caseflow.events.sealing.keys.k1: only intake, routing, "
                        + "follow-up and the console may open customers' sealed fields");
        assertThat(violations(COMPOSE, "      - source: events-sealing-key-k1\n        target: "
                + "caseflow.events.sealing.keys.k1\n      # the customer token", "      # the customer token"))
                .contains("intake-service: lacks the secret caseflow.events.sealing.keys.k1");
        // the screen pop opens the caller's number on calls
        assertThat(violations(COMPOSE, "      - source: events-sealing-key-k1\n        target: "
                + "caseflow.events.sealing.keys.k1\n    ports:\n      - \"127.0.0.1:8080:8080\"",
                "    ports:\n      - \"127.0.0.1:8080:8080\""))
                .contains("console: lacks the secret caseflow.events.sealing.keys.k1");
    }

    @Test
    void whenTwoServicesShareACredentialThenItIsCaught() {
        assertThat(violations(COMPOSE, "      - source: kafka-routing-password\n        target: KAFKA_PASSWORD\n",
                "      - source: kafka-intake-password\n        target: KAFKA_PASSWORD\n"))
                .anySatisfy(v -> assertThat(v).contains("share the Kafka password kafka-intake-password"));
        assertThat(violations(COMPOSE, "      - source: mongo-evaluation-password\n        target: MONGODB_PASSWORD\n",
                "      - source: mongo-followup-password\n        target: MONGODB_PASSWORD\n"))
                .anySatisfy(v -> assertThat(v).contains("share the MongoDB password mongo-followup-password"));
    }

    @Test
    void whenAKafkaListenerIsNotSaslSslThenItIsCaught() {
        assertThat(violations(KAFKA_SERVER, "listeners=SASL_SSL://:9092,CONTROLLER://:9093",
                "listeners=SASL_SSL://:9092,CONTROLLER://:9093,PLAINTEXT://:9094"))
                .contains("kafka: listeners PLAINTEXT://:9094 is PLAINTEXT, not SASL_SSL");
        assertThat(violations(KAFKA_SERVER, "listener.security.protocol.map=SASL_SSL:SASL_SSL,CONTROLLER:SSL",
                "listener.security.protocol.map=SASL_SSL:SASL_PLAINTEXT,CONTROLLER:SSL"))
                .contains("kafka: listeners SASL_SSL://:9092 is SASL_PLAINTEXT, not SASL_SSL");
        assertThat(violations(KAFKA_SERVER, "listener.name.controller.ssl.client.auth=required\n", ""))
                .anySatisfy(v -> assertThat(v).startsWith("kafka: the controller listener CONTROLLER must be SSL"));
        assertThat(violations(KAFKA_SERVER, "allow.everyone.if.no.acl.found=false",
                "allow.everyone.if.no.acl.found=true"))
                .anySatisfy(v -> assertThat(v).contains("allow.everyone.if.no.acl.found=false"));
        assertThat(violations(COMPOSE, "    entrypoint: [\"/bin/bash\", \"/deploy/kafka/start.sh\"]\n",
                "    entrypoint: [\"/bin/bash\", \"/deploy/kafka/start.sh\"]\n    environment:\n"
                        + "      KAFKA_LISTENERS: PLAINTEXT://:9092\n"))
                .contains("kafka: KAFKA_LISTENERS overrides the listeners of " + KAFKA_SERVER)
                .anySatisfy(v -> assertThat(v).contains("mentions PLAINTEXT"));
    }

    @Test
    void whenAServiceConnectsToKafkaWithoutSaslSslOrItsOwnPrincipalThenItIsCaught() {
        String yml = applicationYml("evaluation-service");
        assertThat(violations(yml, "      security.protocol: SASL_SSL\n", "      security.protocol: SSL\n"))
                .contains("evaluation-service: Kafka security.protocol is SSL, not SASL_SSL");
        assertThat(violations(yml, "username=\"${KAFKA_USERNAME:evaluation-service}\"",
                "username=\"${KAFKA_USERNAME:routing-service}\""))
                .contains("evaluation-service: Kafka principal is not evaluation-service");
        assertThat(violations(yml, "password=\"${KAFKA_PASSWORD}\"", "password=\"hunter2\""))
                .anySatisfy(v -> assertThat(v).startsWith("evaluation-service: Kafka's sasl.jaas.config"));
    }

    @Test
    void whenAServiceHasNoAclThenItIsCaught() {
        String init = PRODUCTION.get(KAFKA_INIT);
        ComposeLint.Files_ broken = PRODUCTION;
        for (String line : init.lines().filter(l -> l.contains("User:console")).toList()) {
            broken = broken.with(KAFKA_INIT, line, "");
        }
        assertThat(lint.check(broken)).contains("console: no ACL for User:console in " + KAFKA_INIT);
    }

    @Test
    void whenMongoDbRunsWithoutAuthenticationTlsOrKeyFileThenItIsCaught() {
        assertThat(violations(MONGO_START, "--tlsMode requireTLS", "--tlsMode preferTLS"))
                .contains("mongo: " + MONGO_START + " starts mongod without --tlsMode requireTLS");
        assertThat(violations(MONGO_START, " --auth --keyFile \"$private/keyfile\"", ""))
                .contains("mongo: " + MONGO_START + " starts mongod without --auth",
                        "mongo: " + MONGO_START + " starts mongod without --keyFile");
        assertThat(violations(COMPOSE, "MONGO_INITDB_ROOT_PASSWORD_FILE: /run/secrets/mongo-root.password",
                "MONGO_INITDB_ROOT_PASSWORD: changeme"))
                .contains("mongo: MONGO_INITDB_ROOT_PASSWORD in the environment: a secret belongs in secrets:");
    }

    @Test
    void whenAServiceReachesMongoDbWithoutTlsOrBeyondItsOwnDatabaseThenItIsCaught() {
        String yml = applicationYml("routing-service");
        assertThat(violations(yml, "&authSource=routing&tls=true", "&authSource=routing"))
                .contains("routing-service: its MongoDB URI does not require TLS (tls=true)");
        assertThat(violations(yml, "&authSource=routing&", "&authSource=admin&"))
                .anySatisfy(v -> assertThat(v).startsWith("routing-service: its MongoDB user is not defined"));
        assertThat(violations(MONGO_USERS, "roles: [{ role: 'readWrite', db: database }]",
                "roles: [{ role: 'readWriteAnyDatabase', db: 'admin' }]"))
                .anySatisfy(v -> assertThat(v).startsWith("mongo: services' users must have readWrite on their own"));
        assertThat(violations(MONGO_USERS, "  'evaluation-service': 'evaluation',\n", ""))
                .contains("evaluation-service: " + MONGO_USERS + " makes no user evaluation-service on evaluation");
    }

    @Test
    void whenAPasswordIsInTheEnvironmentThenItIsCaught() {
        assertThat(violations(COMPOSE, "      SPRING_PROFILES_ACTIVE: container\n      CASEFLOW_DEMO_PROJECTS",
                "      SPRING_PROFILES_ACTIVE: container\n      CASEFLOW_PHONE_SECRET: abc\n      CASEFLOW_DEMO_PROJECTS"))
                .contains("intake-service: CASEFLOW_PHONE_SECRET in the environment: a secret belongs in secrets:");
        assertThat(violations(COMPOSE, "      CASEFLOW_IDENTITY_BROWSER_URL: http://127.0.0.1:9000\n",
                "      CASEFLOW_IDENTITY_BROWSER_URL: http://127.0.0.1:9000\n      KAFKA_API_KEY: k\n"))
                .contains("console: KAFKA_API_KEY in the environment: a secret belongs in secrets:");
        assertThat(violations(COMPOSE, "      # Supervisors' teams",
                "      MONGODB_URI: mongodb://evaluation:pw@mongo/evaluation\n      # Supervisors' teams"))
                .contains("evaluation-service: MONGODB_URI carries credentials in the environment");
    }

    @Test
    void whenAPortIsPublishedBeyondTheLoopbackThenItIsCaught() {
        assertThat(violations(COMPOSE, "      - \"127.0.0.1:8080:8080\"\n", "      - \"8080:8080\"\n"))
                .contains("console: publishes 8080:8080 beyond the loopback");
    }

    @Test
    void whenTheSecretsDirectoryIsNotIgnoredByGitThenItIsCaught() throws Exception {
        List<String> ignored = Files.readAllLines(root().resolve(".gitignore"));
        assertThat(ignored).as("deploy/secrets/ holds keys and passwords: never committed")
                .contains("deploy/secrets/");
    }

    private List<String> violations(String path, String from, String to) {
        List<String> found = lint.check(PRODUCTION.with(path, from, to));
        assertThat(found).as("a broken copy of " + path + " is caught").isNotEmpty();
        return found;
    }

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(COMPOSE))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no " + COMPOSE + " above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
