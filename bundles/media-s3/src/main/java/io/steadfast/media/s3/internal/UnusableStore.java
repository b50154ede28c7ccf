package io.steadfast.media.s3.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import io.steadfast.api.health.HealthIndicator;
import io.steadfast.api.health.HealthStatus;
import io.steadfast.api.media.MediaStore;
import io.steadfast.api.ops.Check;

/**
 * What stands in when a bucket is configured but the settings are unusable (a malformed endpoint, a bucket name S3
 * refuses): a store that fails every call with the reason, an unhealthy {@code media} and a doctor problem. So an
 * operator who asked for S3 never gets files silently written to one node's disk instead.
 */
final class UnusableStore implements MediaStore {

    private final String reason;

    UnusableStore(String reason) {
        this.reason = reason;
    }

    @Override
    public String kind() {
        return S3MediaStore.KIND;
    }

    @Override
    public void put(String key, InputStream data, long size, String contentType) throws IOException {
        throw failure();
    }

    @Override
    public Optional<Blob> get(String key) throws IOException {
        throw failure();
    }

    @Override
    public void delete(String key) throws IOException {
        throw failure();
    }

    @Override
    public void deletePrefix(String prefix) throws IOException {
        throw failure();
    }

    private IOException failure() {
        return new IOException("S3 media storage is configured but unusable: " + reason);
    }

    HealthIndicator health() {
        return new HealthIndicator() {
            @Override
            public String component() {
                return S3Health.COMPONENT;
            }

            @Override
            public HealthStatus check() {
                return HealthStatus.unhealthy("s3 configured but unusable: " + reason);
            }
        };
    }

    Check check() {
        return new Check() {
            @Override
            public String name() {
                return "media";
            }

            @Override
            public Finding run() {
                return Finding.problem(
                        "S3 media storage is configured but unusable: " + reason,
                        "correct the STEADFAST_MEDIA_S3_* variables or etc/" + S3Config.PID + ".cfg (a changed "
                                + "file applies at once); photos and files answer 503 until then");
            }
        };
    }
}
