package io.steadfast.media.s3.internal;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.steadfast.api.media.MediaStore;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The {@link MediaStore} on one S3 bucket, under the configured key prefix. An object up to {@link #SINGLE_PUT_MAX}
 * goes in one PUT with its Content-Length; a larger one as a multipart upload in parts of {@link #PART_SIZE}, aborted
 * when anything fails, so that no half-written object becomes visible. Either way at most {@link #PART_SIZE} bytes
 * of an upload are in memory at a time, and they are kept until S3 has them, so the SDK can send them again after a
 * network error (a stream read once cannot be). Every failure of the SDK or the network is an {@link IOException}
 * whose message names no secret.
 */
final class S3MediaStore implements MediaStore {

    static final String KIND = "s3";
    static final String DEFAULT_TYPE = "application/octet-stream";
    static final int PART_SIZE = 8 * 1024 * 1024;
    static final long SINGLE_PUT_MAX = PART_SIZE;
    /** S3 deletes at most this many keys in one DeleteObjects call, and lists as many in one page. */
    static final int BATCH = 1000;

    private final S3Connection connection;
    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    S3MediaStore(S3Connection connection) {
        this.connection = connection;
        this.s3 = connection.s3();
        this.bucket = connection.settings().bucket();
        this.prefix = connection.settings().prefix();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void put(String key, InputStream data, long size, String contentType) throws IOException {
        String k = S3Keys.key(prefix, key);
        Objects.requireNonNull(data, "data");
        if (size < 0) {
            throw new IllegalArgumentException("negative size: " + size);
        }
        String type = contentType == null || contentType.isBlank() ? DEFAULT_TYPE : contentType;
        if (size > SINGLE_PUT_MAX) {
            putInParts(key, k, data, size, type);
            return;
        }
        byte[] bytes = data.readNBytes((int) size);
        if (bytes.length < size) {
            throw shortStream(bytes.length, size);
        }
        RequestBody body = RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes), size, type);
        call(
                "put " + key,
                () -> s3.putObject(
                        r -> r.bucket(bucket).key(k).contentType(type).contentLength(size), body));
    }

    private void putInParts(String key, String k, InputStream data, long size, String type) throws IOException {
        String uploadId = call("put " + key, () -> s3.createMultipartUpload(
                        r -> r.bucket(bucket).key(k).contentType(type))
                .uploadId());
        try {
            List<CompletedPart> parts = new ArrayList<>();
            byte[] buffer = new byte[PART_SIZE];
            long left = size;
            for (int number = 1; left > 0; number++) {
                int length = (int) Math.min(PART_SIZE, left);
                int read = data.readNBytes(buffer, 0, length);
                if (read < length) {
                    throw shortStream(size - left + read, size);
                }
                int n = number;
                // a provider that gives the same bytes on every call: a part can be sent again on a retry
                RequestBody body = RequestBody.fromContentProvider(
                        () -> new ByteArrayInputStream(buffer, 0, length), length, type);
                String etag = call("put " + key + " (part " + n + ")", () -> s3.uploadPart(
                                r -> r.bucket(bucket)
                                        .key(k)
                                        .uploadId(uploadId)
                                        .partNumber(n)
                                        .contentLength((long) length),
                                body)
                        .eTag());
                parts.add(CompletedPart.builder().partNumber(n).eTag(etag).build());
                left -= length;
            }
            call(
                    "put " + key + " (completing the upload)",
                    () -> s3.completeMultipartUpload(
                            r -> r.bucket(bucket).key(k).uploadId(uploadId).multipartUpload(u -> u.parts(parts))));
        } catch (IOException | RuntimeException e) {
            try {
                call(
                        "abort the upload of " + key,
                        () -> s3.abortMultipartUpload(
                                r -> r.bucket(bucket).key(k).uploadId(uploadId)));
            } catch (IOException | RuntimeException alsoFailed) {
                // the bucket's lifecycle rule for incomplete uploads removes the parts (docs/deploy.md)
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
    }

    @Override
    public Optional<Blob> get(String key) throws IOException {
        String k = S3Keys.key(prefix, key);
        return call("get " + key, () -> {
            try {
                return Optional.of(new S3Blob(s3.getObject(r -> r.bucket(bucket).key(k))));
            } catch (NoSuchKeyException e) {
                return Optional.empty();
            } catch (S3Exception e) {
                if (e.statusCode() == 404 && !isNoSuchBucket(e)) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    @Override
    public void delete(String key) throws IOException {
        String k = S3Keys.key(prefix, key);
        call("delete " + key, () -> {
            try {
                return s3.deleteObject(r -> r.bucket(bucket).key(k));
            } catch (S3Exception e) {
                if (e.statusCode() == 404 && !isNoSuchBucket(e)) {
                    return null;
                }
                throw e;
            }
        });
    }

    @Override
    public void deletePrefix(String sub) throws IOException {
        String p = S3Keys.prefixToDelete(prefix, sub);
        String token = null;
        do {
            String t = token;
            ListObjectsV2Response page = call(
                    "list " + sub,
                    () -> s3.listObjectsV2(
                            r -> r.bucket(bucket).prefix(p).maxKeys(BATCH).continuationToken(t)));
            List<ObjectIdentifier> ids = new ArrayList<>();
            for (S3Object o : page.contents()) {
                ids.add(ObjectIdentifier.builder().key(o.key()).build());
            }
            if (!ids.isEmpty()) {
                DeleteObjectsResponse deleted = call(
                        "delete " + ids.size() + " objects under " + sub,
                        () -> s3.deleteObjects(
                                r -> r.bucket(bucket).delete(d -> d.objects(ids).quiet(true))));
                if (deleted.hasErrors() && !deleted.errors().isEmpty()) {
                    throw new IOException("S3 delete under " + sub + " failed for "
                            + deleted.errors().size() + " of "
                            + ids.size() + " objects: "
                            + S3Settings.printable(
                                    String.valueOf(deleted.errors().get(0).code())));
                }
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
    }

    /**
     * Lists at most one key under the prefix, within {@code timeout}: whether the bucket answers and this node may
     * list it (what a missing key's 404 needs). Returns the milliseconds it took.
     */
    long probe(Duration timeout) throws IOException {
        long started = System.nanoTime();
        call(
                "list",
                () -> s3.listObjectsV2(r -> r.bucket(bucket)
                        .prefix(prefix)
                        .maxKeys(1)
                        .overrideConfiguration(o -> o.apiCallTimeout(timeout))));
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Where the credentials came from, in words (for the doctor), or why there are none; never the keys. */
    String credentialSource() {
        try {
            S3Connection.withBundleLoader(() -> connection.credentials().resolveCredentials());
            return connection.credentialSource();
        } catch (RuntimeException e) {
            return "nowhere: " + S3Failures.reason(e);
        }
    }

    private static boolean isNoSuchBucket(S3Exception e) {
        return e.awsErrorDetails() != null
                && "NoSuchBucket".equals(e.awsErrorDetails().errorCode());
    }

    private static IOException shortStream(long read, long size) {
        return new IOException("the upload ended after " + read + " of " + size + " bytes");
    }

    /** A call of the SDK: this bundle's context class loader, its failures as IOException. */
    private static <T> T call(String what, SdkCall<T> call) throws IOException {
        try {
            return S3Connection.withBundleLoader(() -> {
                try {
                    return call.run();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            // SdkException, and what the SDK throws besides (IllegalStateException when a body cannot be re-read)
            throw S3Failures.io(what, e);
        }
    }

    @FunctionalInterface
    private interface SdkCall<T> {
        T run() throws IOException;
    }

    /** An object being read: its stream turns the SDK's failures into IOException; closing early aborts. */
    static final class S3Blob implements Blob {
        private final ResponseInputStream<GetObjectResponse> response;
        private final InputStream stream;
        private boolean ended;

        S3Blob(ResponseInputStream<GetObjectResponse> response) {
            this.response = response;
            this.stream = new FilterInputStream(response) {
                @Override
                public int read() throws IOException {
                    try {
                        int b = super.read();
                        ended |= b < 0;
                        return b;
                    } catch (SdkException e) {
                        throw S3Failures.io("read", e);
                    }
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    try {
                        int n = super.read(b, off, len);
                        ended |= n < 0;
                        return n;
                    } catch (SdkException e) {
                        throw S3Failures.io("read", e);
                    }
                }

                @Override
                public void close() throws IOException {
                    S3Blob.this.close();
                }
            };
        }

        @Override
        public InputStream stream() {
            return stream;
        }

        @Override
        public long size() {
            Long length = response.response().contentLength();
            return length == null ? -1 : length;
        }

        @Override
        public String contentType() {
            String type = response.response().contentType();
            return type == null || type.isBlank() ? DEFAULT_TYPE : type;
        }

        @Override
        public void close() throws IOException {
            try {
                if (!ended) {
                    // not read to its end: drop the connection rather than download the rest
                    response.abort();
                }
                response.close();
            } catch (SdkException e) {
                throw S3Failures.io("close", e);
            }
        }
    }
}
