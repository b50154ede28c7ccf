package io.steadfast.identity.internal.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import io.steadfast.api.cache.KeyValueCache;
import io.steadfast.api.cache.MessageBus;
import io.steadfast.api.cache.RateCounter;
import io.steadfast.identity.internal.Tokens;
import io.steadfast.identity.internal.store.ResetRow;
import io.steadfast.identity.internal.store.ResetStore;
import io.steadfast.identity.internal.store.SecurityEventRow;
import io.steadfast.identity.internal.store.SecurityLogStore;
import io.steadfast.identity.internal.store.TokenRow;
import io.steadfast.identity.internal.store.TokenStore;
import io.steadfast.identity.internal.store.UserRow;
import io.steadfast.identity.internal.store.UserStore;
import io.steadfast.storage.DuplicateKeyException;

/**
 * The identity repositories and the cache backends in memory, for the services' unit tests (the JPA repositories
 * have their own tests). Entries expire on the test's clock.
 */
final class InMemoryStores {

    private InMemoryStores() {}

    static class UserTable implements UserStore {
        final Map<UUID, UserRow> rows = new LinkedHashMap<>();
        /** How many times an account was read by id (a query each, in the database). */
        int finds;

        @Override
        public UserRow create(UserRow user) {
            if (withEmail(user.email()).isPresent()) {
                throw new DuplicateKeyException("email already registered", null);
            }
            UserRow stored = new UserRow(
                    user.id(),
                    user.email().trim(),
                    user.displayName(),
                    user.passwordHash(),
                    user.timezone(),
                    user.weekStart(),
                    user.dayStartsAt(),
                    user.role(),
                    user.createdAt(),
                    user.updatedAt(),
                    user.passwordChangeRequired(),
                    user.alerts());
            rows.put(stored.id(), stored);
            return stored;
        }

