package io.steadfast.api.media;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A flat store of immutable objects under keys such as {@code u/<userId>/a/<attachmentId>/original}. Keys are made
 * by the media bundle from UUIDs and fixed words ({@code [A-Za-z0-9/_.-]}, at most 200 characters); a store may
 * refuse any other key with an {@link IllegalArgumentException}. Objects are written once and never changed.
 * <p>
 * Registered as an OSGi service with {@code steadfast.media.store=<kind>}; the one with the highest service ranking
 * is used. Every method may block on I/O and throws {@link IOException} when the store cannot be reached: the caller
 * answers 503, never 500, and nothing half-written becomes visible (a store writes to a temporary name and renames,
 * or relies on the atomic PUT of object storage).
 */
@ConsumerType
public interface MediaStore {

    /** The service property naming the store's kind ({@code filesystem}, {@code s3}). */
    String KIND = "steadfast.media.store";

    /** An object read back: its bytes (the caller closes the stream), their length and content type. */
    interface Blob extends AutoCloseable {
        InputStream stream();

        long size();

        String contentType();

        @Override
        void close() throws IOException;
    }

    /** This store's kind, as in its {@link #KIND} property. */
    String kind();

    /**
     * Stores {@code size} bytes from {@code data} under {@code key} (replacing nothing: keys are new; an existing
     * key is overwritten). The stream is read to its end but not closed.
     */
    void put(String key, InputStream data, long size, String contentType) throws IOException;

    /** The object under {@code key}, or empty when there is none. */
    Optional<Blob> get(String key) throws IOException;

    /** Deletes the object under {@code key}; deleting a key that does not exist is not an error. */
    void delete(String key) throws IOException;

    /** Deletes every object whose key starts with {@code prefix} (which ends with {@code /}): an account's files. */
    void deletePrefix(String prefix) throws IOException;
}
