package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.steadfast.image.SteadfastImage;

/**
 * The container image, proven without a container engine: the archive the build made
 * ({@code target/steadfast-image.tar}) is what {@code docker load} reads, agrees with {@code infra/image/Dockerfile},
 * and — unpacked layer by layer into a root file system and started as Docker would (its entrypoint, its environment,
 * its user, a read-only root with only the data volume writable, a PID namespace of its own, the port on loopback) —
 * serves, passes its own HEALTHCHECK, and on SIGTERM leaves cleanly: readiness says 503 at once while the API still
 * answers, and no request that reached it is cut off.
 */
class ImageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ARCHIVE = Path.of("target", "steadfast-image.tar").toAbsolutePath();

    private Process container;
    private Path work;

    @AfterEach
    void stop() throws Exception {
        if (container != null && container.isAlive()) {
            container.descendants().forEach(ProcessHandle::destroyForcibly);
            container.destroyForcibly();
            container.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theArchiveIsAnImageDockerLoadsAndTheDockerfileAgrees() throws Exception {
        Image image = Image.read(ARCHIVE);
        Map<String, Object> config = image.containerConfig();
        assertThat(config.get("User")).isEqualTo("10001:10001");
        assertThat(config.get("Entrypoint")).isEqualTo(List.of(SteadfastImage.ENTRYPOINT));
        assertThat(config.get("Env")).isEqualTo(SteadfastImage.env());
        assertThat(((Map<?, ?>) config.get("Volumes")).keySet()).isEqualTo(java.util.Set.of("/data"));
        assertThat(((Map<?, ?>) config.get("ExposedPorts")).keySet()).isEqualTo(java.util.Set.of("8181/tcp"));
        assertThat(config.get("StopSignal")).isEqualTo("SIGTERM");
        Map<?, ?> health = (Map<?, ?>) config.get("Healthcheck");
        assertThat(health.get("Test")).isEqualTo(List.of("CMD-SHELL", SteadfastImage.HEALTHCHECK));
        assertThat(((Number) health.get("Interval")).longValue())
                .isEqualTo(Duration.ofSeconds(10).toNanos());

        // what infra/image/Dockerfile says is what the image is
        Dockerfile docker = Dockerfile.read(Path.of("..", "infra", "image", "Dockerfile"));
        assertThat(docker.last("USER")).isEqualTo(config.get("User"));
        assertThat(docker.all("ENV")).isEqualTo(SteadfastImage.env());
        assertThat(docker.last("ENTRYPOINT")).isEqualTo("[\"" + SteadfastImage.ENTRYPOINT + "\"]");
        assertThat(docker.last("WORKDIR")).isEqualTo(config.get("WorkingDir"));
        assertThat(docker.last("EXPOSE")).isEqualTo("8181/tcp");
        assertThat(docker.last("VOLUME")).isEqualTo("[\"/data\"]");
        assertThat(docker.last("STOPSIGNAL")).isEqualTo("SIGTERM");
        assertThat(docker.last("HEALTHCHECK"))
                .isEqualTo("--interval=10s --timeout=5s --start-period=120s --retries=3 CMD "
                        + SteadfastImage.HEALTHCHECK);
        assertThat(docker.text()).contains("--add-modules " + String.join(",", SteadfastImage.MODULES) + " ");
    }

    @Test
    void unpackedAndStartedAsAContainerItServesPassesItsHealthCheckAndStopsCleanlyOnSigterm() throws Exception {
        Assumptions.assumeTrue(
                "root".equals(System.getProperty("user.name")),
                "starting the image needs root (chroot, mount and PID namespaces); CI runs as root");
        Image image = Image.read(ARCHIVE);
        work = Files.createDirectories(Path.of("target", "image-test").toAbsolutePath());
        run("rm", "-rf", work.resolve("root").toString(), work.resolve("data").toString());
        Path root = Files.createDirectories(work.resolve("root"));
        Path data = Files.createDirectories(work.resolve("data"));
        run("chown", "10001:10001", data.toString());
        for (Path layer : image.layers()) {
            run("tar", "-xzf", layer.toString(), "-C", root.toString(), "--numeric-owner");
        }
        Files.writeString(work.resolve("hosts"), "127.0.0.1\tlocalhost steadfast-image-test\n");

        int port = Distribution.freePort();
        List<String> env = new ArrayList<>(image.env());
        env.add("STEADFAST_HTTP_PORT=" + port);
        env.add("STEADFAST_HTTP_HOST=127.0.0.1");
        env.add("STEADFAST_SHUTDOWN_DRAIN_SECONDS=3");
        env.add("STEADFAST_RATE_LIMIT_PER_ADDRESS=100000/100000");
        env.add("STEADFAST_RATE_LIMIT_PER_USER=100000/100000");
        String user = (String) image.containerConfig().get("User");
        // as a container runtime does: the image read-only, the volume and /proc, /dev mounted, its own PID and
        // host name, the entrypoint started as the image's user with the image's environment and nothing else
        String script = String.join(
                "\n",
                "set -e",
                "R=" + root,
                "mount --bind $R $R",
                "mount -o remount,bind,ro $R",
                "mount --bind " + data + " $R/data",
                "mount --bind " + work.resolve("hosts") + " $R/etc/hosts",
                "mount -t proc proc $R/proc",
                "mount --rbind /dev $R/dev",
                "hostname steadfast-image-test",
                "exec chroot --userspec=" + user + " $R /usr/bin/env -i " + String.join(" ", quoted(env)) + " "
                        + SteadfastImage.ENTRYPOINT);
        Files.writeString(work.resolve("run.sh"), script);
        Path log = work.resolve("container.log");
        container = new ProcessBuilder(
                        "unshare",
                        "--mount",
                        "--pid",
                        "--uts",
                        "--fork",
                        "sh",
                        work.resolve("run.sh").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();

        Http http = new Http(port);
        HttpResponse<String> ready = awaitReady(http, log, Duration.ofMinutes(3));
        assertThat(ready.statusCode()).as(tail(log)).isEqualTo(200);

        ProcessHandle jvm = jvmIn(root);
        assertThat(Files.readAllLines(Path.of("/proc", Long.toString(jvm.pid()), "status")))
                .as("the JVM runs as the image's unprivileged user")
                .anyMatch(l -> l.matches("Uid:\\s+10001\\s+10001\\s+10001\\s+10001"));

        // the whole API works, and what it keeps goes to the volume
        IdentityApiIT.Account ann = Accounts.register(http, "image-ann@example.org");
        HttpResponse<String> habit = http.as(
                ann.token(),
                "POST",
                "/api/v1/habits",
                "{\"name\":\"Stretch\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"}}");
        assertThat(habit.statusCode()).as(habit.body()).isEqualTo(201);
        String habitId = (String) Http.json(habit).get("id");
        String today = ServerTime.today(http).toString();
        assertThat(http.as(ann.token(), "PUT", "/api/v1/habits/" + habitId + "/checkins/" + today, "{}")
                        .statusCode())
                .isIn(200, 201);
        assertThat(data.resolve("steadfast")).isDirectory();
        try (var files = Files.list(data.resolve("steadfast"))) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".mv.db"));
        }

        // the image's own HEALTHCHECK, run in the container as docker exec runs it: its mounts, its root, its user
        List<String> check = new ArrayList<>(List.of(
                "nsenter",
                "--target",
                Long.toString(jvm.pid()),
                "--mount",
                "--root",
                "--wd",
                "--setuid",
                "10001",
                "--setgid",
                "10001",
                "/usr/bin/env",
                "-i"));
        check.addAll(env);
        check.addAll(List.of("/bin/sh", "-c", SteadfastImage.HEALTHCHECK));
        Process hc = new ProcessBuilder(check).redirectErrorStream(true).start();
        assertThat(hc.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(hc.exitValue())
                .as(new String(hc.getInputStream().readAllBytes()))
                .isZero();

        // SIGTERM under load: readiness says no at once, the API keeps answering while the node drains, and a
        // request is either answered in full or refused a connection (after the node is gone), never cut off
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        AtomicBoolean going = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> broken = new ConcurrentLinkedQueue<>();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger answeredAfterTerm = new AtomicInteger();
        AtomicBoolean termed = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                while (going.get()) {
                    HttpRequest get = HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/api/v1/habits/" + habitId))
                            .header("Authorization", "Bearer " + ann.token())
                            .timeout(Duration.ofSeconds(10))
                            .build();
                    try {
                        HttpResponse<String> r = client.send(get, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200 && r.body().contains(habitId)) {
                            answered.incrementAndGet();
                            if (termed.get()) {
                                answeredAfterTerm.incrementAndGet();
                            }
                        } else if (r.statusCode() != 503) {
                            broken.add(r.statusCode() + " " + r.body());
                        }
                    } catch (ConnectException refused) {
                        // the node is gone: a load balancer has taken it out long before
                        sleep(50);
                    } catch (IOException e) {
                        broken.add(e.toString());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            t.start();
            clients.add(t);
        }
        sleep(1000);
        termed.set(true);
        long termAt = System.nanoTime();
        run("kill", "-TERM", Long.toString(jvm.pid()));
        HttpResponse<String> readiness = http.await("/health/ready", r -> r.statusCode() == 503, Duration.ofSeconds(2));
        assertThat(readiness.statusCode()).isEqualTo(503);
        // (counts only: the parts' names are for admins)
        assertThat(readiness.body()).contains("\"unhealthy\":1");
        assertThat(container.waitFor(60, TimeUnit.SECONDS)).as(tail(log)).isTrue();
        long stoppedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - termAt);
        going.set(false);
        for (Thread t : clients) {
            t.join(15_000);
        }
        assertThat(container.exitValue()).as(tail(log)).isZero();
        assertThat(broken).as("answers cut off or wrong while the node stopped").isEmpty();
        assertThat(answeredAfterTerm.get())
                .as("the API answered while the node drained")
                .isGreaterThan(0);
        assertThat(stoppedMs).as("drained for 3 s, then stopped").isBetween(3000L, 30_000L);
        String output = Files.readString(log);
        assertThat(output).doesNotContain("Read-only file system");
        assertThat(output).contains("Stopping: /health/ready says 503").contains("Every request finished");
        System.out.printf(
                "[image] ready, %d answers, %d after SIGTERM, stopped %d ms after it%n",
                answered.get(), answeredAfterTerm.get(), stoppedMs);
    }

    private static HttpResponse<String> awaitReady(Http http, Path log, Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = http.send("GET", "/health/ready", null);
                if (last.statusCode() == 200) {
                    return last;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            sleep(500);
        }
        fail("the container never became ready:\n" + tail(log) + (last == null ? "" : "\n" + last.body()));
        return last;
    }

    /** The container's JVM: the process whose root is the unpacked image. */
    private static ProcessHandle jvmIn(Path root) throws IOException {
        Path real = root.toRealPath();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .filter(p -> {
                    try {
                        return Files.readSymbolicLink(Path.of("/proc", Long.toString(p.pid()), "root"))
                                .equals(real);
                    } catch (IOException | SecurityException e) {
                        return false;
                    }
                })
                .findFirst()
                .orElseThrow(() -> new AssertionError("no JVM runs in " + root));
    }

    private static List<String> quoted(List<String> env) {
        return env.stream().map(e -> "'" + e.replace("'", "'\\''") + "'").toList();
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + out);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The image archive as {@code docker load} reads it: manifest.json, the config and the layers it names. */
    record Image(Map<String, Object> config, List<Path> layers) {

        @SuppressWarnings("unchecked")
        Map<String, Object> containerConfig() {
            return (Map<String, Object>) config.get("config");
        }

        @SuppressWarnings("unchecked")
        List<String> env() {
            return (List<String>) containerConfig().get("Env");
        }

        @SuppressWarnings("unchecked")
        static Image read(Path archive) throws Exception {
            assertThat(archive)
                    .as("the build makes the image (it needs Debian's busybox-static: apt-get install busybox-static)")
                    .isRegularFile();
            Path dir =
                    Files.createDirectories(Path.of("target", "image-archive").toAbsolutePath());
            Map<String, byte[]> small = new LinkedHashMap<>();
            try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(archive))) {
                TarArchiveEntry e;
                while ((e = tar.getNextEntry()) != null) {
                    if (e.isDirectory()) {
                        continue;
                    }
                    if (e.getSize() < 1 << 20) {
                        small.put(e.getName(), tar.readAllBytes());
                    } else {
                        Path out = dir.resolve(e.getName().replace('/', '_'));
                        Files.copy(tar, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            assertThat(small).containsKeys("manifest.json", "index.json", "oci-layout");
            List<Map<String, Object>> manifest = JSON.readValue(small.get("manifest.json"), List.class);
            assertThat(manifest).hasSize(1);
            assertThat((List<String>) manifest.get(0).get("RepoTags")).anyMatch(t -> t.startsWith("steadfast:"));
            String configPath = (String) manifest.get(0).get("Config");
            byte[] configBytes = small.get(configPath);
            assertThat("sha256:" + hex(MessageDigest.getInstance("SHA-256").digest(configBytes)))
                    .as("the config is named by its digest")
                    .isEqualTo("sha256:" + configPath.substring(configPath.lastIndexOf('/') + 1));
            Map<String, Object> config = JSON.readValue(configBytes, Map.class);
            assertThat(config.get("os")).isEqualTo("linux");
            List<String> diffIds = (List<String>) ((Map<String, Object>) config.get("rootfs")).get("diff_ids");
            List<String> layerPaths = (List<String>) manifest.get(0).get("Layers");
            assertThat(layerPaths).hasSameSizeAs(diffIds);
            List<Path> layers = new ArrayList<>();
            for (int i = 0; i < layerPaths.size(); i++) {
                String name = layerPaths.get(i);
                Path blob = dir.resolve(name.replace('/', '_'));
                if (!Files.exists(blob)) {
                    Files.write(blob, small.get(name));
                }
                MessageDigest compressed = MessageDigest.getInstance("SHA-256");
                MessageDigest plain = MessageDigest.getInstance("SHA-256");
                try (InputStream in = new DigestInputStream(
                        new GZIPInputStream(new DigestInputStream(Files.newInputStream(blob), compressed)), plain)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                assertThat(hex(compressed.digest())).isEqualTo(name.substring(name.lastIndexOf('/') + 1));
                assertThat("sha256:" + hex(plain.digest())).isEqualTo(diffIds.get(i));
                layers.add(blob);
            }
            return new Image(config, layers);
        }

        private static String hex(byte[] b) {
            return HexFormat.of().formatHex(b);
        }
    }

    /** The instructions of a Dockerfile (continuation lines joined, comments left out). */
    record Dockerfile(String text, List<String[]> instructions) {

        static Dockerfile read(Path file) throws IOException {
            String text = Files.readString(file);
            List<String[]> instructions = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : text.split("\n")) {
                if (line.trim().startsWith("#")) {
                    continue;
                }
                if (line.endsWith("\\")) {
                    current.append(line, 0, line.length() - 1).append(' ');
                    continue;
                }
                current.append(line);
                String whole = current.toString().trim();
                current.setLength(0);
                if (!whole.isEmpty()) {
                    int space = whole.indexOf(' ');
                    instructions.add(new String[] {
                        whole.substring(0, space), whole.substring(space + 1).trim()
                    });
                }
            }
            return new Dockerfile(text.replaceAll("\\\\\n\\s*", " "), instructions);
        }

        /** The last stage's value of an instruction. */
        String last(String name) {
            String value = null;
            for (String[] i : instructions) {
                if (i[0].equals("FROM")) {
                    value = null;
                } else if (i[0].equals(name)) {
                    value = i[1];
                }
            }
            return value;
        }

        /** Every value of an instruction in the last stage, in order. */
        List<String> all(String name) {
            List<String> values = new ArrayList<>();
            for (String[] i : instructions) {
                if (i[0].equals("FROM")) {
                    values.clear();
                } else if (i[0].equals(name)) {
                    values.add(i[1]);
                }
            }
            return values;
        }
    }
}
