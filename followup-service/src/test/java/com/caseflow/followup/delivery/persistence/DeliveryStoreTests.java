package com.caseflow.followup.delivery.persistence;

import com.caseflow.followup.notifications.domain.Notification;
import com.caseflow.followup.notifications.persistence.NotificationStore;
import com.caseflow.followup.sms.domain.SmsStatus;
import com.caseflow.followup.sms.domain.SmsTemplate;
import com.caseflow.followup.sms.domain.TextMessage;
import com.caseflow.followup.sms.persistence.TextMessageStore;
import com.caseflow.followup.support.FollowUpServiceTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@FollowUpServiceTest
class DeliveryStoreTests {

    private static final Instant AT = Instant.parse("2026-03-02T02:00:00Z");

    @Autowired
    NotificationStore notifications;
    @Autowired
    TextMessageStore texts;
    @Autowired
    MongoTemplate mongo;

    @Test
    void whenANotificationIsStoredThenItsDocumentHasTheShapeEarlierVersionsWroteAndRead() {
        Notification notification = Notification.pending("shape-" + UUID.randomUUID(), "TEST", "C-SHAPE",
                "ENGINEERING", "P001", 2, "LEAD", List.of("M001"), "工单测试", AT);

        assertThat(notifications.insert(notification)).isTrue();

        Document stored = mongo.findById(notification.id(), Document.class, "notifications");
        assertThat(stored.keySet()).containsExactlyInAnyOrder("_id", "version", "state", "due", "_class");
        assertThat(stored.getString("_class"))
                .isEqualTo("com.caseflow.followup.notifications.persistence.NotificationStore$NotificationDocument");
        assertThat(stored.get("state", Document.class)).doesNotContainKey("_class")
                .containsEntry("_id", notification.id()).containsEntry("status", "PENDING");
        assertThat(notifications.find(notification.id()).orElseThrow().state()).isEqualTo(notification);
    }

    @Test
    void whenATextIsHeldThenOnlyItsHolderMayWriteItAndOnceSentItIsNoLongerDue() {
        TextMessage message = TextMessage.pending("lease-" + UUID.randomUUID(), SmsTemplate.CASE_OPENED, "C-LEASE",
                "13800000000", "您的工单已受理", null, false, AT);
        assertThat(texts.insert(message)).isTrue();
        assertThat(texts.insert(message)).as("stored once by id").isFalse();

        Versioned<TextMessage> found = texts.versioned(message.id()).orElseThrow();
        assertThat(found.version()).isZero();
        assertThat(found.due()).isEqualTo(AT);
        assertThat(texts.dueIds(AT, 100_000)).contains(message.id());

        assertThat(texts.hold(message.id(), 0, AT.plus(Duration.ofSeconds(30)))).isTrue();
        assertThat(texts.hold(message.id(), 0, AT.plus(Duration.ofSeconds(30)))).as("a second holder").isFalse();
        assertThat(texts.dueIds(AT, 100_000)).doesNotContain(message.id());
        assertThat(texts.update(message.sent(AT), 0)).as("written at the version before the hold").isFalse();

        assertThat(texts.update(message.sent(AT), 1)).isTrue();
        Versioned<TextMessage> sent = texts.versioned(message.id()).orElseThrow();
        assertThat(sent.state().status()).isEqualTo(SmsStatus.SENT);
        assertThat(sent.version()).isEqualTo(2);
        assertThat(sent.due()).as("settled: never due again").isNull();
    }
}
