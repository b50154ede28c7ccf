package io.steadfast.media.internal.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.Supplier;

import io.steadfast.api.error.ApiException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.media.internal.domain.ImageFormat;
import io.steadfast.media.internal.domain.ImageRefused;
import io.steadfast.media.internal.service.StoreUnavailableException;
import io.steadfast.platform.rest.Uploads;

/**
 * The media services' own failures as HTTP problems: a file of another kind is 415 naming the accepted types, a
 * damaged or oversized image 422 on {@code file}, an unreachable store 503 with {@code Retry-After}.
 */
final class Failures {

    private Failures() {}

    static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (ImageRefused e) {
            if (e.unsupportedType()) {
                throw new ApiException(415, "unsupported-media-type", "Unsupported Media Type", e.getMessage(), null);
            }
            throw new ValidationException("file", e.getMessage());
        } catch (StoreUnavailableException e) {
            throw new ApiException(
                    503, "service-unavailable", "Service Unavailable", e.getMessage(), Map.of("Retry-After", "5"));
        }
    }

    static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** The bytes of a received file. */
    static byte[] bytes(Uploads.Upload upload) {
        try {
            return Files.readAllBytes(upload.path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For the documentation of the upload operations. */
    static final String ACCEPTED = ImageFormat.accepted();
}
