package com.caseflow.infra.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.caseflow.infra.StartupException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The identity server's RSA signing keys, kept in {@code <dataDir>/identity/jwk.json} as a JWK set so that tokens stay
 * valid across restarts: the current key first, which signs, then the previous one, still published so that the
 * tokens it signed stay valid after a rotation. Each key's {@code iat} says when it was made; its {@code kid} is its
 * RFC 7638 thumbprint. A file of one key (before rotation existed) is read as the current key.
 */
final class SigningKeyStore {

    static final String FILE_NAME = "jwk.json";

    private static final Logger log = LoggerFactory.getLogger(SigningKeyStore.class);

    private SigningKeyStore() {
    }

    /** Where the keys of a data directory are kept. */
    static Path file(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve("identity").resolve(FILE_NAME);
    }

    /** Reads the keys from {@code file} (current first), or makes one and stores it when the file does not exist. */
    static List<RSAKey> loadOrCreate(Path file) {
        if (Files.exists(file)) {
            return read(file);
        }
        RSAKey key = generate();
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            try {
                restrictToOwner(temp);
                Files.writeString(temp, new JWKSet(key).toString(false), StandardCharsets.UTF_8);
                // No REPLACE_EXISTING: if another process stored a key meanwhile, that key wins and is used here too.
                Files.move(temp, file);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (FileAlreadyExistsException e) {
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the identity server's signing key in " + file, e);
        }
        log.info("Made a new token signing key (kid {}) and stored it in {}", key.getKeyID(), file);
        return List.of(key);
    }

    /** A new current key; the current one becomes the previous, the previous one is dropped. Returns the new keys. */
    static List<RSAKey> rotate(Path file) {
        List<RSAKey> keys = loadOrCreate(file);
        RSAKey next = generate();
        List<RSAKey> rotated = List.of(next, keys.get(0));
        try {
            Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            try {
                restrictToOwner(temp);
                Files.writeString(temp, new JWKSet(new ArrayList<>(rotated)).toString(false),
                        StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the identity server's signing keys in " + file, e);
        }
        log.info("Rotated the token signing key: kid {} signs now, kid {} stays published", next.getKeyID(),
                keys.get(0).getKeyID());
        return rotated;
    }

    /** When the key was made; for a key of the one-key file, which has no {@code iat}, when the file was written. */
    static Instant madeAt(RSAKey key, Path file) {
        if (key.getIssueTime() != null) {
            return key.getIssueTime().toInstant();
        }
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.now();
        }
    }

    private static List<RSAKey> read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<JWK> jwks = text.contains("\"keys\"") ? JWKSet.parse(text).getKeys() : List.of(JWK.parse(text));
            List<RSAKey> keys = new ArrayList<>();
            for (JWK jwk : jwks) {
                if (!(jwk instanceof RSAKey rsa && rsa.isPrivate())) {
                    keys.clear();
                    break;
                }
                keys.add(rsa);
            }
            if (!keys.isEmpty()) {
                return List.copyOf(keys);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the identity server's signing key " + file, e);
        } catch (ParseException e) {
            // reported below
        }
        throw new StartupException(file + " is not a set of RSA private keys in JWK form. Delete it to make a new "
                + "key (tokens issued with the old key then stop being accepted).");
    }

    private static RSAKey generate() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .issueTime(Date.from(Instant.now())).generate();
            return new RSAKey.Builder(key).keyIDFromThumbprint().build();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    /** The file holds private keys: readable by its owner only, where the file system knows about owners. */
    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the user's profile directory protects it
        }
    }
}
