package com.caseflow.followup.web;

import com.caseflow.events.Topics;
import com.caseflow.followup.callbacks.persistence.CallbackDocument;
import com.caseflow.followup.support.Cases;
import com.caseflow.followup.support.CaseLog;
import com.caseflow.followup.support.FollowUpServiceTest;
import com.caseflow.followup.support.FollowedCases;
import com.caseflow.followup.timers.domain.WorkingTime;
import com.caseflow.followup.timers.persistence.FollowUpStore;
import com.caseflow.support.outbox.Outbox;
import com.caseflow.support.outbox.OutboxRelay;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.HostileInput;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.caseflow.support.testing.HostileInput.bodyCases;
import static com.caseflow.support.testing.HostileInput.encoded;
import static com.caseflow.support.testing.HostileInput.fieldCases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shared hostile set against follow-up's write API (a callback attempt) and the text its queries take: each a
 * 4xx naming the bad field, never a 5xx, nothing stored and nothing published; markup is kept as the text it is.
 */
@FollowUpServiceTest
class HostileInputTests {

    private static final int MAX_BODY = 16 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    FollowUpStore store;
    /** Deadlines are counted as routing counts them: in the office calendar it publishes. */
    WorkingTime time = Cases.WORKING_TIME;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    OutboxRelay relay;
    @LocalServerPort
    int port;

    @Test
    void whenTheCallbackApiIsFedTheHostileSetThenEachIsRefusedByNameAndNothingIsStoredOrPublished() {
        Api customerService = new Api(port, TestIdentityProvider.get().departmentToken("D-CS-01", "CUSTOMER_SERVICE"));
        HostileInput.signedIn(customerService, "/api/v1/callbacks");
        String caseId;
        try (CaseLog cases = new CaseLog(broker.getBrokersAsString())) {
            caseId = new FollowedCases(cases, store, time).resolvedNow();
        }
        String callbackId = caseId + ".3.1";
        String callback = "/api/v1/callbacks/" + callbackId;
        await().atMost(WAIT).until(() -> customerService.get(callback).status() == 200);
        await().atMost(WAIT).until(() -> relay.backlog() == 0 && pendingEvents() == 0);
        Document before = mongo.findById(callbackId, Document.class, CallbackDocument.COLLECTION);

        try (TopicReader followups = new TopicReader(broker.getBrokersAsString(), Topics.FOLLOWUPS)) {
            long caseEvents = followups.readToEnd(WAIT).stream().filter(r -> caseId.equals(r.key())).count();
            List<String> wrong = new ArrayList<>(HostileInput.refusals(customerService, "POST", callback + "/attempts",
                    Stream.concat(
                            fieldCases("{\"reached\":true,\"satisfaction\":4,\"resolved\":true,\"comment\":\"满意\"}")
                                    .stream(),
                            bodyCases("{\"reached\":false,\"comment\":\"无人接听\"}", MAX_BODY).stream()).toList()));
            for (String control : HostileInput.CONTROL_TEXTS_IN_ADDRESSES) {
                String text = encoded(control).replace("+", "%20");
                check(wrong, customerService, "GET", "/api/v1/callbacks?status=" + text, "status");
                check(wrong, customerService, "GET", "/api/v1/callbacks/" + text, "id");
                check(wrong, customerService, "POST", "/api/v1/callbacks/" + text + "/attempts", "id");
                check(wrong, customerService, "GET", "/api/v1/cases/" + text + "/follow-up", "id");
                check(wrong, customerService, "GET", "/api/v1/departments/" + text + "/follow-ups", "code");
            }

            assertThat(wrong).isEmpty();
            assertThat(mongo.findById(callbackId, Document.class, CallbackDocument.COLLECTION)).isEqualTo(before);

            // the barrier: a valid attempt on the same case goes to the same partition after the refusals; once the
            // outbox is empty, the topic read to its end holds that one event more for the case
            String comment = HostileInput.MARKUP + " 客户说 & \"明天再打\"";
            Api.Response attempt = customerService.post(callback + "/attempts",
                    "{\"reached\":false,\"comment\":\"" + comment.replace("\"", "\\\"") + "\"}");
            assertThat(attempt.status()).isEqualTo(200);
            followups.read(r -> caseId.equals(r.key()), (int) caseEvents + 1, WAIT);
            await().atMost(WAIT).until(() -> pendingEvents() == 0);
            List<ConsumerRecord<String, byte[]>> events = followups.readToEnd(WAIT).stream()
                    .filter(r -> caseId.equals(r.key())).toList();
            assertThat(events).hasSize((int) caseEvents + 1);

            // markup is text: stored and answered as it was typed
            assertThat(attempt.json().get("attempts").get(0).get("comment").asString()).isEqualTo(comment);
            assertThat(mongo.findById(callbackId, Document.class, CallbackDocument.COLLECTION).toJson())
                    .contains("<b>王</b><script>alert(1)</script>");
            assertThat(new String(events.get(events.size() - 1).value(), StandardCharsets.UTF_8))
                    .doesNotContain("&lt;").doesNotContain("\\u003c");
        }
    }

    private static void check(List<String> wrong, Api api, String method, String path, String parameter) {
        String answer = HostileInput.wrongParameterAnswer(api, method, path, parameter);
        if (answer != null) {
            wrong.add(answer);
        }
    }

    private long pendingEvents() {
        return mongo.count(Query.query(Criteria.where(Outbox.ENTRIES + ".0").exists(true)),
                CallbackDocument.COLLECTION);
    }
}
