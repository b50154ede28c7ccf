package io.steadfast.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real S3-compatible server for tests: s3proxy ({@code org.gaul:s3proxy:jar-with-dependencies}, the version in
 * the root pom) run as a child Java process on a free 127.0.0.1 port, with the file system blobstore under
 * {@code target/s3proxy/} and AWS signatures (V2 or V4) checked against an access key and secret made up for this
 * run. Path-style addressing ({@code http://127.0.0.1:<port>/<bucket>/<key>}), region {@code us-east-1}.
 * <p>
 * {@link #start()} starts one (with one empty bucket); {@link #stop()} and {@link #restart()} take it down and up on
 * the same port with the same data, for outage tests; a shutdown hook stops what a test forgets. The jar is found in
 * the local Maven repository ({@code -Dsteadfast.s3proxy.jar=<path>} overrides). s3proxy 2.9.0 runs on Java 17 (its
 * classes are Java 17; the child runs the test JVM's own {@code java}).
 */
public final class S3Server {

    /** The region the SDK signs for; s3proxy accepts any. */
    public static final String REGION = "us-east-1";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final int port;
    private final String bucket;
    private final String accessKey;
    private final String secretKey;
    private final Path base;
    private final Path log;
    private Process process;

    private S3Server(int port, String bucket, Path base) {
        this.port = port;
        this.bucket = bucket;
        this.accessKey = "test" + hex(8);
        this.secretKey = hex(20);
        this.base = base;
        this.log = base.resolve("s3proxy.log");
    }

    /** Starts a new server with one empty bucket ({@link #bucket()}), waits until it answers. */
    public static S3Server start() {
        int port = TestRedis.freePort();
        Path base = Path.of("target", "s3proxy", "run-" + port + "-" + System.nanoTime())
                .toAbsolutePath();
        S3Server s = new S3Server(port, "steadfast-test-" + hex(4), base);
        s.createBucket(s.bucket);
        s.up();
        Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "stop-s3proxy-" + port));
        return s;
    }

    /** {@code http://127.0.0.1:<port>}: the endpoint override for the SDK (with path-style access). */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The bucket made at start. */
    public String bucket() {
        return bucket;
    }

    public String region() {
        return REGION;
    }

    /** The access key id of this run (the SDK's {@code AWS_ACCESS_KEY_ID}). */
    public String accessKey() {
        return accessKey;
    }

    /** The secret key of this run (the SDK's {@code AWS_SECRET_ACCESS_KEY}). */
    public String secretKey() {
        return secretKey;
    }

    /**
     * The environment of a Steadfast node that keeps its media in this server's bucket under {@code prefix} (may be
     * empty): the {@code STEADFAST_MEDIA_S3_*} variables and the AWS credentials, and the EC2 metadata service off
     * (so that the SDK never looks beyond loopback).
     */
    public Map<String, String> nodeEnv(String prefix) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("STEADFAST_MEDIA_S3_BUCKET", bucket);
        env.put("STEADFAST_MEDIA_S3_ENDPOINT", endpoint());
        env.put("STEADFAST_MEDIA_S3_REGION", REGION);
        env.put("STEADFAST_MEDIA_S3_PREFIX", prefix == null ? "" : prefix);
        env.put("AWS_ACCESS_KEY_ID", accessKey);
        env.put("AWS_SECRET_ACCESS_KEY", secretKey);
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        return env;
    }

    /** {@link #nodeEnv(String)} without a key prefix. */
    public Map<String, String> nodeEnv() {
        return nodeEnv("");
    }

    /** Makes another empty bucket (a folder of the file system blobstore; works while the server runs). */
    public void createBucket(String name) {
        try {
            Files.createDirectories(data().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keys of the objects in {@code bucket}, sorted, read from the blobstore's folder (not through S3). */
    public List<String> keys(String bucketName) {
        Path dir = data().resolve(bucketName);
        List<String> keys = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return keys;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile)
                    .map(f -> dir.relativize(f).toString().replace(File.separatorChar, '/'))
                    .sorted()
                    .forEach(keys::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    /** The keys of the objects in {@link #bucket()}. */
    public List<String> keys() {
        return keys(bucket);
    }

    /** The server's log (s3proxy's own lines), for a failure message. */
    public Path log() {
        return log;
    }

    /** Stops the server (its data stays); {@link #restart()} starts it again on the same port. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        Process p = process;
        process = null;
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    /** Starts the server again on the same port with the same buckets and objects. */
    public synchronized void restart() {
        up();
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    private synchronized void up() {
        if (running()) {
            return;
        }
        try {
            Files.createDirectories(data());
            Properties p = new Properties();
            p.setProperty("s3proxy.endpoint", endpoint());
            p.setProperty("s3proxy.authorization", "aws-v2-or-v4");
            p.setProperty("s3proxy.identity", accessKey);
            p.setProperty("s3proxy.credential", secretKey);
            // the AWS SDK (2.30 and later) sends x-amz-checksum-crc32 with DeleteObjects even when checksums are
            // asked for only where required; s3proxy answers such unknown headers 501 NotImplemented without this
            p.setProperty("s3proxy.ignore-unknown-headers", "true");
            p.setProperty("jclouds.provider", "filesystem-nio2");
            p.setProperty("jclouds.filesystem.basedir", data().toString());
            Path conf = base.resolve("s3proxy.conf");
            try (OutputStream out = Files.newOutputStream(conf)) {
                p.store(out, "s3proxy for tests, made by io.steadfast.testsupport.S3Server");
            }
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(
                            java, "-Xmx256m", "-jar", jar().toString(), "--properties", conf.toString())
                    .directory(base.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().put("LOG_LEVEL", "info");
            process = pb.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!answers()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("s3proxy exited with " + process.exitValue() + "; see " + log);
                }
                if (System.nanoTime() - deadline > 0) {
                    stop();
                    throw new IllegalStateException("s3proxy on port " + port + " did not answer; see " + log);
                }
                Thread.sleep(50);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether an HTTP request gets an answer (anonymous: 403 is an answer). */
    private boolean answers() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] buf = new byte[12];
            InputStream in = s.getInputStream();
            int n = in.read(buf);
            return n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("HTTP/1.1");
        } catch (IOException e) {
            return false;
        }
    }

    private Path data() {
        return base.resolve("data");
    }

    /** The s3proxy jar: {@code -Dsteadfast.s3proxy.jar}, else the local Maven repository. */
    static Path jar() {
        String explicit = System.getProperty("steadfast.s3proxy.jar");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        Properties p = new Properties();
        try (InputStream in = S3Server.class.getResourceAsStream("s3proxy.properties")) {
            p.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("s3proxy.properties is missing from testsupport", e);
        }
        String version = p.getProperty("version");
        String repo = System.getProperty("maven.repo.local");
        Path root = repo != null && !repo.isBlank()
                ? Path.of(repo)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        Path jar = root.resolve(p.getProperty("groupPath"))
                .resolve(version)
                .resolve("s3proxy-" + version + "-jar-with-dependencies.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("s3proxy " + version + " is not in " + root
                    + ": build bundles/testsupport once online (it depends on it), or pass -Dsteadfast.s3proxy.jar");
        }
        return jar;
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
