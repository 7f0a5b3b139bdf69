package com.caseflow.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Checks ports before anything starts, so a clash is one clear line rather than a Kafka stack trace. */
final class Ports {

    private Ports() {
    }

    /**
     * @param purpose what the port is for, e.g. "Kafka controller"
     * @param server  what else might hold it, e.g. "Kafka"
     * @param option  the option that moves it, e.g. "--controller-port"
     */
    static void requireFree(int port, String purpose, String server, String option) {
        if (!isFree(port)) {
            throw new StartupException("Port " + port + " (" + purpose + ") is already in use — is another CaseFlow "
                    + "stack or " + server + " running? Stop it or choose another port (" + option + "=N).");
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Same as the servers will do: a restart must not be blocked by connections still in TIME_WAIT.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(StackSettings.HOST), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
