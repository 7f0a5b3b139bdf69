package com.caseflow.routing.departments.application;

import com.caseflow.events.Topics;
import io.github.resilience4j.retry.annotation.Retry;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Each department's own topic of its cases' events. Brokers do not create topics on demand (a typo must fail), so
 * routing creates a department's topic when the department is registered.
 */
@Component
public class DepartmentTopics {

    private final KafkaAdmin admin;
    private final int partitions;
    private final short replicas;

    public DepartmentTopics(KafkaAdmin admin,
                            @Value("${caseflow.routing.department-topics.partitions:3}") int partitions,
                            @Value("${caseflow.routing.department-topics.replicas:1}") short replicas) {
        this.admin = admin;
        this.partitions = partitions;
        this.replicas = replicas;
    }

    @Retry(name = "kafka-admin")
    public void ensure(String departmentCode) {
        String name = Topics.departmentCases(departmentCode);
        NewTopic topic = TopicBuilder.name(name).partitions(partitions).replicas(replicas).configs(Topics.configs(name))
                .build();
        admin.createOrModifyTopics(topic);
    }
}
