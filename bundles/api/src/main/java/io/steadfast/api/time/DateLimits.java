package io.steadfast.api.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.steadfast.api.error.ValidationException;

/**
 * The dates a person's habits live in: from 1900-01-01 to 2199-12-31. Every date the API takes (start dates,
 * check-in dates, {@code ?date}, ranges, token expiry) lies there, or the request is a 422 naming the field —
 * so that nothing outside the product's world is stored, computed over (a habit "started" in year 1 would make
 * every statistic walk two thousand years) or mangled by a database.
 */
public final class DateLimits {

    public static final LocalDate MIN = LocalDate.of(1900, 1, 1);
    public static final LocalDate MAX = LocalDate.of(2199, 12, 31);
    public static final int MIN_YEAR = MIN.getYear();
    public static final int MAX_YEAR = MAX.getYear();

    private DateLimits() {}

    /** {@code date} itself; a 422 for {@code field} when it lies outside {@link #MIN} to {@link #MAX}. */
    public static LocalDate check(LocalDate date, String field) {
        if (date != null && (date.isBefore(MIN) || date.isAfter(MAX))) {
            throw new ValidationException(field, "must be a date between " + MIN + " and " + MAX);
        }
        return date;
    }

    /** {@code instant} itself; a 422 for {@code field} when its UTC date lies outside the limits. */
    public static Instant check(Instant instant, String field) {
        if (instant != null) {
            LocalDate d = LocalDate.ofInstant(instant, ZoneOffset.UTC);
            if (d.isBefore(MIN) || d.isAfter(MAX)) {
                throw new ValidationException(
                        field, "must be an instant between " + MIN + "T00:00:00Z and " + MAX + "T23:59:59Z");
            }
        }
        return instant;
    }

    /** {@code year} itself; a 422 for {@code field} outside {@link #MIN_YEAR} to {@link #MAX_YEAR}. */
    public static int checkYear(int year, String field) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new ValidationException(field, "must be a whole number between " + MIN_YEAR + " and " + MAX_YEAR);
        }
        return year;
    }
}
