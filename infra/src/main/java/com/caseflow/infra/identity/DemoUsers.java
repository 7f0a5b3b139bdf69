package com.caseflow.infra.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo users' passwords: one of its own for each user, random, made on the first start and kept in
 * {@code <dataDir>/identity/demo-users.txt} (readable by its owner only), one {@code STAFF_ID PASSWORD} per line. A
 * user added to the configuration later gets its password on the next start; the others keep theirs.
 * {@code infra/bin/token} and the test harnesses read the file.
 */
public final class DemoUsers {

    public static final String FILE_NAME = "demo-users.txt";

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY3479";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoUsers() {
    }

    /** Where the passwords of a data directory are kept. */
    public static Path file(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve("identity").resolve(FILE_NAME);
    }

    /** A demo user's password, read from the file of the data directory a local stack runs on. */
    public static String password(Path dataDir, String staffId) {
        String password = read(file(dataDir)).get(staffId);
        if (password == null) {
            throw new IllegalArgumentException("no demo user " + staffId + " in " + file(dataDir));
        }
        return password;
    }

    /** The passwords of these staff ids, reading the file and adding a new password for each one not in it yet. */
    static Map<String, String> loadOrCreate(Path dataDir, List<String> staffIds) {
        Path file = file(dataDir);
        Map<String, String> passwords = new LinkedHashMap<>(read(file));
        List<String> added = new ArrayList<>();
        for (String staffId : staffIds) {
            if (!passwords.containsKey(staffId)) {
                passwords.put(staffId, generate());
                added.add(staffId);
            }
        }
        if (!added.isEmpty()) {
            write(file, passwords);
            log.info("New demo passwords for {} in {}", added, file);
        }
        return passwords;
    }

    private static Map<String, String> read(Path file) {
        Map<String, String> passwords = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return passwords;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.strip().split("\\s+");
                if (parts.length == 2 && !parts[0].startsWith("#")) {
                    passwords.put(parts[0], parts[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo users' passwords " + file, e);
        }
        return passwords;
    }

    private static void write(Path file, Map<String, String> passwords) {
        StringBuilder text = new StringBuilder("# CaseFlow demo users of the local identity server: STAFF_ID PASSWORD\n"
                + "# Made on first start, for this machine only. Delete the file to get new ones.\n");
        passwords.forEach((staffId, password) -> text.append(staffId).append(' ').append(password).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            try {
                try {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system (Windows): the user's profile directory protects it
                }
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the demo users' passwords in " + file, e);
        }
    }

    /** 12 characters of an alphabet without look-alikes (0/O, 1/l/I...): about 67 bits, easy to type. */
    private static String generate() {
        StringBuilder password = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