        @Override
        public Optional<UserRow> find(UUID id) {
            finds++;
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public Optional<UserRow> findByEmail(String email) {
            return withEmail(email);
        }

        @Override
        public UserRow updateProfile(UserRow user) {
            UserRow u = rows.get(user.id());
            if (u == null) {
                return null;
            }
            UserRow changed = new UserRow(
                    u.id(),
                    u.email(),
                    user.displayName(),
                    u.passwordHash(),
                    user.timezone(),
                    user.weekStart(),
                    user.dayStartsAt(),
                    user.role(),
                    u.createdAt(),
                    user.updatedAt(),
                    u.passwordChangeRequired(),
                    user.alerts(),
                    u.disabledAt());
            rows.put(u.id(), changed);
            return changed;
        }

        @Override
        public void updatePassword(UUID id, String passwordHash, boolean changeRequired, Instant at) {
            UserRow u = rows.get(id);
            if (u != null) {
                rows.put(
                        id,
                        new UserRow(
                                u.id(),
                                u.email(),
                                u.displayName(),
                                passwordHash,
                                u.timezone(),
                                u.weekStart(),
                                u.dayStartsAt(),
                                u.role(),
                                u.createdAt(),
                                at,
                                changeRequired,
                                u.alerts(),
                                u.disabledAt()));
            }
        }

        @Override
        public Optional<UserRow> updateEmail(UUID id, String email, Instant at) {
            UserRow u = rows.get(id);
            if (u == null) {
                return Optional.empty();
            }
            Optional<UserRow> holder = withEmail(email);
            if (holder.isPresent() && !holder.get().id().equals(id)) {
                throw new DuplicateKeyException("email already registered", null);
            }
            UserRow changed = new UserRow(
                    u.id(),
                    email.trim(),
                    u.displayName(),
                    u.passwordHash(),
                    u.timezone(),
                    u.weekStart(),
                    u.dayStartsAt(),
                    u.role(),
                    u.createdAt(),
                    at,
                    u.passwordChangeRequired(),
                    u.alerts(),
                    u.disabledAt());
            rows.put(id, changed);
            return Optional.of(changed);
        }

        @Override
        public List<String> emailsStartingWith(String prefix, int limit) {
            return rows.values().stream()
                    .map(UserRow::email)
                    .filter(e -> UserRow.normalize(e).startsWith(UserRow.normalize(prefix)))
                    .sorted(Comparator.comparing(UserRow::normalize))
                    .limit(limit)
                    .toList();
        }

        @Override
        public boolean delete(UUID id) {
            epochs.remove(id);
            return rows.remove(id) != null;
        }

        final Map<UUID, Long> epochs = new HashMap<>();

        @Override
        public void credentialsRevoked(UUID id) {
            if (rows.containsKey(id)) {
                epochs.merge(id, 1L, Long::sum);
            }
        }

        @Override
        public long credentialsEpoch(UUID id) {
            return epochs.getOrDefault(id, 0L);
        }

        @Override
        public long count() {
            return rows.size();
        }

        @Override
        public List<UserRow> list(int offset, int limit) {
            return rows.values().stream()
                    .sorted(Comparator.comparing(UserRow::createdAt).thenComparing(u -> u.id().toString()))
                    .skip(offset)
                    .limit(limit)
                    .toList();
        }

        @Override
        public List<UserRow> search(String query, int offset, int limit) {
            return list(0, Integer.MAX_VALUE).stream()
                    .filter(u -> matches(u, query))
                    .skip(offset)
                    .limit(limit)
                    .toList();
        }

        @Override
        public long countMatching(String query) {
            return rows.values().stream().filter(u -> matches(u, query)).count();
        }

        private static boolean matches(UserRow u, String query) {
            String q = query.trim().toLowerCase(java.util.Locale.ROOT);
            return UserRow.normalize(u.email()).contains(q)
                    || u.displayName().toLowerCase(java.util.Locale.ROOT).contains(q);
        }

        @Override
        public Optional<UserRow> setDisabled(UUID id, Instant at) {
            UserRow u = rows.get(id);
            if (u == null) {
                return Optional.empty();
            }
            UserRow changed = new UserRow(
                    u.id(),
                    u.email(),
                    u.displayName(),
                    u.passwordHash(),
                    u.timezone(),
                    u.weekStart(),
                    u.dayStartsAt(),
                    u.role(),
                    u.createdAt(),
                    u.updatedAt(),
                    u.passwordChangeRequired(),
                    u.alerts(),
                    at);
            rows.put(id, changed);
            return Optional.of(changed);
        }

        /** The unique constraint: what {@link #create} checks, whatever a test makes {@link #findByEmail} say. */
        private Optional<UserRow> withEmail(String email) {
            return rows.values().stream()
                    .filter(u -> UserRow.normalize(u.email()).equals(UserRow.normalize(email)))
                    .findFirst();
        }
    }

    static final class ResetTable implements ResetStore {
        final Map<UUID, ResetRow> rows = new LinkedHashMap<>();

        @Override
        public ResetRow create(ResetRow reset) {
            rows.put(reset.id(), reset);
            return reset;
        }

        @Override
        public Optional<ResetRow> findByHash(String hash) {
            return rows.values().stream().filter(r -> r.hash().equals(hash)).findFirst();
        }

        @Override
        public boolean use(UUID id, Instant at) {
            ResetRow r = rows.get(id);
            if (r == null || !r.usableAt(at)) {
                return false;
            }
            rows.put(id, used(r, at));
            return true;
        }

        @Override
        public int cancelAll(UUID userId, Instant at) {
            int n = 0;
            for (ResetRow r : List.copyOf(rows.values())) {
                if (r.userId().equals(userId) && r.usedAt() == null) {
                    rows.put(r.id(), used(r, at));
                    n++;
                }
            }
            return n;
        }

        private static ResetRow used(ResetRow r, Instant at) {
            return new ResetRow(r.id(), r.userId(), r.hash(), r.createdAt(), r.expiresAt(), at);
        }
    }

    /** The security log in memory, newest first as the database answers. */
    static final class SecurityEvents implements SecurityLogStore {
        final List<SecurityEventRow> rows = new CopyOnWriteArrayList<>();

