package com.caseflow.support.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay in front of a server that can be frozen: while frozen it still accepts connections but nothing passes
 * in either direction, as a store that hangs (a stuck disk, a paused VM, a partition dropping packets) looks to its
 * clients. Bytes that arrive while frozen are dropped, never delivered late, and the connections that lost bytes are
 * closed when it thaws; connections made after that work again.
 */
public final class FreezableProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private volatile boolean frozen;

    private FreezableProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        daemon("proxy-accept", this::accept);
    }

    public static FreezableProxy to(String host, int port) {
        try {
            return new FreezableProxy(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    public void freeze() {
        frozen = true;
    }

    public void thaw() {
        frozen = false;
        links.stream().filter(link -> link.broken).forEach(Link::close);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Link link = new Link(listener.accept());
                links.add(link);
                link.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        links.forEach(Link::close);
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private final class Link {

        private final Socket client;
        private volatile Socket server;
        private volatile boolean broken;

        Link(Socket client) {
            this.client = client;
        }

        void start() {
            if (frozen) {
                // accepted, never answered
                broken = true;
                daemon("proxy-drain", () -> pump(client, null));
                return;
            }
            try {
                server = new Socket(target.getAddress(), target.getPort());
            } catch (IOException e) {
                close();
                return;
            }
            daemon("proxy-up", () -> pump(client, server));
            daemon("proxy-down", () -> pump(server, client));
        }

        private void pump(Socket from, Socket to) {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream()) {
                OutputStream out = to == null ? null : to.getOutputStream();
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (frozen || broken || out == null) {
                        broken = true;
                        continue;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away: so does the other
            }
            close();
        }

        void close() {
            links.remove(this);
            quietly(client);
            quietly(server);
        }

        private static void quietly(Socket socket) {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
    }
}
