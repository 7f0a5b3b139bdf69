package com.caseflow.infra.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scheduled rotation: a key that has signed for a whole period is replaced on the next check, and stays published. */
class SigningKeysTests {

    @TempDir
    Path dataDir;

    @Test
    void aKeyOlderThanTheRotationPeriodIsReplacedAndStaysPublishedAsThePreviousOne() {
        Path file = SigningKeyStore.file(dataDir);
        RSAKey first = SigningKeyStore.loadOrCreate(file).get(0);

        try (SigningKeys keys = new SigningKeys(file, Duration.ofDays(30),
                Clock.fixed(Instant.now().plus(Duration.ofDays(29)), ZoneOffset.UTC))) {
            assertThat(keys.published()).extracting(RSAKey::getKeyID).containsExactly(first.getKeyID());
        }
        try (SigningKeys keys = new SigningKeys(file, Duration.ofDays(30),
                Clock.fixed(Instant.now().plus(Duration.ofDays(31)), ZoneOffset.UTC))) {
            List<String> published = keys.published().stream().map(RSAKey::getKeyID).toList();
            assertThat(published).hasSize(2).element(1).isEqualTo(first.getKeyID());
            assertThat(keys.current().getKeyID()).isEqualTo(published.get(0)).isNotEqualTo(first.getKeyID());
            assertThat(SigningKeyStore.loadOrCreate(file)).extracting(RSAKey::getKeyID).isEqualTo(published);
        }
    }
}
