package io.steadfast.api.event;

import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Sends an event to a user's open event streams on every node, at once. Not stored and not resumable: a stream that
 * is not open at that moment never sees it, so the state it reports must also be readable from the API (an
 * import's progress is at {@code GET /api/v1/me/imports/{id}}).
 */
@ProviderType
public interface UserEvents {

    /** Event names: lowercase words and dots, at most 40 characters. */
    String NAME_PATTERN = "[a-z][a-z.]{0,39}";

    /**
     * @param name the SSE event name, e.g. {@code import}
     * @param json the event's data, a JSON object's text (at most 8 KB)
     * @throws IllegalArgumentException a name or data outside those rules
     */
    void publish(UUID userId, String name, String json);
}
