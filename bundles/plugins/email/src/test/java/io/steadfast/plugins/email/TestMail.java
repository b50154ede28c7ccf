package io.steadfast.plugins.email;

import java.lang.annotation.Annotation;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.account.UserProfile;

/** Test fixtures: configurations and a user directory. */
final class TestMail {

    private TestMail() {}

    static MailConfig config(String host, int port, String from) {
        return config(host, port, "", "", from, false);
    }

    static MailConfig config(String host, int port, String user, String password, String from, boolean starttls) {
        return new MailConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return MailConfig.class;
            }

            @Override
            public String host() {
                return host;
            }

            @Override
            public int port() {
                return port;
            }

            @Override
            public String user() {
                return user;
            }

            @Override
            public String password() {
                return password;
            }

            @Override
            public String from() {
                return from;
            }

            @Override
            public boolean starttls() {
                return starttls;
            }

            @Override
            public String ehloName() {
                // no look-up of this machine's name
                return "localhost";
            }
        };
    }

    static UserProfile user(UUID id, String email) {
        return new UserProfile(
                id, email, "Ada", ZoneId.of("Europe/Berlin"), DayOfWeek.MONDAY, 0, "user", Instant.EPOCH);
    }

    static UserDirectory directory(Map<UUID, UserProfile> users) {
        return new UserDirectory() {
            @Override
            public Optional<UserProfile> find(UUID userId) {
                return Optional.ofNullable(users.get(userId));
            }

            @Override
            public Optional<UserProfile> findByEmail(String email) {
                return users.values().stream()
                        .filter(u -> u.email().equalsIgnoreCase(email))
                        .findFirst();
            }
        };
    }
}
