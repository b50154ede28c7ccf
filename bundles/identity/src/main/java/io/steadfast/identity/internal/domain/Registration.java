package io.steadfast.identity.internal.domain;

/**
 * What a new user asks for; {@code displayName} and {@code timezone} may be {@code null} (the email's local part
 * and UTC).
 */
public record Registration(String email, String password, String displayName, String timezone) {}
