package com.caseflow.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo users' passwords of the stack a test started: the identity server generates one per user on its first start
 * and keeps them in {@code <data-dir>/identity/demo-users.txt}, {@code STAFF_ID PASSWORD} a line. One stack at a time
 * in a test JVM, as the stacks' fixed resources already require.
 */
final class DemoPasswords {

    private static volatile Path file;

    private DemoPasswords() {
    }

    /** The stack on this data directory is the one signed in to from now on. */
    static void readFrom(Path dataDir) {
        file = dataDir.resolve("identity").resolve("demo-users.txt");
    }

    static String of(String staffId) {
        Path users = file;
        if (users == null) {
            throw new IllegalStateException("no stack with an identity server started");
        }
        try {
            for (String line : Files.readAllLines(users, StandardCharsets.UTF_8)) {
                String[] parts = line.strip().split("\\s+");
                if (parts.length == 2 && parts[0].equals(staffId)) {
                    return parts[1];
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no demo user " + staffId + " in " + users);
    }
}
