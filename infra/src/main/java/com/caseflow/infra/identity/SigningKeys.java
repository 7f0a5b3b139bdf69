package com.caseflow.infra.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The signing keys in use: the current one signs every token, the JWK set publishes it together with the previous
 * one. Every minute it rotates when the current key has signed for a whole rotation period, and picks up a rotation
 * made by the command ({@code IdentityServer --rotate-signing-key}) while it runs.
 */
final class SigningKeys implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final Path file;
    private final Duration rotation;
    private final Clock clock;
    private final ScheduledExecutorService checks;
    private volatile State state;

    SigningKeys(Path file, Duration rotation, Clock clock) {
        this.file = file;
        this.rotation = rotation;
        this.clock = clock;
        this.state = load(SigningKeyStore.loadOrCreate(file));
        rotateIfDue();
        this.checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "signing-key-rotation");
            thread.setDaemon(true);
            return thread;
        });
        checks.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.MINUTES);
    }

    RSAKey current() {
        return state.keys().get(0);
    }

    /** The published keys, current first. */
    List<RSAKey> published() {
        return state.keys();
    }

    /** Makes a new current key now; the current one stays published. */
    synchronized void rotate() {
        state = load(SigningKeyStore.rotate(file));
    }

    /** The JWK set endpoint's keys: current and previous (only their public halves are ever published). */
    JWKSource<SecurityContext> jwkSource() {
        return (JWKSelector selector, SecurityContext context) -> selector.select(new JWKSet(
                new ArrayList<JWK>(state.keys())));
    }

    /** Signs with the current key only: with two keys in the set, the encoder could not choose. */
    JwtEncoder encoder() {
        return this::encode;
    }

    private Jwt encode(JwtEncoderParameters parameters) {
        return state.encoder().encode(parameters);
    }

    private void check() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (!modified.equals(state.modified())) {
                synchronized (this) {
                    state = load(SigningKeyStore.loadOrCreate(file));
                }
                log.info("Signing keys read again from {}: kid {} signs", file, current().getKeyID());
            }
            rotateIfDue();
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot check the signing keys in {}: {}", file, e.toString());
        }
    }

    private synchronized void rotateIfDue() {
        if (!rotation.isZero() && !clock.instant().isBefore(
                SigningKeyStore.madeAt(current(), file).plus(rotation))) {
            rotate();
        }
    }

    private State load(List<RSAKey> keys) {
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            modified = null;
        }
        return new State(List.copyOf(keys), new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(keys.get(0)))),
                modified);
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }

    private record State(List<RSAKey> keys, JwtEncoder encoder, FileTime modified) {
    }
}
