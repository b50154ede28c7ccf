package io.steadfast.streak.internal.rest;

import java.time.LocalDate;

import io.steadfast.api.error.ValidationException;

final class Dates {

    private Dates() {
    }

    static LocalDate parse(String text, String field) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (RuntimeException e) {
            throw new ValidationException(field, "must be a date such as 2026-03-01");
        }
    }
}
