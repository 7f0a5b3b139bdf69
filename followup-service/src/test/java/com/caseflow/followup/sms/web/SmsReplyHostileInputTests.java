package com.caseflow.followup.sms.web;

import com.caseflow.events.webhook.WebhookSignature;
import com.caseflow.followup.sms.persistence.CustomerReplyStore;
import com.caseflow.followup.support.FollowUpServiceTest;
import com.caseflow.followup.support.TestClock;
import com.caseflow.followup.support.TestSmsGateway;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.HostileInput;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared hostile set against the gateway's reply endpoint, each request correctly signed (so that it reaches the
 * reading of the body): each a 4xx naming the bad field, never a 5xx, nothing stored.
 */
@FollowUpServiceTest
class SmsReplyHostileInputTests {

    private static final int MAX_BODY = 16 * 1024;

    @Autowired
    MongoTemplate mongo;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private long signedBefore;

    @Test
    void whenTheReplyEndpointIsFedTheHostileSetSignedThenEachIsRefusedByNameAndNothingIsStored() throws Exception {
        String replyId = UUID.randomUUID().toString();
        String valid = "{\"replyId\":\"" + replyId + "\",\"from\":\"13900001111\",\"text\":\"2\","
                + "\"receivedAt\":\"2026-12-05T02:00:00Z\"}";
        long before = mongo.getCollection(CustomerReplyStore.COLLECTION).countDocuments();
        List<String> wrong = new ArrayList<>();
        for (HostileInput.Case hostile : Stream.concat(HostileInput.fieldCases(valid).stream(),
                HostileInput.bodyCases(valid, MAX_BODY).stream()).toList()) {
            Api.Response response = signed(hostile);
            String problem = HostileInput.wrongAnswer(hostile, response);
            if (problem != null) {
                wrong.add(hostile + ": " + problem);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(mongo.getCollection(CustomerReplyStore.COLLECTION).countDocuments()).isEqualTo(before);
    }

    private Api.Response signed(HostileInput.Case hostile) throws IOException, InterruptedException {
        // every request its own second within the window: two cases with the same body are not replays
        long at = TestClock.CLOCK.instant().getEpochSecond() - (signedBefore++ % 240);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/sms/replies"))
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(at))
                .header(WebhookSignature.SIGNATURE_HEADER,
                        WebhookSignature.sign(TestSmsGateway.SECRET, at, hostile.body()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(hostile.body()));
        if (hostile.contentType() != null) {
            request.header("Content-Type", hostile.contentType());
        }
        return toResponse(http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    private static Api.Response toResponse(HttpResponse<String> response) {
        return new Api.Response(response.statusCode(), response);
    }
}
