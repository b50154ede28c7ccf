package io.steadfast.itest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A webhook or ntfy receiver on loopback, for tests: plain sockets and HTTP/1.1 (so that it runs inside the OSGi
 * container of a Pax Exam test too), one request per connection. It answers what it is told to ({@link #answer},
 * 200 by default) and records every request.
 */
final class Receiver implements AutoCloseable {

    /** A request as it arrived: headers by lower-case name, the raw body. */
    record Request(String method, String path, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final ServerSocket server;
    private final Thread thread;
    final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final Deque<String> answers = new ArrayDeque<>();

    Receiver() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "test-receiver");
        thread.setDaemon(true);
        thread.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    /** The next answers, as status lines plus headers, e.g. {@code "503 Service Unavailable\r\nRetry-After: 1"}. */
    synchronized void answer(String... statusAndHeaders) {
        for (String s : statusAndHeaders) {
            answers.add(s);
        }
    }

    private synchronized String nextAnswer() {
        return answers.isEmpty() ? "200 OK" : answers.poll();
    }

    Request next(long seconds) throws InterruptedException {
        Request r = requests.poll(seconds, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no request within " + seconds + " s");
        }
        return r;
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(10_000);
                InputStream in = s.getInputStream();
                String requestLine = line(in);
                Map<String, String> headers = new LinkedHashMap<>();
                for (String h = line(in); !h.isEmpty(); h = line(in)) {
                    int colon = h.indexOf(':');
                    headers.put(
                            h.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            h.substring(colon + 1).trim());
                }
                int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
                byte[] body = in.readNBytes(length);
                String[] parts = requestLine.split(" ");
                String answer = nextAnswer();
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 " + answer + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                requests.add(new Request(parts[0], parts.length > 1 ? parts[1] : "", headers, body));
            } catch (IOException | RuntimeException e) {
                // closed, or a client that went away: next
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
