package io.steadfast.media.s3.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.steadfast.api.health.HealthStatus;
import io.steadfast.api.media.MediaStore.Blob;
import io.steadfast.api.ops.Check;
import io.steadfast.testsupport.S3Server;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The S3 store against a real S3-compatible server (s3proxy on loopback, SigV4, path-style): what the MediaStore
 * contract says, objects larger than one PUT, account deletion in batches, refused keys, and failures as
 * IOException when the server is down or the credentials are wrong.
 */
class S3MediaStoreTest {

    private static S3Server server;
    private static S3Connection connection;
    private static S3MediaStore store;

    @BeforeAll
    static void start() {
        server = S3Server.start();
        connection = open(server.bucket(), "media/", server.accessKey(), server.secretKey(), server.endpoint());
        store = new S3MediaStore(connection);
    }

    @AfterAll
    static void stop() {
        if (connection != null) {
            connection.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    static S3Connection open(String bucket, String prefix, String key, String secret, String endpoint) {
        S3Settings settings = S3Settings.resolve(bucket, endpoint, S3Server.REGION, prefix, 1000, 5000);
        return S3Connection.open(settings, StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)));
    }

    private static String user() {
        return "u/" + UUID.randomUUID() + "/";
    }

    private static byte[] read(Blob b) throws IOException {
        try (b;
                InputStream in = b.stream()) {
            return in.readAllBytes();
        }
    }

    @Test
    void putThenGetGivesTheBytesTheirSizeAndContentTypeUnderThePrefix() throws IOException {
        String key = user() + "a/" + UUID.randomUUID() + "/original";
        byte[] photo = "not really a JPEG, but bytes: \u00e9\u00e8".getBytes(StandardCharsets.UTF_8);
        store.put(key, new ByteArrayInputStream(photo), photo.length, "image/jpeg");

        Optional<Blob> back = store.get(key);
        assertThat(back).isPresent();
        assertThat(back.get().size()).isEqualTo(photo.length);
        assertThat(back.get().contentType()).isEqualTo("image/jpeg");
        assertThat(read(back.get())).isEqualTo(photo);
        assertThat(server.keys()).as("stored under the prefix").contains("media/" + key);
        assertThat(store.kind()).isEqualTo("s3");
    }

    @Test
    void aMissingKeyIsEmpty() throws IOException {
        assertThat(store.get(user() + "a/" + UUID.randomUUID() + "/original")).isEmpty();
    }

    @Test
    void anEmptyObjectAndOneWithoutContentType() throws IOException {
        String key = user() + "empty";
        store.put(key, new ByteArrayInputStream(new byte[0]), 0, null);
        Blob b = store.get(key).orElseThrow();
        assertThat(b.size()).isZero();
        assertThat(b.contentType()).isEqualTo("application/octet-stream");
        assertThat(read(b)).isEmpty();
    }

    @Test
    void putOverwritesAndDeleteRemovesAndDeletingTwiceIsFine() throws IOException {
        String key = user() + "avatar/original";
        store.put(key, new ByteArrayInputStream(new byte[] {1, 2, 3}), 3, "image/png");
        store.put(key, new ByteArrayInputStream(new byte[] {4, 5}), 2, "image/webp");
        Blob b = store.get(key).orElseThrow();
        assertThat(b.contentType()).isEqualTo("image/webp");
        assertThat(read(b)).containsExactly(4, 5);

        store.delete(key);
        assertThat(store.get(key)).isEmpty();
        store.delete(key);
        store.delete(user() + "never/there");
    }

