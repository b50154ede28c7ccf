package io.steadfast.itest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small TCP load balancer on loopback for the tests: each connection goes to the next node in turn; a node that
 * refuses the connection is skipped (a passive health check), so a dead node gets no new connections. Connections
 * open to a node that dies are cut, as a real load balancer's are; the client retries.
 */
final class LoadBalancer implements AutoCloseable {

    private final ServerSocket server;
    private final List<Integer> ports;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private volatile boolean open = true;

    LoadBalancer(List<Integer> ports) throws IOException {
        this.ports = ports;
        this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "test-load-balancer");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** How many times a node refused a connection and the next one was taken. */
    int skipped() {
        return skipped.get();
    }

    private void accept() {
        while (open) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            Socket node = connect();
            if (node == null) {
                close(client);
                continue;
            }
            pipe(client, node);
            pipe(node, client);
        }
    }

    private Socket connect() {
        for (int i = 0; i < ports.size(); i++) {
            int port = ports.get(Math.floorMod(next.getAndIncrement(), ports.size()));
            try {
                Socket s = new Socket();
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                return s;
            } catch (IOException refused) {
                skipped.incrementAndGet();
            }
        }
        return null;
    }

    private static void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException closed) {
                // either side went away
            } finally {
                close(from);
                close(to);
            }
        });
        t.setDaemon(true);
        t.start();
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() throws IOException {
        open = false;
        server.close();
    }
}
