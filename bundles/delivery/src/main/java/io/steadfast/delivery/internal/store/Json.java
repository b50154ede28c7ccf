package io.steadfast.delivery.internal.store;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Configurations and message data as JSON text in a column. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private Json() {}

    static String write(Map<String, Object> m) {
        try {
            return MAPPER.writeValueAsString(m == null ? Map.of() : m);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON-ready: " + e.getOriginalMessage());
        }
    }

    static Map<String, Object> read(String s) {
        if (s == null || s.isBlank()) {
            return Map.of();
        }
        try {
            return MAPPER.readValue(s, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JSON column does not parse: " + e.getOriginalMessage());
        }
    }
}
