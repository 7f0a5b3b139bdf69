package com.caseflow.events;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TopicRetentionTests {

    @Test
    void everyTopicStatesHowLongItKeepsItsRecordsAndDeadLettersGoFirst() {
        List<String> topics = new ArrayList<>(Topics.ALL);
        Topics.ALL.forEach(t -> topics.add(Topics.deadLetter(t)));
        topics.add(Topics.departmentCases("CUSTOMER_SERVICE"));

        assertThat(topics).allSatisfy(topic -> assertThat(Topics.configs(topic)).containsKey("cleanup.policy")
                .satisfiesAnyOf(c -> assertThat(c).containsEntry("cleanup.policy", "compact"),
                        c -> assertThat(c).containsKey("retention.ms")));
        assertThat(Topics.configs(Topics.CONTACTS)).containsEntry("retention.ms", "1209600000");
        assertThat(Topics.configs("cases.dept.customer-service")).containsEntry("retention.ms", "604800000");
        assertThat(Topics.configs("contacts.dlq")).containsEntry("retention.ms", "259200000");
        assertThat(Topics.configs(Topics.CALENDARS)).containsEntry("cleanup.policy", "compact");
    }
}
