package io.steadfast.accountability.internal.domain;

import java.util.Optional;

/** The cursors of the paged lists (feed, notifications): the id of the last item of the previous page. */
public final class Cursors {

    private Cursors() {}

    /** The id a cursor names: empty for none (the first page) or for anything but a positive number. */
    public static Optional<Long> parse(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Optional.empty();
        }
        try {
            long v = Long.parseLong(cursor.trim());
            return v > 0 ? Optional.of(v) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether a given cursor is malformed (not absent, and names no item). */
    public static boolean malformed(String cursor) {
        return cursor != null && !cursor.isBlank() && parse(cursor).isEmpty();
    }
}
