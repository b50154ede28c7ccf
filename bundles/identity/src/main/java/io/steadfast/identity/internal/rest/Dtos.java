package io.steadfast.identity.internal.rest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.steadfast.identity.internal.domain.Account;
import io.steadfast.identity.internal.domain.ExportDocument;
import io.steadfast.identity.internal.domain.IssuedToken;
import io.steadfast.identity.internal.domain.ProfileChange;
import io.steadfast.identity.internal.domain.Registration;
import io.steadfast.identity.internal.domain.Session;
import io.steadfast.identity.internal.domain.TokenInfo;

/** The JSON of the identity endpoints, and the mapping from and to the domain. */
public final class Dtos {

    static final String EXPORT_FORMAT = "steadfast-export";
    static final int EXPORT_VERSION = 1;

    private Dtos() {}

    public record UserDto(
            UUID id,
            String email,
            String displayName,
            String timezone,
            String weekStart,
            int dayStartsAt,
            String role,
            Instant createdAt) {

        public static UserDto of(Account a) {
            return new UserDto(
                    a.id(),
                    a.email(),
                    a.displayName(),
                    a.timezone(),
                    io.steadfast.api.time.Weekdays.code(io.steadfast.api.time.Weekdays.parse(a.weekStart())),
                    a.dayStartsAt(),
                    a.role(),
                    a.createdAt());
        }
    }

    /**
     * A new session. {@code passwordChangeRequired}: the login used a temporary password; the token may then only
     * change the password ({@code POST /api/v1/me/password}) or log out.
     */
    public record AuthResult(UserDto user, String token, Instant expiresAt, boolean passwordChangeRequired) {

        public static AuthResult of(Session s) {
            return new AuthResult(UserDto.of(s.account()), s.secret(), s.expiresAt(), s.passwordChangeRequired());
        }
    }

    public record RegisterRequest(String email, String password, String displayName, String timezone) {

        Registration registration() {
            return new Registration(email, password, displayName, timezone);
        }
    }

    public record LoginRequest(String email, String password) {}

    public record CheckResult(boolean authenticated, UUID userId, String email) {}

    public record ProfilePatch(
            String displayName,
            String timezone,
            String weekStart,
            Integer dayStartsAt,
            String email,
            String currentPassword) {

        ProfileChange change() {
            return new ProfileChange(displayName, timezone, weekStart, dayStartsAt, email, currentPassword);
        }
    }

    public record PasswordChange(String currentPassword, String newPassword) {}

    public record PasswordResetRequest(String email) {}

    public record PasswordResetConfirm(String token, String newPassword) {}

    public record TokenRequest(String name, List<String> scopes, Instant expiresAt) {}

    public record TokenDto(
            UUID id, String name, List<String> scopes, Instant createdAt, Instant lastUsedAt, Instant expiresAt) {

        public static TokenDto of(TokenInfo t) {
            return new TokenDto(t.id(), t.name(), t.scopes(), t.createdAt(), t.lastUsedAt(), t.expiresAt());
        }
    }

    /** A new personal access token: the only time its secret is shown. */
    public record NewToken(
            UUID id, String name, List<String> scopes, Instant createdAt, Instant expiresAt, String token) {

        public static NewToken of(IssuedToken t) {
            TokenInfo i = t.token();
            return new NewToken(i.id(), i.name(), i.scopes(), i.createdAt(), i.expiresAt(), t.secret());
        }
    }

    public record DeleteAccount(String password) {}

    public record UserPage(List<UserDto> users, long total, int offset, int limit) {}

    /**
     * The export document ({@code steadfast-export}, version 1; docs/api.md): format and version, the time, the
     * profile, the access tokens, then one section per bundle.
     */
    static Map<String, Object> export(ExportDocument d) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", EXPORT_FORMAT);
        doc.put("version", EXPORT_VERSION);
        doc.put("exportedAt", d.exportedAt());
        doc.put("profile", UserDto.of(d.profile()));
        doc.put("accessTokens", d.accessTokens().stream().map(TokenDto::of).toList());
        doc.putAll(d.sections());
        return doc;
    }
}
