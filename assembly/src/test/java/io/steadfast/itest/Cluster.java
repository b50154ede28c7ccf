package io.steadfast.itest;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.steadfast.testsupport.TestPostgres;
import io.steadfast.testsupport.TestRedis;

/**
 * Real Steadfast nodes ({@code bin/karaf server} of the assembled distribution) sharing one fresh PostgreSQL
 * schema and one private Redis — the production set-up, on loopback. One cluster per test JVM, started on first
 * use and stopped at exit. With {@code -Dsteadfast.clock.start} the nodes run on a simulated clock from that
 * instant ({@code STEADFAST_CLOCK_START}); the build runs the API tests so at several instants (assembly/pom.xml).
 */
public final class Cluster {

    private static Cluster instance;

    private final List<Process> processes = new ArrayList<>();
    private final List<Http> nodes = new ArrayList<>();
    private final TestRedis.Private redis;
    private final String dbUrl;

    public static synchronized Cluster get() {
        if (instance == null) {
            instance = new Cluster(Integer.getInteger("steadfast.cluster.size", 2));
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
            // the first account of a server is its admin
            Accounts.adminOf(instance.node(0));
        }
        return instance;
    }

    private Cluster(int size) {
        removeOldCopies();
        this.dbUrl = TestPostgres.freshSchemaUrl();
        this.redis = TestRedis.startPrivate();
        try {
            for (int i = 0; i < size; i++) {
                int port = Distribution.freePort();
                Path home = copy("node" + i);
                writeConfig(home);
                processes.add(start(home, port, dbUrl, redis.url()));
                nodes.add(new Http(port));
                if (i == 0) {
                    awaitHealthy(nodes.get(0), home);
                }
            }
            for (int i = 1; i < size; i++) {
                awaitHealthy(nodes.get(i), null);
            }
        } catch (IOException e) {
            stop();
            throw new IllegalStateException(e);
        }
    }

    /** Starts {@code bin/karaf server} of a distribution copy on PostgreSQL and Redis, as an operator would. */
    static Process start(Path home, int port, String dbUrl, String redisUrl) throws IOException {
        return start(home, port, dbUrl, redisUrl, Map.of());
    }

