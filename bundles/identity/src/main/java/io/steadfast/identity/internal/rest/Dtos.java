package io.steadfast.identity.internal.rest;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.util.AccessPattern;
import io.steadfast.api.account.UserProfile.Alerts;
import io.steadfast.identity.internal.domain.Account;
import io.steadfast.identity.internal.domain.AlertsChange;
import io.steadfast.identity.internal.domain.ExportDocument;
import io.steadfast.identity.internal.domain.IssuedToken;
import io.steadfast.identity.internal.domain.ProfileChange;
import io.steadfast.identity.internal.domain.Registration;
import io.steadfast.identity.internal.domain.Session;
import io.steadfast.identity.internal.domain.TokenInfo;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The JSON of the identity endpoints, and the mapping from and to the domain. (The alerts are {@code "notify"} in
 * JSON, {@code alerts} in Java: a record component cannot be named {@code notify}, a final method of Object.)
 */
public final class Dtos {

    static final String EXPORT_FORMAT = io.steadfast.api.account.UserDataExporter.DOCUMENT_FORMAT;
    static final int EXPORT_VERSION = io.steadfast.api.account.UserDataExporter.DOCUMENT_VERSION;

    private Dtos() {}

    public record UserDto(
            UUID id,
            String email,
            String displayName,
            String timezone,
            String weekStart,
            int dayStartsAt,
            String role,
            Instant createdAt,
            @JsonProperty("notify") NotifyDto alerts) {

        public static UserDto of(Account a) {
            return new UserDto(
                    a.id(),
                    a.email(),
                    a.displayName(),
                    a.timezone(),
                    io.steadfast.api.time.Weekdays.code(io.steadfast.api.time.Weekdays.parse(a.weekStart())),
                    a.dayStartsAt(),
                    a.role(),
                    a.createdAt(),
                    NotifyDto.of(a.alerts()));
        }
    }

    /** The alerts the user opted in to; in {@code PATCH /me} the settings present change. */
    @Schema(
            description = "The alerts you opted in to. In PATCH /me only the settings present change; "
                    + "\"streakAtRisk\": null turns that alert off")
    public record NotifyDto(
            @Schema(description = "Hear when a partner's shared habit ends its due day missed (default false)")
                    boolean partnerMissed,
            @Schema(
                            description = "The local time of your day, \"HH:mm\" (00:00-23:59), at which to hear of "
                                    + "habits with a current streak of 3 or more that are not done yet; null: never "
                                    + "(the default)",
                            pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$",
                            nullable = true,
                            example = "20:30")
                    String streakAtRisk) {

        static NotifyDto of(Alerts a) {
            return new NotifyDto(a.partnerMissed(), AlertsChange.formatTime(a.streakAtRisk()));
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
            String currentPassword,
            @Schema(implementation = NotifyDto.class) @JsonProperty("notify") NotifyInput alerts) {

        ProfileChange change() {
            return new ProfileChange(
                    displayName,
                    timezone,
                    weekStart,
                    dayStartsAt,
                    email,
                    currentPassword,
                    alerts == null ? null : alerts.change());
        }
    }

    /**
     * The {@code notify} object of a profile change as given: which settings it names, with {@code "streakAtRisk":
     * null} (turn it off) told from an absent one (leave it), and the names that are no setting (the service's 422).
     * A value of the wrong JSON type is a 400 naming its field, as everywhere in the API ({@code notify.partnerMissed
     * must be true or false}, {@code notify must be an object}); a streakAtRisk that is not text is the service's
     * 422 like any other text that is no time.
     */
    @JsonDeserialize(using = NotifyInput.Reader.class)
    public record NotifyInput(
            Boolean partnerMissed, boolean setsStreakAtRisk, String streakAtRisk, List<String> unknown) {

        AlertsChange change() {
            return new AlertsChange(partnerMissed, setsStreakAtRisk, streakAtRisk, unknown);
        }

        static final class Reader extends StdDeserializer<NotifyInput> {
            private static final long serialVersionUID = 1L;

            Reader() {
                super(NotifyInput.class);
            }

            @Override
            public NotifyInput deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                JsonToken t = p.currentToken();
                if (t == JsonToken.START_OBJECT) {
                    t = p.nextToken();
                } else if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT) {
                    return (NotifyInput) ctxt.handleUnexpectedToken(NotifyInput.class, p);
                }
                Boolean partnerMissed = null;
                boolean setsStreakAtRisk = false;
                String streakAtRisk = null;
                List<String> unknown = new ArrayList<>();
                for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (AlertsChange.PARTNER_MISSED.equals(name)) {
                        if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
                            throw wrongType(p, Boolean.class, name);
                        }
                        partnerMissed = p.getBooleanValue();
                    } else if (AlertsChange.STREAK_AT_RISK.equals(name)) {
                        setsStreakAtRisk = true;
                        if (value == JsonToken.VALUE_NULL) {
                            streakAtRisk = null;
                        } else if (value == JsonToken.VALUE_STRING) {
                            streakAtRisk = p.getText();
                        } else {
                            // the JSON of a number, object or array: no time either, and the service says so
                            streakAtRisk = ctxt.readTree(p).toString();
                        }
                    } else {
                        unknown.add(name);
                        p.skipChildren();
                    }
                }
                return new NotifyInput(partnerMissed, setsStreakAtRisk, streakAtRisk, unknown);
            }

            /** {@code "notify": null} is no object of settings: a 400 like any value of the wrong type. */
            @Override
            public NotifyInput getNullValue(DeserializationContext ctxt) throws JsonMappingException {
                throw MismatchedInputException.from(
                        ctxt.getParser(), NotifyInput.class, "notify must be an object of settings");
            }

            /** Asked each time: {@link #getNullValue} throws, nothing to cache. */
            @Override
            public AccessPattern getNullAccessPattern() {
                return AccessPattern.DYNAMIC;
            }

            /** Absent: the alerts stay. */
            @Override
            public Object getAbsentValue(DeserializationContext ctxt) {
                return null;
            }

            private static MismatchedInputException wrongType(JsonParser p, Class<?> type, String name) {
                MismatchedInputException e =
                        MismatchedInputException.from(p, type, AlertsChange.FIELD + "." + name + " has the wrong type");
                e.prependPath(NotifyInput.class, name);
                return e;
            }
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
     * An account after an administrator disabled or enabled it.
     *
     * @param disabledAt when it was disabled, {@code null} while it is enabled
     * @param revoked    how many sessions and tokens the call ended (on every node)
     */
    public record AccountAccessDto(UUID id, String email, boolean disabled, Instant disabledAt, int revoked) {

        public static AccountAccessDto of(Account a, int revoked) {
            return new AccountAccessDto(a.id(), a.email(), a.disabled(), a.disabledAt(), revoked);
        }
    }

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