    @Test
    void onlySizeBytesAreStoredAndTheStreamIsNotClosed() throws IOException {
        String key = user() + "partial";
        boolean[] closed = {false};
        InputStream longer = new ByteArrayInputStream("0123456789".getBytes(StandardCharsets.US_ASCII)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        store.put(key, longer, 4, "text/plain");
        assertThat(read(store.get(key).orElseThrow())).isEqualTo("0123".getBytes(StandardCharsets.US_ASCII));
        assertThat(closed[0]).isFalse();
    }

    @Test
    void aStreamShorterThanItsSizeIsRefusedAndNothingIsStored() {
        String small = user() + "short";
        assertThatThrownBy(() -> store.put(small, new ByteArrayInputStream(new byte[10]), 20, "text/plain"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("10 of 20");
        String parts = user() + "short-parts";
        long size = S3MediaStore.SINGLE_PUT_MAX + S3MediaStore.PART_SIZE + 1;
        assertThatThrownBy(() ->
                        store.put(parts, new ByteArrayInputStream(new byte[S3MediaStore.PART_SIZE + 7]), size, null))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("ended after " + (S3MediaStore.PART_SIZE + 7));
        assertThat(server.keys()).noneMatch(k -> k.endsWith("/short") || k.endsWith("/short-parts"));
    }

    /** Up to 8 MiB in one PUT; beyond, a multipart upload of 8 MiB parts that reads back whole. */
    @Test
    void largeObjectsRoundTripInOnePutAndInParts() throws IOException {
        for (long size : new long[] {
            S3MediaStore.SINGLE_PUT_MAX, S3MediaStore.SINGLE_PUT_MAX + 1, 2L * S3MediaStore.PART_SIZE + 5
        }) {
            String key = user() + "import/" + size;
            byte[] data = new byte[(int) size];
            new Random(size).nextBytes(data);
            store.put(key, new ByteArrayInputStream(data), size, "application/zip");
            Blob b = store.get(key).orElseThrow();
            assertThat(b.size()).isEqualTo(size);
            assertThat(b.contentType()).isEqualTo("application/zip");
            assertThat(read(b)).as("%d bytes", size).isEqualTo(data);
        }
    }

    @Test
    void closingABlobEarlyIsFine() throws IOException {
        String key = user() + "big";
        byte[] data = new byte[2 * 1024 * 1024];
        store.put(key, new ByteArrayInputStream(data), data.length, null);
        Blob b = store.get(key).orElseThrow();
        assertThat(b.stream().read(new byte[100])).isPositive();
        b.close();
        assertThat(read(store.get(key).orElseThrow())).hasSize(data.length);
    }

    @Test
    void deletePrefixDeletesEveryObjectOfAnAccountInBatchesAndNothingElse() throws Exception {
        String doomed = user();
        String other = user();
        int count = S3MediaStore.BATCH + 25;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String key = doomed + "a/" + i + "/original";
                puts.add(pool.submit(() -> {
                    store.put(key, new ByteArrayInputStream(new byte[] {7}), 1, "image/jpeg");
                    return null;
                }));
            }
            for (Future<?> f : puts) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        store.put(other + "a/1/original", new ByteArrayInputStream(new byte[] {8}), 1, "image/jpeg");
        // a key that starts like the account's prefix without its slash is another account's
        String lookalike = doomed.substring(0, doomed.length() - 1) + "x/a/1/original";
        store.put(lookalike, new ByteArrayInputStream(new byte[] {9}), 1, "image/jpeg");

        long started = System.nanoTime();
        store.deletePrefix(doomed);
        System.out.println(
                "deletePrefix of " + count + " objects: " + (System.nanoTime() - started) / 1_000_000 + " ms");

        assertThat(server.keys()).noneMatch(k -> k.startsWith("media/" + doomed));
        assertThat(store.get(other + "a/1/original")).isPresent();
        assertThat(store.get(lookalike)).isPresent();
        store.deletePrefix(doomed);
    }

    @Test
    void keysOutsideTheContractAreRefused() {
        for (String bad : new String[] {
            "", "/u/1", "u//1", "u/../x", "u/./x", "u/1/", "u/1 2", "u/1?x", "u/\u00e9", "u/1\n", "x".repeat(201)
        }) {
            assertThatThrownBy(() -> store.put(bad, new ByteArrayInputStream(new byte[1]), 1, null))
                    .as("'%s'", bad)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.get(bad)).as("'%s'", bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.delete(bad)).as("'%s'", bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> store.get(null)).isInstanceOf(IllegalArgumentException.class);
        for (String bad : new String[] {"", "/", "u", "u/1", "/u/1/", "u//", "../", "u/../"}) {
            assertThatThrownBy(() -> store.deletePrefix(bad))
                    .as("prefix '%s'", bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void healthAndDoctorSayTheBucketAnswersAndWhereTheCredentialsCameFrom() {
        S3Settings settings = connection.settings();
        HealthStatus health = new S3Health(store, settings).check();
        assertThat(health.healthy()).as(health.message()).isTrue();
        assertThat(health.message()).contains(server.bucket()).contains(server.endpoint());
        Check.Finding finding = new S3Check(store, settings).run();
        assertThat(finding.verdict()).as(finding.detail()).isEqualTo(Check.Verdict.OK);
        assertThat(finding.detail())
                .contains("probe object")
                .contains("credentials from the credentials given")
                .doesNotContain(server.secretKey());
        assertThat(server.keys()).noneMatch(k -> k.contains(S3Check.PROBE_PREFIX));
    }

    @Test
    void wrongCredentialsAreAnIOExceptionWithoutTheSecret() {
        String secret = "not-the-secret-" + UUID.randomUUID();
        try (S3Connection wrong = open(server.bucket(), "", server.accessKey(), secret, server.endpoint())) {
            S3MediaStore s = new S3MediaStore(wrong);
            assertThatThrownBy(() -> s.put("u/x/a", new ByteArrayInputStream(new byte[1]), 1, null))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("403")
                    .message()
                    .doesNotContain(secret)
                    .doesNotContain(server.secretKey());
            assertThatThrownBy(() -> s.get("u/x/a")).isInstanceOf(IOException.class);
            Check.Finding f = new S3Check(s, wrong.settings()).run();
            assertThat(f.verdict()).isEqualTo(Check.Verdict.PROBLEM);
            assertThat(f.detail()).contains("403").doesNotContain(secret);
        }
    }

    @Test
    void aBucketThatDoesNotExistIsAnIOException() {
        try (S3Connection missing = open(
                "no-such-bucket-" + UUID.randomUUID().toString().substring(0, 8),
                "",
                server.accessKey(),
                server.secretKey(),
                server.endpoint())) {
            S3MediaStore s = new S3MediaStore(missing);
            assertThatThrownBy(() -> s.get("u/x/a"))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("NoSuchBucket");
            assertThat(new S3Health(s, missing.settings()).check().healthy()).isFalse();
        }
    }

    @Test
    void aServerThatIsDownIsAnIOExceptionNotARuntimeException() {
        int closed = io.steadfast.testsupport.TestRedis.freePort();
        try (S3Connection down =
                open(server.bucket(), "", server.accessKey(), server.secretKey(), "http://127.0.0.1:" + closed)) {
            S3MediaStore s = new S3MediaStore(down);
            long started = System.nanoTime();
            assertThatThrownBy(() -> s.put("u/x/a", new ByteArrayInputStream(new byte[1]), 1, null))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("unreachable");
            assertThatThrownBy(() -> s.get("u/x/a")).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> s.delete("u/x/a")).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> s.deletePrefix("u/x/")).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> s.put(
                            "u/x/big", new ByteArrayInputStream(new byte[20 * 1024 * 1024]), 20 * 1024 * 1024, null))
                    .isInstanceOf(IOException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
            HealthStatus h = new S3Health(s, down.settings()).check();
            assertThat(h.healthy()).isFalse();
            assertThat(h.message()).contains("unreachable");
            assertThat(new S3Check(s, down.settings()).run().verdict()).isEqualTo(Check.Verdict.PROBLEM);
        }
    }
}
