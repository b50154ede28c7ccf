package io.steadfast.media.s3.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import io.steadfast.api.media.MediaStore.Blob;
import io.steadfast.api.ops.Check;

/**
 * {@code media} for {@code steadfast:doctor} when S3 is configured (outranking the file system store's): writes a
 * small probe object under the prefix ({@code steadfast-doctor/<random>}), reads it back, compares and deletes it —
 * what uploads, downloads and account deletion need (PutObject, GetObject, DeleteObject) — and lists the prefix
 * (ListBucket, without which a missing object looks forbidden instead of absent). Says where the credentials came
 * from, never what they are.
 */
final class S3Check implements Check {

    static final String PROBE_PREFIX = "steadfast-doctor/";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final S3MediaStore store;
    private final S3Settings settings;

    S3Check(S3MediaStore store, S3Settings settings) {
        this.store = store;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "media";
    }

    @Override
    public Finding run() {
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        String key = PROBE_PREFIX + HexFormat.of().formatHex(id);
        byte[] probe = ("steadfast doctor probe " + key).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long started = System.nanoTime();
        String step = "list the bucket";
        try {
            store.probe(java.time.Duration.ofSeconds(2));
            step = "write a probe object";
            store.put(key, new ByteArrayInputStream(probe), probe.length, "text/plain");
            step = "read the probe object back";
            Optional<Blob> back = store.get(key);
            if (back.isEmpty()) {
                return Finding.problem(
                        settings.describe() + ": the probe object written is not there when read back",
                        "is the endpoint the storage service itself (not a cache or another bucket)?");
            }
            byte[] read;
            try (Blob b = back.get();
                    InputStream in = b.stream()) {
                read = in.readAllBytes();
            }
            step = "delete the probe object";
            store.delete(key);
            long ms = (System.nanoTime() - started) / 1_000_000;
            if (!Arrays.equals(read, probe)) {
                return Finding.problem(
                        settings.describe() + ": the probe object read back differs from what was written",
                        "check that nothing between this node and the storage changes objects");
            }
            return Finding.ok(settings.describe() + ": listed, wrote, read back and deleted a probe object in " + ms
                    + " ms; credentials from " + store.credentialSource());
        } catch (IOException | RuntimeException e) {
            long ms = (System.nanoTime() - started) / 1_000_000;
            return Finding.problem(
                    settings.describe() + ": could not " + step + " (after " + ms + " ms): "
                            + S3Failures.reason(S3Health.rootOf(e)) + "; credentials from "
                            + store.credentialSource(),
                    "photos and files answer 503 meanwhile. Check STEADFAST_MEDIA_S3_BUCKET, _ENDPOINT and _REGION, "
                            + "the credentials (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the machine's role) "
                            + "and that they may s3:ListBucket, s3:GetObject, s3:PutObject and s3:DeleteObject there "
                            + "(docs/deploy.md, \"Media on S3\")");
        }
    }
}
