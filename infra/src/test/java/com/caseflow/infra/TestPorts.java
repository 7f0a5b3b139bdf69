package com.caseflow.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/** Free ports for tests that must name a port before its server starts. */
public final class TestPorts {

    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private TestPorts() {
    }

    /**
     * A port nobody listens on now, never the same one twice in this JVM: a port handed out but not yet bound is free
     * to the operating system, which may offer it again.
     */
    public static synchronized int free() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(StackSettings.HOST))) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            }
        }
    }
}
