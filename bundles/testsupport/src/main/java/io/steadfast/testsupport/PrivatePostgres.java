package io.steadfast.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of a test's own, which the test may stop, crash and start again (the machine's server is
 * never touched): a data directory under the temporary directory, the machine's PostgreSQL binaries
 * ({@code /usr/lib/postgresql/<version>/bin}, Debian's {@code postgresql} package, which {@code .ci/run}
 * installs), run as the {@code postgres} user when the tests run as root, on a free loopback port, trust
 * authentication, no fsync (a test server).
 */
public final class PrivatePostgres implements AutoCloseable {

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgres;

    private PrivatePostgres(Path bin, Path dir, int port, boolean asPostgres) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** Makes a fresh cluster and starts it. */
    public static PrivatePostgres start() {
        Path bin = binaries();
        try {
            Path dir = Files.createTempDirectory("steadfast-pg");
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                UserPrincipal postgres =
                        dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
                Files.setOwner(dir, postgres);
            }
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            PrivatePostgres pg = new PrivatePostgres(bin, dir, port, root);
            pg.run(
                    List.of(
                            bin.resolve("initdb").toString(),
                            "-D",
                            dir.resolve("data").toString(),
                            "-U",
                            "postgres",
                            "--auth=trust",
                            "-E",
                            "UTF8",
                            "--no-sync"),
                    120);
            pg.startServer();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                Path newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/pg_ctl")))
                        .max(Comparator.comparingInt(
                                v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))))
                        .orElse(null);
                if (newest != null) {
                    return newest.resolve("bin");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("A private PostgreSQL needs the PostgreSQL binaries under /usr/lib/postgresql "
                + "(apt-get install postgresql; .ci/run does)");
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of its {@code postgres} database. */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Starts the server (again) on the same data and port, and waits until it takes connections. */
    public synchronized void startServer() {
        run(
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        dir.resolve("data").toString(),
                        "-l",
                        dir.resolve("server.log").toString(),
                        "-o",
                        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                                + " -c synchronous_commit=off -c full_page_writes=off",
                        "-w",
                        "-t",
                        "60",
                        "start"),
                90);
    }

    /** Stops the server as an operator does (fast shutdown: sessions are ended, the data stays consistent). */
    public synchronized void stopServer() {
        run(
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        dir.resolve("data").toString(),
                        "-m",
                        "fast",
                        "-w",
                        "stop"),
                60);
    }

    private void run(List<String> command, int seconds) {
        List<String> cmd = new ArrayList<>();
        if (asPostgres) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(command);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(seconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            stopServer();
        } catch (RuntimeException alreadyStopped) {
            // stopped or crashed before
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }
}
