package io.steadfast.identity.internal.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.steadfast.identity.internal.store.TokenRow;
import io.steadfast.identity.internal.store.UserRow;

/** The JSON of the identity endpoints. */
public final class Dtos {

    private Dtos() {
    }

    public record UserDto(UUID id, String email, String displayName, String timezone, String weekStart,
            int dayStartsAt, String role, Instant createdAt) {

        public static UserDto of(UserRow u) {
            return new UserDto(u.id(), u.email(), u.displayName(), u.timezone(), u.weekStart(), u.dayStartsAt(),
                    u.role(), u.createdAt());
        }
    }

    public record AuthResult(UserDto user, String token, Instant expiresAt) {
    }

    public record RegisterRequest(String email, String password, String displayName, String timezone) {
    }

    public record LoginRequest(String email, String password) {
    }

    public record CheckResult(boolean authenticated, UUID userId, String email) {
    }

    public record ProfilePatch(String displayName, String timezone, String weekStart, Integer dayStartsAt) {
    }

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    public record TokenRequest(String name, List<String> scopes, Instant expiresAt) {
    }

    public record TokenDto(UUID id, String name, List<String> scopes, Instant createdAt, Instant lastUsedAt,
            Instant expiresAt) {

        public static TokenDto of(TokenRow t) {
            return new TokenDto(t.id(), t.name(), List.copyOf(t.scopes()), t.createdAt(), t.lastUsedAt(),
                    t.expiresAt());
        }
    }

    /** A new personal access token: the only time its secret is shown. */
    public record NewToken(UUID id, String name, List<String> scopes, Instant createdAt, Instant expiresAt,
            String token) {
    }

    public record DeleteAccount(String password) {
    }

    public record UserPage(List<UserDto> users, long total, int offset, int limit) {
    }
}