        @Override
        public void append(SecurityEventRow event) {
            rows.add(event);
        }

        @Override
        public List<SecurityEventRow> page(UUID userId, Instant beforeAt, UUID beforeId, int limit) {
            Comparator<SecurityEventRow> newest = Comparator.comparing(SecurityEventRow::createdAt)
                    .thenComparing(e -> e.id().toString())
                    .reversed();
            return rows.stream()
                    .filter(e -> userId == null || e.userId().equals(userId))
                    .filter(e -> beforeAt == null
                            || e.createdAt().isBefore(beforeAt)
                            || (e.createdAt().equals(beforeAt)
                                    && e.id().toString().compareTo(String.valueOf(beforeId)) < 0))
                    .sorted(newest)
                    .limit(limit)
                    .toList();
        }

        @Override
        public int deleteBefore(Instant cut) {
            int before = rows.size();
            rows.removeIf(e -> e.createdAt().isBefore(cut));
            return before - rows.size();
        }

        @Override
        public Optional<SecurityEventRow> latest(UUID userId, String kind) {
            return page(userId, null, null, Integer.MAX_VALUE).stream()
                    .filter(e -> e.kind().equals(kind))
                    .findFirst();
        }

        /** The kinds logged for an account, oldest first. */
        List<String> kinds(UUID userId) {
            return rows.stream()
                    .filter(e -> e.userId().equals(userId))
                    .map(SecurityEventRow::kind)
                    .toList();
        }
    }

    static final class TokenTable implements TokenStore {
        final Map<UUID, TokenRow> rows = new LinkedHashMap<>();

        @Override
        public TokenRow create(TokenRow token) {
            rows.put(token.id(), token);
            return token;
        }

        @Override
        public Optional<TokenRow> findByHash(String hash) {
            return rows.values().stream().filter(t -> t.hash().equals(hash)).findFirst();
        }

        @Override
        public List<TokenRow> listActive(UUID userId, String kind) {
            return rows.values().stream()
                    .filter(t -> t.userId().equals(userId) && t.kind().equals(kind) && t.revokedAt() == null)
                    .sorted(Comparator.comparing(TokenRow::createdAt).reversed().thenComparing(t -> t.id().toString()))
                    .toList();
        }

        @Override
        public void touch(UUID id, Instant lastUsedAt, Instant expiresAt) {
            TokenRow t = rows.get(id);
            if (t != null && t.revokedAt() == null) {
                rows.put(
                        id,
                        new TokenRow(
                                t.id(),
                                t.userId(),
                                t.kind(),
                                t.name(),
                                t.hash(),
                                t.scopes(),
                                t.createdAt(),
                                lastUsedAt,
                                expiresAt,
                                null,
                                t.userAgent(),
                                t.clientAddress()));
            }
        }

        @Override
        public Optional<TokenRow> revoke(UUID userId, UUID tokenId, Instant at) {
            TokenRow t = rows.get(tokenId);
            if (t == null || !t.userId().equals(userId) || t.revokedAt() != null) {
                return Optional.empty();
            }
            return Optional.of(revoked(t, at));
        }

        @Override
        public List<TokenRow> revokeSessions(UUID userId, UUID except, Instant at) {
            return revoke(userId, except, at, true);
        }

        @Override
        public List<TokenRow> revokeAll(UUID userId, UUID except, Instant at) {
            return revoke(userId, except, at, false);
        }

        private List<TokenRow> revoke(UUID userId, UUID except, Instant at, boolean sessionsOnly) {
            List<TokenRow> revoked = new ArrayList<>();
            for (TokenRow t : List.copyOf(rows.values())) {
                if (sessionsOnly && Tokens.PAT.equals(t.kind())) {
                    continue;
                }
                if (t.userId().equals(userId) && t.revokedAt() == null && !t.id().equals(except)) {
                    revoked.add(revoked(t, at));
                }
            }
            return revoked;
        }