    /** {@link #start(Path, int, String, String)} with more environment variables (e.g. STEADFAST_PUBLIC_URL). */
    static Process start(Path home, int port, String dbUrl, String redisUrl, Map<String, String> extraEnv)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("console.log").toFile());
        Map<String, String> env = pb.environment();
        env.put("STEADFAST_HTTP_PORT", Integer.toString(port));
        // the suites make hundreds of requests a second from one address and a few users; RateLimitIT tests the
        // limit with its own node (an extraEnv entry wins over these)
        env.put("STEADFAST_RATE_LIMIT_PER_USER", "1000000/100000");
        env.put("STEADFAST_RATE_LIMIT_PER_ADDRESS", "1000000/100000");
        env.put("STEADFAST_DB_URL", dbUrl);
        env.put("STEADFAST_DB_USER", TestPostgres.user());
        env.put("STEADFAST_DB_PASSWORD", TestPostgres.password());
        env.put("STEADFAST_REDIS_URL", redisUrl);
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("CHECK_ROOT_INSTANCE_RUNNING", "false");
        ServerTime.simulatedStart().ifPresent(s -> env.put("STEADFAST_CLOCK_START", s.toString()));
        env.putAll(extraEnv);
        return pb.start();
    }

    /**
     * Waits until the node is ready (what serving needs), then up to 30 s more for every part to be healthy; a part
     * that stays unhealthy (the cache, the outbox) is reported with its reason — the test that needs it fails on its
     * own, with its own message — instead of failing every test of the cluster.
     */
    static void awaitHealthy(Http node, Path home) {
        HttpResponse<String> r = node.await("/health/ready", x -> x.statusCode() == 200, Duration.ofSeconds(120));
        if (r == null || r.statusCode() != 200) {
            throw new IllegalStateException("node not ready: " + (r == null ? "no answer" : r.body())
                    + (home == null ? "" : " see " + home.resolve("console.log") + " and data/log/karaf.log")
                    + problems(home));
        }
        node.awaitApi();
        HttpResponse<String> health = node.await("/health", x -> x.statusCode() == 200, Duration.ofSeconds(30));
        if (health == null || health.statusCode() != 200) {
            System.out.println("[cluster] node " + node.port() + " is ready but not healthy: "
                    + (health == null ? "no answer" : health.body()) + (home == null ? "" : " (" + home + ")"));
        }
    }

    /** The node log's last WARN and ERROR lines, for a failure message (the copy may be gone when it is read). */
    static String problems(Path home) {
        if (home == null) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(home.resolve("data/log/karaf.log")).stream()
                    .filter(l -> l.contains("| WARN ") || l.contains("| ERROR "))
                    .map(l -> l.length() > 300 ? l.substring(0, 300) : l)
                    .toList();
            return "; the log's last warnings: "
                    + String.join(" / ", lines.subList(Math.max(0, lines.size() - 6), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Node {@code i} (0 or 1). */
    /**
     * Node {@code i}; a one-node cluster ({@code -Dsteadfast.cluster.size=1}, the clock runs) answers every index
     * with its one node, so a test that reads on another node than it wrote reads on the same.
     */
    public Http node(int i) {
        return nodes.get(Math.min(i, nodes.size() - 1));
    }

    /** How many nodes it has. */
    public int size() {
        return nodes.size();
    }

    public TestRedis.Private redis() {
        return redis;
    }

    public String dbUrl() {
        return dbUrl;
    }

    /** Clears the throttling counters (all tests share 127.0.0.1) and the token cache. */
    public void resetCounters() {
        redis.command("FLUSHALL");
    }

    private void stop() {
        stopAll(processes);
        redis.stop();
    }

    /** Stops node processes (a clean stop, then a kill after 20 s); null entries are skipped. */
    static void stopAll(List<Process> nodes) {
        for (Process p : nodes) {
            if (p != null) {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
            }
        }
        for (Process p : nodes) {
            try {
                if (p != null && !p.waitFor(20, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void writeConfig(Path home) throws IOException {
        // fewer failures per address than the default, so that the throttling test runs quickly
        Files.writeString(
                home.resolve("etc/io.steadfast.identity.cfg"),
                "login.maxFailuresPerAccountAndAddress = 5\nlogin.maxFailuresPerAddress = 12\nregistration.maxPerAddressPerHour = 100000\n");
    }

    /**
     * Copies of earlier test JVMs (kept until now, for their logs) are removed; their logs are kept in
     * target/node-logs (for LogSecretsIT). A copy whose node still runs stays.
     */
    private static synchronized void removeOldCopies() {
        try (Stream<Path> dirs = Files.list(Path.of("target"))) {
            dirs.filter(d -> d.getFileName().toString().startsWith("cluster-"))
                    .filter(d -> !NodeLogs.running(d))
                    .forEach(d -> {
                        NodeLogs.keep(d, d.getFileName().toString());
                        deleteTree(d);
                    });
        } catch (IOException e) {
            // nothing to clean
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }

    static Path copy(String name) throws IOException {
        Path source = Path.of(System.getProperty("steadfast.assembly"));
        Path target =
                Path.of("target", "cluster-" + name + "-" + System.nanoTime()).toAbsolutePath();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path rel = source.relativize(p);
                if (rel.startsWith("data")
                        || rel.startsWith("instances")
                        || rel.toString().equals("lock")) {
                    continue;
                }
                Path dest = target.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        for (String script : new String[] {"karaf", "start", "stop", "client", "status", "shell", "setenv", "inc"}) {
            File f = target.resolve("bin/" + script).toFile();
            if (f.exists()) {
                f.setExecutable(true);
            }
        }
        return target;
    }
}
