package com.caseflow.support.webhook;

import com.caseflow.events.webhook.WebhookSignature;
import com.caseflow.support.testing.EmbeddedMongo;
import com.caseflow.support.testing.MutableClock;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SignedRequestsTests {

    private static final String SECRET = "s3cret";
    private static final String COLLECTION = "test_signatures";
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final byte[] BODY = "{\"eventId\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T02:00:00Z"),
            ZoneId.of("Asia/Shanghai"));
    private final MongoTemplate mongo = new MongoTemplate(MongoClients.create(EmbeddedMongo.freshDatabaseUri()),
            "signed-" + UUID.randomUUID());
    private final SignedRequests signed = new SignedRequestsFactory(mongo, clock, WebhookPolicy.strict())
            .create(COLLECTION, "caseflow.test.secret", SECRET, WINDOW);

    private long now() {
        return clock.instant().getEpochSecond();
    }

    @Test
    void whenCreatedThenItsCollectionHasATtlIndexOnTheExpiry() {
        assertThat(mongo.indexOps(COLLECTION).getIndexInfo())
                .filteredOn(index -> index.getName().equals(SignedRequests.TTL_INDEX))
                .singleElement()
                .satisfies(index -> {
                    assertThat(index.getIndexFields()).singleElement()
                            .satisfies(field -> assertThat(field.getKey()).isEqualTo("expiresAt"));
                    assertThat(index.getExpireAfter()).contains(Duration.ZERO);
                });
    }

    @Test
    void whenTheCollectionHasATtlIndexUnderAnotherNameThenItIsKeptAndNoSecondIsMade() {
        mongo.indexOps("older_signatures").createIndex(new Index().on("expiresAt", Sort.Direction.ASC)
                .expire(Duration.ZERO).named("expires"));

        new SignedRequests(mongo, "older_signatures", SECRET, WINDOW, clock);

        assertThat(mongo.indexOps("older_signatures").getIndexInfo())
                .filteredOn(index -> index.getIndexFields().get(0).getKey().equals("expiresAt"))
                .extracting(IndexInfo::getName).containsExactly("expires");
    }

    @Test
    void whenSignedWithTheSecretWithinTheWindowThenAcceptedAndKeptForTwiceTheWindow() {
        String signature = WebhookSignature.sign(SECRET, now(), BODY);

        assertThat(signed.check(Long.toString(now()), signature, BODY)).isEqualTo(SignedRequests.Verdict.ACCEPTED);

        Document taken = mongo.findOne(Query.query(Criteria.where("_id").is(WebhookSignature.replayKey(signature))),
                Document.class, COLLECTION);
        assertThat(taken).isNotNull();
        assertThat(taken.get("expiresAt", Date.class).toInstant()).isEqualTo(clock.instant().plus(WINDOW.multipliedBy(2)));
    }

    @Test
    void whenTheSameSignedRequestComesAgainThenReplayedEvenWithTheSignatureSpelledInCapitals() {
        String signature = WebhookSignature.sign(SECRET, now(), BODY);
        assertThat(signed.check(Long.toString(now()), signature, BODY)).isEqualTo(SignedRequests.Verdict.ACCEPTED);

        assertThat(signed.check(Long.toString(now()), signature, BODY)).isEqualTo(SignedRequests.Verdict.REPLAYED);
        assertThat(signed.check(Long.toString(now()), "sha256=" + signature.substring(7).toUpperCase(), BODY))
                .isEqualTo(SignedRequests.Verdict.REPLAYED);
    }

    @Test
    void whenAnotherServiceKeepsItsSignaturesElsewhereThenTheyDoNotSeeEachOther() {
        SignedRequests other = new SignedRequests(mongo, "other_signatures", SECRET, WINDOW, clock);
        String signature = WebhookSignature.sign(SECRET, now(), BODY);

        assertThat(signed.check(Long.toString(now()), signature, BODY)).isEqualTo(SignedRequests.Verdict.ACCEPTED);
        assertThat(other.check(Long.toString(now()), signature, BODY)).isEqualTo(SignedRequests.Verdict.ACCEPTED);
        assertThat(other.check(Long.toString(now()), signature, BODY)).isEqualTo(SignedRequests.Verdict.REPLAYED);
    }

    @Test
    void whenAnAcceptedSignatureIsReleasedThenTheSameRequestIsTakenAgainOnce() {
        String signature = WebhookSignature.sign(SECRET, now(), BODY);
        assertThat(signed.check(Long.toString(now()), signature, BODY)).isEqualTo(SignedRequests.Verdict.ACCEPTED);

        signed.release(signature);

        assertThat(signed.check(Long.toString(now()), signature, BODY)).isEqualTo(SignedRequests.Verdict.ACCEPTED);
        assertThat(signed.check(Long.toString(now()), signature, BODY)).isEqualTo(SignedRequests.Verdict.REPLAYED);
    }

    @Test
    void whenTheRequestIsUnsignedMalformedStaleOrForgedThenEachSaysSoAndNothingIsTaken() {
        String signature = WebhookSignature.sign(SECRET, now(), BODY);
        long stale = now() - WINDOW.toSeconds() - 1;
        long ahead = now() + WINDOW.toSeconds() + 1;

        assertThat(signed.check(null, signature, BODY)).isEqualTo(SignedRequests.Verdict.UNSIGNED);
        assertThat(signed.check(Long.toString(now()), " ", BODY)).isEqualTo(SignedRequests.Verdict.UNSIGNED);
        assertThat(signed.check("yesterday", signature, BODY)).isEqualTo(SignedRequests.Verdict.MALFORMED);
        assertThat(signed.check(Long.toString(now()), signature.substring(7), BODY))
                .isEqualTo(SignedRequests.Verdict.MALFORMED);
        assertThat(signed.check(Long.toString(now()), "sha256=zz", BODY)).isEqualTo(SignedRequests.Verdict.MALFORMED);
        assertThat(signed.check(Long.toString(stale), WebhookSignature.sign(SECRET, stale, BODY), BODY))
                .isEqualTo(SignedRequests.Verdict.STALE);
        assertThat(signed.check(Long.toString(ahead), WebhookSignature.sign(SECRET, ahead, BODY), BODY))
                .isEqualTo(SignedRequests.Verdict.STALE);
        assertThat(signed.check(Long.toString(now()), WebhookSignature.sign("not-the-secret", now(), BODY), BODY))
                .isEqualTo(SignedRequests.Verdict.FORGED);
        assertThat(signed.check(Long.toString(now()), signature, "{\"eventId\":\"e-2\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(SignedRequests.Verdict.FORGED);

        assertThat(mongo.count(new Query(), COLLECTION)).isZero();
        assertThat(signed.check(Long.toString(now()), signature, BODY)).isEqualTo(SignedRequests.Verdict.ACCEPTED);
    }

    @Test
    void whenTheWindowHasPassedThenTheSameRequestIsStaleNotReplayed() {
        String signature = WebhookSignature.sign(SECRET, now(), BODY);
        String sent = Long.toString(now());
        assertThat(signed.check(sent, signature, BODY)).isEqualTo(SignedRequests.Verdict.ACCEPTED);

        clock.advance(WINDOW.plusSeconds(1));

        assertThat(signed.check(sent, signature, BODY)).isEqualTo(SignedRequests.Verdict.STALE);
    }

    @Test
    void whenTheSecretIsBlankThenEvenARequestSignedWithItIsRefusedAndNothingIsTaken() {
        for (String secret : new String[] {null, "", "  "}) {
            SignedRequests unconfigured = new SignedRequests(mongo, COLLECTION, secret, WINDOW, clock);
            // HMAC refuses an empty key: the blank secret that can sign is a space
            String signature = WebhookSignature.sign(" ", now(), BODY);

            assertThat(unconfigured.hasSecret()).isFalse();
            assertThat(unconfigured.check(Long.toString(now()), signature, BODY))
                    .isEqualTo(SignedRequests.Verdict.NO_SECRET);
        }
        assertThat(mongo.count(new Query(), COLLECTION)).isZero();
    }

    @Test
    void whenTheWindowIsNotPositiveThenTheCheckerIsNotMade() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SignedRequests(mongo, COLLECTION, SECRET, Duration.ZERO, clock));
    }

    @Test
    void whenARequestIsRefusedThenTheAnswerIs401WithAProblemTypePerKindAndTheChallenge() {
        for (SignedRequests.Verdict verdict : SignedRequests.Verdict.values()) {
            if (verdict.accepted()) {
                assertThatIllegalArgumentException()
                        .isThrownBy(() -> SignatureRefusal.answer(verdict, "Call event not authenticated", "/x"));
                continue;
            }
            ResponseEntity<ProblemDetail> answer = SignatureRefusal.answer(verdict, "Call event not authenticated",
                    "/api/v1/phone/events");

            assertThat(answer.getStatusCode().value()).isEqualTo(401);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                    .isEqualTo("HMAC-SHA256 headers=\"X-CaseFlow-Timestamp X-CaseFlow-Signature\"");
            ProblemDetail problem = answer.getBody();
            assertThat(problem).isNotNull();
            assertThat(problem.getStatus()).isEqualTo(401);
            assertThat(problem.getTitle()).isEqualTo("Call event not authenticated");
            assertThat(problem.getDetail()).isNotBlank();
            assertThat(problem.getInstance()).hasToString("/api/v1/phone/events");
        }
        assertThat(SignatureRefusal.type(SignedRequests.Verdict.NO_SECRET))
                .hasToString("urn:caseflow:problem:signature-no-secret");
        assertThat(SignatureRefusal.type(SignedRequests.Verdict.UNSIGNED))
                .hasToString("urn:caseflow:problem:signature-unsigned");
        assertThat(SignatureRefusal.type(SignedRequests.Verdict.MALFORMED))
                .hasToString("urn:caseflow:problem:signature-malformed");
        assertThat(SignatureRefusal.type(SignedRequests.Verdict.STALE))
                .hasToString("urn:caseflow:problem:signature-stale");
        assertThat(SignatureRefusal.type(SignedRequests.Verdict.FORGED))
                .hasToString("urn:caseflow:problem:signature-forged");
        assertThat(SignatureRefusal.type(SignedRequests.Verdict.REPLAYED))
                .hasToString("urn:caseflow:problem:signature-replayed");
    }
}
