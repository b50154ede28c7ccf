package io.steadfast.api.error;

/**
 * One failed validation.
 *
 * @param field   the JSON field, dotted for nested fields ({@code schedule.days})
 * @param message what is wrong, for a person
 */
public record FieldError(String field, String message) {}
