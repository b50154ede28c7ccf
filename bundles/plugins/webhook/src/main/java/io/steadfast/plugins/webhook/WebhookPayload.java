package io.steadfast.plugins.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.steadfast.api.reminder.spi.ReminderChannel.Message;

/**
 * The JSON body of a webhook request: {@code {"id", "type", "createdAt", "data"}}, where {@code data} holds the
 * message's {@code title}, {@code body} and {@code link} (when present) and then the event's own data. The words
 * people read win over an event field of the same name, so that every receiver finds them in the same place.
 */
final class WebhookPayload {

    private final ObjectMapper json;

    WebhookPayload(ObjectMapper json) {
        this.json = json;
    }

    /** The body's bytes; {@link JsonProcessingException} when the event's data is not JSON-ready. */
    byte[] write(Message message, Instant fallbackCreatedAt) throws JsonProcessingException {
        Map<String, Object> data = new LinkedHashMap<>();
        putIfPresent(data, "title", message.title());
        putIfPresent(data, "body", message.body());
        putIfPresent(data, "link", message.link());
        message.data().forEach(data::putIfAbsent);

        Map<String, Object> root = new LinkedHashMap<>();
        root.put("id", message.id().toString());
        root.put("type", message.type());
        Instant created = message.createdAt() != null ? message.createdAt() : fallbackCreatedAt;
        root.put("createdAt", created.toString());
        root.put("data", data);
        return json.writeValueAsBytes(root);
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
