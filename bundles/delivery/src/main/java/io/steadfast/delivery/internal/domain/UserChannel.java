package io.steadfast.delivery.internal.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A user's channel.
 *
 * @param config         the configuration (secrets in the clear: masked only when shown)
 * @param secretFields   the configuration's secret fields (from the type's schema when it was saved)
 * @param disabledReason why it is off, when the server or a link turned it off; {@code null} otherwise
 * @param failingSince   since when every delivery failed, or {@code null}
 */
public record UserChannel(
        UUID id,
        UUID userId,
        String type,
        String name,
        Map<String, Object> config,
        java.util.Set<String> secretFields,
        boolean enabled,
        String disabledReason,
        Instant failingSince,
        Instant createdAt,
        Instant updatedAt) {

    public UserChannel {
        config = config == null ? Map.of() : config;
        secretFields = secretFields == null ? java.util.Set.of() : java.util.Set.copyOf(secretFields);
    }
}
