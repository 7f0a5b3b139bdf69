package com.caseflow.infra.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;

import com.caseflow.infra.StartupException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The identity server's RSA signing key, kept in {@code <dataDir>/identity/jwk.json} so that tokens stay valid across
 * restarts. The key id is the key's RFC 7638 thumbprint: the same key always has the same {@code kid}.
 */
final class SigningKeyStore {

    static final String FILE_NAME = "jwk.json";

    private static final Logger log = LoggerFactory.getLogger(SigningKeyStore.class);

    private SigningKeyStore() {
    }

    /** Where the key of a data directory is kept. */
    static Path file(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve("identity").resolve(FILE_NAME);
    }

    /** Reads the key from {@code file}, or makes one and stores it there when the file does not exist yet. */
    static RSAKey loadOrCreate(Path file) {
        if (Files.exists(file)) {
            return read(file);
        }
        RSAKey key = generate();
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            try {
                restrictToOwner(temp);
                Files.writeString(temp, key.toJSONString(), StandardCharsets.UTF_8);
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
        return key;
    }

    private static RSAKey read(Path file) {
        try {
            JWK jwk = JWK.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (jwk instanceof RSAKey rsa && rsa.isPrivate()) {
                return rsa;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the identity server's signing key " + file, e);
        } catch (ParseException e) {
            // reported below
        }
        throw new StartupException(file + " is not an RSA private key in JWK form. Delete it to make a new key "
                + "(tokens issued with the old key then stop being accepted).");
    }

    private static RSAKey generate() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
            return new RSAKey.Builder(key).keyIDFromThumbprint().build();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    /** The file holds a private key: readable by its owner only, where the file system knows about owners. */
    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the user's profile directory protects it
        }
    }
}
