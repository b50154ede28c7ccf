package io.steadfast.platform.internal.rest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/** Turns Jackson's errors into a detail message for people, without class names or stack traces. */
final class JsonErrors {

    private JsonErrors() {}

    static JsonProcessingException find(Throwable t) {
        Throwable c = t;
        for (int i = 0; c != null && i < 10; i++) {
            if (c instanceof JsonProcessingException) {
                return (JsonProcessingException) c;
            }
            c = c.getCause();
        }
        return null;
    }

    static String detail(JsonProcessingException e) {
        StringBuilder sb = new StringBuilder();
        if (e instanceof JsonMappingException) {
            JsonMappingException m = (JsonMappingException) e;
            String path = path(m);
            sb.append("Invalid value");
            if (!path.isEmpty()) {
                sb.append(" for field '").append(path).append('\'');
            }
        } else {
            sb.append("Malformed JSON");
        }
        JsonLocation loc = e.getLocation();
        if (loc != null && loc.getLineNr() > 0) {
            sb.append(" at line ").append(loc.getLineNr()).append(", column ").append(loc.getColumnNr());
        }
        String msg = e.getOriginalMessage();
        if (msg != null) {
            msg = msg.replaceAll("\\(class [^)]*\\)", "")
                    .replaceAll("\\(token `JsonToken\\.START_OBJECT`\\)", "(found an object)")
                    .replaceAll("\\(token `JsonToken\\.START_ARRAY`\\)", "(found an array)")
                    .replaceAll("\\(token `JsonToken\\.([A-Z_]+)`\\)", "(found $1)")
                    .replaceAll("`java\\.util\\.[A-Za-z]*(List|Set|Collection)[^`]*`", "array")
                    .replaceAll("`[^`]*\\.[^`]*`", "the expected type")
                    .replaceAll("\\s+", " ")
                    .trim();
            int cut = msg.indexOf(" at [Source");
            if (cut > 0) {
                msg = msg.substring(0, cut);
            }
            if (msg.length() > 200) {
                msg = msg.substring(0, 200) + "...";
            }
            sb.append(": ").append(msg);
        }
        return sb.toString();
    }

    static String path(JsonMappingException m) {
        StringBuilder p = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                if (p.length() > 0) {
                    p.append('.');
                }
                p.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                p.append('[').append(r.getIndex()).append(']');
            }
        }
        return p.toString();
    }
}
