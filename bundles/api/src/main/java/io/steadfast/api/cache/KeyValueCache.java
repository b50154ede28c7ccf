package io.steadfast.api.cache;

import java.time.Duration;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** A string key-value cache with per-entry time to live. Keys are namespaced by the caller, e.g. {@code "token:<hash>"}. */
@ProviderType
public interface KeyValueCache {

    /** The cached value, or empty on a miss (also when the backend is unreachable). */
    Optional<String> get(String key);

    /** Stores a value that expires after {@code ttl}. A backend outage drops the write silently. */
    void put(String key, String value, Duration ttl);

    /** Removes a value; a no-op when absent. */
    void remove(String key);

    /** The backend's name, e.g. {@code "in-process"} or {@code "redis"}. */
    String backend();
}
