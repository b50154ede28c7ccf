package io.steadfast.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import redis.embedded.RedisServer;

/**
 * A real Redis for tests: the server on 127.0.0.1:6379 when it answers PING, otherwise a private one. Private
 * servers (also for tests that stop and restart Redis) run the machine's {@code redis-server} when installed, or
 * the binary that embedded-redis ships from Maven Central. Never skips.
 */
public final class TestRedis {

    private static String sharedUrl;

    private TestRedis() {}

    /** A Redis URL for tests that only need a working server. */
    public static synchronized String url() {
        if (sharedUrl == null) {
            if (answersPing("127.0.0.1", 6379)) {
                sharedUrl = "redis://127.0.0.1:6379";
            } else {
                System.err.println("[testsupport] no Redis at 127.0.0.1:6379; starting a private one");
                Private p = startPrivate();
                Runtime.getRuntime().addShutdownHook(new Thread(p::stop));
                sharedUrl = p.url();
            }
        }
        return sharedUrl;
    }

    /** Starts a private Redis on a free port; it can be stopped and started again on the same port. */
    public static Private startPrivate() {
        Private p = new Private(freePort());
        p.start();
        return p;
    }

    /** A free TCP port on loopback, e.g. for a Redis that is never started. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean answersPing(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] buf = new byte[7];
            InputStream in = s.getInputStream();
            int n = in.read(buf);
            return n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    /** A private Redis server process. */
    public static final class Private {
        private final int port;
        private RedisServer server;

        Private(int port) {
            this.port = port;
        }

        public int port() {
            return port;
        }

        public String url() {
            return "redis://127.0.0.1:" + port;
        }

        public synchronized void start() {
            try {
                // never persist: a private server starts empty every time (it runs in the binary's folder, so
                // without this a dump.rdb there would carry data from one test run into the next)
                File dir = java.nio.file.Files.createTempDirectory("steadfast-redis")
                        .toFile();
                dir.deleteOnExit();
                redis.embedded.core.RedisServerBuilder builder = RedisServer.newRedisServer()
                        .port(port)
                        .bind("127.0.0.1")
                        .setting("save \"\"")
                        .setting("appendonly no")
                        .setting("dir " + dir.getAbsolutePath());
                File system = new File("/usr/bin/redis-server");
                if (system.canExecute()) {
                    builder.executableProvider(() -> system);
                }
                server = builder.build();
                server.start();
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (!answersPing("127.0.0.1", port)) {
                    if (System.nanoTime() - deadline > 0) {
                        throw new IllegalStateException("Redis on port " + port + " did not start");
                    }
                    Thread.sleep(20);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** The process id of this server (for a test that kills or pauses it), or -1 when it does not run. */
        public long pid() {
            // redis-server rewrites its command line to "redis-server 127.0.0.1:<port>": read it from /proc
            java.io.File[] procs =
                    new java.io.File("/proc").listFiles((d, n) -> n.chars().allMatch(Character::isDigit));
            if (procs == null) {
                return -1;
            }
            for (java.io.File proc : procs) {
                try {
                    String cmd = new String(
                                    java.nio.file.Files.readAllBytes(
                                            proc.toPath().resolve("cmdline")),
                                    StandardCharsets.UTF_8)
                            .replace('\0', ' ');
                    if (cmd.contains("redis-server") && cmd.contains(":" + port)) {
                        return Long.parseLong(proc.getName());
                    }
                } catch (IOException | RuntimeException gone) {
                    // a process that ended meanwhile
                }
            }
            return -1;
        }

        /** Sends a signal ({@code KILL}, {@code STOP}, {@code CONT}) to this server's process. */
        public void signal(String name) {
            long pid = pid();
            if (pid < 0) {
                throw new IllegalStateException("no redis-server process for port " + port);
            }
            try {
                new ProcessBuilder("kill", "-" + name, Long.toString(pid))
                        .inheritIO()
                        .start()
                        .waitFor();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Sends one command (e.g. {@code FLUSHALL}) and returns the first line of the reply. */
        public String command(String... args) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.setSoTimeout(2000);
                StringBuilder req = new StringBuilder("*").append(args.length).append("\r\n");
                for (String a : args) {
                    byte[] b = a.getBytes(StandardCharsets.UTF_8);
                    req.append('$').append(b.length).append("\r\n").append(a).append("\r\n");
                }
                s.getOutputStream().write(req.toString().getBytes(StandardCharsets.UTF_8));
                s.getOutputStream().flush();
                byte[] buf = new byte[256];
                int n = s.getInputStream().read(buf);
                String reply = n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.UTF_8);
                int eol = reply.indexOf("\r\n");
                return eol < 0 ? reply : reply.substring(0, eol);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public synchronized void stop() {
            if (server != null) {
                try {
                    server.stop();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                server = null;
            }
        }
    }
}
