package io.steadfast.platform.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import io.steadfast.api.error.ApiException;
import io.steadfast.api.error.ValidationException;

/**
 * The conversions of path and query parameters, at the edge, the same everywhere: an id that is not a UUID is an
 * object that does not exist (404, exactly like another user's), a date that is not one is a 422 naming the
 * parameter.
 */
public final class Params {

    private Params() {}

    /** The id, or 404 "{@code what} not found". */
    public static UUID id(String text, String what) {
        try {
            if (text != null && text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException notAUuid) {
            // below
        }
        throw ApiException.notFound(what);
    }

    /** The date ({@code 2026-03-01}), or 422 for {@code field}. */
    public static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new ValidationException(field, "must be a date such as 2026-03-01");
        }
    }

    /** The date, {@code null} when absent. */
    public static LocalDate optionalDate(String text, String field) {
        return text == null ? null : date(text, field);
    }
}