        @Override
        public long countUsable(java.util.Collection<String> kinds, Instant now) {
            return rows.values().stream()
                    .filter(t -> kinds.contains(t.kind()) && t.usableAt(now))
                    .count();
        }

        @Override
        public Optional<Instant> lastUsed(UUID userId) {
            return rows.values().stream()
                    .filter(t -> t.userId().equals(userId) && t.lastUsedAt() != null)
                    .map(TokenRow::lastUsedAt)
                    .max(Comparator.naturalOrder());
        }

        private TokenRow revoked(TokenRow t, Instant at) {
            TokenRow r = new TokenRow(
                    t.id(),
                    t.userId(),
                    t.kind(),
                    t.name(),
                    t.hash(),
                    t.scopes(),
                    t.createdAt(),
                    t.lastUsedAt(),
                    t.expiresAt(),
                    at,
                    t.userAgent(),
                    t.clientAddress());
            rows.put(r.id(), r);
            return r;
        }
    }

    /** A {@link KeyValueCache} that also remembers the time to live each entry was put with. */
    static final class KeyValues implements KeyValueCache {
        record Entry(String value, Duration ttl, Instant expiresAt) {}

        final Map<String, Entry> entries = new HashMap<>();
        private final Clock clock;

        KeyValues(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Optional<String> get(String key) {
            Entry e = entries.get(key);
            if (e == null || !e.expiresAt().isAfter(clock.instant())) {
                entries.remove(key);
                return Optional.empty();
            }
            return Optional.of(e.value());
        }

        @Override
        public void put(String key, String value, Duration ttl) {
            entries.put(key, new Entry(value, ttl, clock.instant().plus(ttl)));
        }

        @Override
        public void remove(String key) {
            entries.remove(key);
        }

        @Override
        public String backend() {
            return "test";
        }
    }

    /**
     * A {@link MessageBus} of one node that delivers at once on the publishing thread, remembers what was
     * published, and whose delivery epoch the test sets (0: as if the subscription were down).
     */
    static final class Bus implements MessageBus {
        final List<String> published = new CopyOnWriteArrayList<>();
        private final Map<String, List<Consumer<String>>> listeners = new HashMap<>();
        volatile long epoch = 1;

        @Override
        public void publish(String channel, String message) {
            published.add(channel + " " + message);
            listeners.getOrDefault(channel, List.of()).forEach(l -> l.accept(message));
        }

        @Override
        public Subscription subscribe(String channel, Consumer<String> listener) {
            listeners
                    .computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>())
                    .add(listener);
            return () -> listeners.get(channel).remove(listener);
        }

        @Override
        public long deliveryEpoch() {
            return epoch;
        }
    }

    /** An {@link EventAdmin} that keeps what was posted or sent, in order. */
    static final class Events implements EventAdmin {
        final List<Event> posted = new CopyOnWriteArrayList<>();

        @Override
        public void postEvent(Event event) {
            posted.add(event);
        }

        @Override
        public void sendEvent(Event event) {
            posted.add(event);
        }
    }

    static final class Counters implements RateCounter {
        record Window(long count, Instant expiresAt) {}

        final Map<String, Window> windows = new HashMap<>();
        private final Clock clock;

        Counters(Clock clock) {
            this.clock = clock;
        }

        @Override
        public long increment(String key, Duration window) {
            Window w = live(key);
            Window next =
                    w == null ? new Window(1, clock.instant().plus(window)) : new Window(w.count() + 1, w.expiresAt());
            windows.put(key, next);
            return next.count();
        }

        @Override
        public long current(String key) {
            Window w = live(key);
            return w == null ? 0 : w.count();
        }

        @Override
        public Duration remaining(String key) {
            Window w = live(key);
            return w == null ? Duration.ZERO : Duration.between(clock.instant(), w.expiresAt());
        }

        @Override
        public void reset(String key) {
            windows.remove(key);
        }

        private Window live(String key) {
            Window w = windows.get(key);
            if (w != null && !w.expiresAt().isAfter(clock.instant())) {
                windows.remove(key);
                return null;
            }
            return w;
        }
    }
}
