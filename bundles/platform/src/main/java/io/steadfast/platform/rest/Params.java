package io.steadfast.platform.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import io.steadfast.api.error.ApiException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.api.time.DateLimits;

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

    /**
     * The date ({@code 2026-03-01}, between 1900-01-01 and 2199-12-31), or 422 for {@code field}; the same
     * messages as a date in a body.
     */
    public static LocalDate date(String text, String field) {
        LocalDate d;
        try {
            d = LocalDate.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new ValidationException(field, "must be a date such as 2026-03-01");
        }
        return DateLimits.check(d, field);
    }

    /** A whole number from {@code min} to {@code max}, {@code absent} when not given, or 422 for {@code field}. */
    public static int integer(String text, String field, int absent, int min, int max) {
        if (text == null) {
            return absent;
        }
        try {
            int v = Integer.parseInt(text.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException notANumber) {
            // below
        }
        throw new ValidationException(field, "must be a whole number between " + min + " and " + max);
    }

    /** {@code true} or {@code false} (any case), {@code absent} when not given, or 422 for {@code field}. */
    public static boolean bool(String text, String field, boolean absent) {
        if (text == null) {
            return absent;
        }
        if ("true".equalsIgnoreCase(text.trim())) {
            return true;
        } else if ("false".equalsIgnoreCase(text.trim())) {
            return false;
        }
        throw new ValidationException(field, "must be true or false");
    }

    /** The date, {@code null} when absent. */
    public static LocalDate optionalDate(String text, String field) {
        return text == null ? null : date(text, field);
    }
}
