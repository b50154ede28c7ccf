package io.steadfast.media.internal.store;

import java.time.Instant;
import java.util.function.Supplier;

/** Secrets every node must share, made once. */
public interface SecretStore {

    /** The secret named {@code name}; when there is none yet, {@code make}'s, stored (the first node's wins). */
    String secret(String name, Supplier<String> make, Instant now);
}
