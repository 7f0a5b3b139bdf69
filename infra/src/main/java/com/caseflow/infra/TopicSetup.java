package com.caseflow.infra;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.caseflow.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the system's topics and their dead-letter topics if they do not exist yet. */
final class TopicSetup {

    private TopicSetup() {
    }

    /** Every topic the local stack provides: each of {@link Topics#ALL} and its dead-letter topic. */
    static List<String> topicNames() {
        List<String> names = new ArrayList<>();
        for (String topic : Topics.ALL) {
            names.add(topic);
            names.add(Topics.deadLetter(topic));
        }
        return names;
    }

    static void ensureTopics(String bootstrap) {
        Properties props = new Properties();
        props.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.setProperty(AdminClientConfig.CLIENT_ID_CONFIG, "caseflow-local-stack");
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            // Dead-letter topics get as many partitions as their topic: Spring's dead-letter publisher writes a
            // failed record to the same partition number it came from.
            List<NewTopic> missing = topicNames().stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, Topics.LOCAL_PARTITIONS, (short) 1).configs(Topics.configs(name)))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            // topics of an older data directory get today's retention too
            Map<ConfigResource, Collection<AlterConfigOp>> retention = new HashMap<>();
            for (String name : topicNames()) {
                if (existing.contains(name)) {
                    retention.put(new ConfigResource(ConfigResource.Type.TOPIC, name), Topics.configs(name).entrySet()
                            .stream().map(c -> new AlterConfigOp(new ConfigEntry(c.getKey(), c.getValue()),
                                    AlterConfigOp.OpType.SET)).toList());
                }
            }
            if (!retention.isEmpty()) {
                admin.incrementalAlterConfigs(retention).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create the Kafka topics", e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within 30 s while creating the topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the Kafka topics", e);
        }
    }
}
