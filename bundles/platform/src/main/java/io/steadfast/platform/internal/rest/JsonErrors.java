package io.steadfast.platform.internal.rest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.steadfast.api.error.FieldError;

/**
 * Turns Jackson's errors into words for people: a field of the wrong type names the field and what it must be
 * ("target must be a number", "startDate must be a date such as 2026-03-01"), malformed JSON says where — never a
 * Java type, a class name or a library's phrasing.
 */
final class JsonErrors {

    private JsonErrors() {}

    /** The 400 problem of a JSON error: {@code malformed-json} with the field in {@code errors} when there is one. */
    static Response response(HttpServletRequest request, JsonProcessingException e) {
        return Problems.response(request, 400, "malformed-json", "Bad Request", detail(e), errors(e), null);
    }

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
        List<FieldError> errors = errors(e);
        if (!errors.isEmpty()) {
            return errors.get(0).field() + " " + errors.get(0).message();
        }
        StringBuilder sb = new StringBuilder(e instanceof JsonMappingException ? "Invalid JSON" : "Malformed JSON");
        JsonLocation loc = e.getLocation();
        if (loc != null && loc.getLineNr() > 0) {
            sb.append(" at line ").append(loc.getLineNr()).append(", column ").append(loc.getColumnNr());
        }
        String what = syntax(e.getOriginalMessage());
        if (!what.isEmpty()) {
            sb.append(": ").append(what);
        }
        return sb.toString();
    }

    /** The field with the wrong type and what it must be; empty for malformed JSON. */
    static List<FieldError> errors(JsonProcessingException wrapped) {
        InputCoercionException range = coercion(wrapped);
        if (range != null) {
            String path = wrapped instanceof JsonMappingException jm ? path(jm) : "";
            return List.of(new FieldError(path.isEmpty() ? "body" : path, "must be " + range(range.getTargetType())));
        }
        JsonProcessingException e = parseError(wrapped);
        if (e instanceof UnicodeCheckingParser.InvalidTextException t) {
            return List.of(new FieldError(t.field() == null ? "body" : t.field(), t.reason()));
        }
        if (isInvalidUtf8(e)) {
            String field = fieldOfString(e);
            return List.of(new FieldError(field == null ? "body" : field, "must be valid UTF-8 text"));
        }
        if (!(e instanceof MismatchedInputException m)) {
            return List.of();
        }
        String path = path(m);
        Class<?> target = m.getTargetType();
        if (target == null) {
            return List.of();
        }
        String original = m.getOriginalMessage();
        boolean missing = original != null && original.startsWith("Cannot map `null`");
        return List.of(new FieldError(
                path.isEmpty() ? "body" : path, (missing ? "is required: " : "must be ") + expected(target)));
    }

    /**
     * The parser's own error when databind wrapped it on its way out of a nested value (a list, a map), else
     * {@code e}.
     */
    private static JsonProcessingException parseError(JsonProcessingException e) {
        Throwable c = e;
        for (int i = 0; c != null && i < 10; i++) {
            if (c instanceof UnicodeCheckingParser.InvalidTextException
                    || (c instanceof JsonParseException p && isInvalidUtf8(p))) {
                return (JsonProcessingException) c;
            }
            c = c.getCause();
        }
        return e;
    }

    private static boolean isInvalidUtf8(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return false;
        }
        String l = m.toLowerCase(Locale.ROOT);
        return l.contains("invalid utf-8") || l.contains("invalid utf8");
    }

    /** The field whose string value the parser was reading when it failed, or null. */
    private static String fieldOfString(JsonProcessingException e) {
        if (e instanceof JsonParseException p && p.getProcessor() != null) {
            JsonParser parser = p.getProcessor();
            try {
                if (parser.currentToken() == JsonToken.VALUE_STRING) {
                    return UnicodeCheckingParser.path(parser.getParsingContext());
                }
            } catch (RuntimeException notAvailable) {
                // below
            }
        }
        return null;
    }

    /** A number too large for its field ({@code 2147483648} for an int), found on the way to the parser's error. */
    private static InputCoercionException coercion(Throwable t) {
        Throwable c = t;
        for (int i = 0; c != null && i < 10; i++) {
            if (c instanceof InputCoercionException ic) {
                return ic;
            }
            c = c.getCause();
        }
        return null;
    }

    /** The whole numbers a field of {@code type} holds, in words. */
    static String range(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return "a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE;
        } else if (type == Long.class || type == long.class) {
            return "a whole number between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE;
        } else if (type == Short.class || type == short.class) {
            return "a whole number between " + Short.MIN_VALUE + " and " + Short.MAX_VALUE;
        } else if (type == Byte.class || type == byte.class) {
            return "a whole number between " + Byte.MIN_VALUE + " and " + Byte.MAX_VALUE;
        }
        return "a smaller number";
    }

    /** What a value of {@code type} looks like, in words. */
    static String expected(Class<?> type) {
        if (type == String.class || type == Character.class || type == char.class) {
            return "text";
        } else if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        } else if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class
                || type == BigInteger.class) {
            return "a whole number";
        } else if (Number.class.isAssignableFrom(type)
                || type == double.class
                || type == float.class
                || type == BigDecimal.class) {
            return "a number";
        } else if (type == LocalDate.class) {
            return "a date such as 2026-03-01";
        } else if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "an instant such as 2026-03-01T10:15:30Z";
        } else if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(c -> ((Enum<?>) c).name())
                            .collect(Collectors.joining(", "));
        } else if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        } else if (Map.class.isAssignableFrom(type) || type == Object.class || type.isRecord()) {
            return "an object";
        }
        return "a " + type.getSimpleName().toLowerCase(Locale.ROOT);
    }

    /** What the parser saw, in words: the token kinds Jackson names, nothing else of its phrasing. */
    private static String syntax(String message) {
        if (message == null) {
            return "";
        }
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("end-of-input") || m.contains("end of input")) {
            return "the body ends too early";
        } else if (m.contains("trailing token")) {
            return "more than one JSON value";
        } else if (m.contains("unexpected character")) {
            return "unexpected character";
        } else if (m.contains("unrecognized token")) {
            return "not a JSON value (text must be in double quotes)";
        } else if (m.contains("invalid utf-8") || m.contains("invalid utf8")) {
            return "the body is not valid UTF-8";
        }
        return "not valid JSON";
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
