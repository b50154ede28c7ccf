package io.steadfast.api.delivery;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Queues messages for a user's channels. Provided by the delivery bundle: a message is written to its outbox once per
 * channel that takes its type and delivered after the commit, off the caller's thread, with retries; a channel whose
 * type is not running keeps its messages waiting.
 */
@ProviderType
public interface Outbound {

    /**
     * Queues {@code message} for the user's enabled channels that take its type: the listed ones, or all of them when
     * {@code channelIds} is empty. Idempotent: a message whose {@link Message#key()} was queued for a channel before
     * is not queued for it again, so that a caller that delivers at least once notifies once.
     *
     * @return how many deliveries were queued now
     */
    int queue(UUID userId, Message message, Collection<UUID> channelIds);

    /** The ids of {@code channelIds} that are not channels of the user (empty when all are). */
    List<UUID> unknownChannels(UUID userId, Collection<UUID> channelIds);

    /**
     * A message.
     *
     * @param key       what makes it the same message when queued again (e.g. {@code reminder:<id>:<date>})
     * @param type      its event type (see {@code ReminderChannel.Message}'s constants)
     * @param title     a short title
     * @param body      plain text for people
     * @param link      a path of the web app (e.g. {@code /habits/<id>}) or an absolute URL, or {@code null}
     * @param createdAt when it happened
     * @param data      the event's data for machine receivers (JSON-ready values; {@code null} values are kept)
     */
    record Message(
            String key,
            String type,
            String title,
            String body,
            String link,
            Instant createdAt,
            Map<String, Object> data) {

        public Message {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(createdAt, "createdAt");
            // a copy that keeps the order and the nulls (a JSON null is a value)
            data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
        }
    }
}
