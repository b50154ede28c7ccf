package io.steadfast.identity.internal.domain;

/** A change of the caller's profile: the fields to change, {@code null} for those that stay. */
public record ProfileChange(String displayName, String timezone, String weekStart, Integer dayStartsAt) {}
