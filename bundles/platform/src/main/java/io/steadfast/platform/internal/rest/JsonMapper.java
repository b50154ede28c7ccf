package io.steadfast.platform.internal.rest;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper.Builder;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON conventions of the API: camelCase names, ISO-8601 dates and times, unknown fields ignored — and no
 * coercion: a value of the wrong JSON type is an error naming the field, never silently converted ({@code 123} is
 * not the text "123", {@code "8"} is not the number 8, {@code 2.5} is not the whole number 2, {@code 123} is not a
 * date, {@code 1} is not {@code true}) — and text only when it is Unicode: a string with an unpaired surrogate
 * ({@code "\ud800"}) or bytes that are not UTF-8 are a 400 naming the field ({@link UnicodeCheckingParser}).
 */
public final class JsonMapper {

    private JsonMapper() {}

    public static ObjectMapper create() {
        Builder b = com.fasterxml.jackson.databind.json.JsonMapper.builder(new UnicodeCheckingParser.Factory())
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule("steadfast-strict-instants")
                        .addDeserializer(Instant.class, new StrictInstant()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        ObjectMapper m = b.build();
        for (LogicalType t : new LogicalType[] {
            LogicalType.Textual,
            LogicalType.Boolean,
            LogicalType.Integer,
            LogicalType.Float,
            LogicalType.DateTime,
            LogicalType.Enum
        }) {
            for (CoercionInputShape in : new CoercionInputShape[] {
                CoercionInputShape.Integer,
                CoercionInputShape.Float,
                CoercionInputShape.Boolean,
                CoercionInputShape.String
            }) {
                if (!isOwnShape(t, in)) {
                    m.coercionConfigFor(t).setCoercion(in, CoercionAction.Fail);
                }
            }
        }
        // dates and instants only from their ISO text (leniency would take a number as days or seconds)
        for (Class<?> c : new Class<?>[] {LocalDate.class, Instant.class, OffsetDateTime.class}) {
            m.configOverride(c).setFormat(JsonFormat.Value.forLeniency(false));
        }
        return m;
    }

    /** Instants only from ISO-8601 text ({@code 2026-03-01T10:15:30Z}), never from a number of seconds. */
    static final class StrictInstant extends StdScalarDeserializer<Instant> {
        private static final long serialVersionUID = 1L;

        StrictInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getText().trim();
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
            }
        }
    }

    /** Whether JSON input of this shape is the natural form of the type (text for dates and enums). */
    private static boolean isOwnShape(LogicalType t, CoercionInputShape in) {
        switch (t) {
            case Textual:
            case DateTime:
            case Enum:
                return in == CoercionInputShape.String;
            case Boolean:
                return in == CoercionInputShape.Boolean;
            case Integer:
                return in == CoercionInputShape.Integer;
            case Float:
                return in == CoercionInputShape.Float || in == CoercionInputShape.Integer;
            default:
                return false;
        }
    }
}
