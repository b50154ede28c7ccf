package io.steadfast.habit.internal.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.account.UserProfile;
import io.steadfast.habit.internal.store.CheckinRow;
import io.steadfast.habit.internal.store.CheckinStore;
import io.steadfast.habit.internal.store.HabitRow;
import io.steadfast.habit.internal.store.HabitStore;
import io.steadfast.habit.internal.store.IncrementResult;

/** The habit bundle's repositories in memory, for the services' unit tests (the JPA ones have their own tests). */
final class InMemoryStores {

    static final class Habits implements HabitStore {
        final Map<UUID, HabitRow> rows = new LinkedHashMap<>();

        @Override
        public HabitRow create(HabitRow h) {
            int order = (int) rows.values().stream()
                    .filter(r -> r.userId().equals(h.userId()))
                    .count();
            HabitRow r = with(h, order);
            rows.put(r.id(), r);
            return r;
        }

        @Override
        public HabitRow createImported(HabitRow h, String sourceKey) {
            return create(h);
        }

        @Override
        public Optional<HabitRow> find(UUID userId, UUID habitId) {
            return Optional.ofNullable(rows.get(habitId)).filter(h -> h.userId().equals(userId));
        }

        @Override
        public List<HabitRow> list(UUID userId, boolean archived) {
            return listAll(userId).stream()
                    .filter(h -> h.archived() == archived)
                    .collect(Collectors.toList());
        }

        @Override
        public List<HabitRow> listAll(UUID userId) {
            return rows.values().stream()
                    .filter(h -> h.userId().equals(userId))
                    .sorted(Comparator.comparingInt(HabitRow::sortOrder))
                    .collect(Collectors.toList());
        }

        @Override
        public long count(UUID userId) {
            return listAll(userId).size();
        }

        @Override
        public Optional<HabitRow> update(HabitRow h) {
            if (find(h.userId(), h.id()).isEmpty()) {
                return Optional.empty();
            }
            rows.put(h.id(), h);
            return Optional.of(h);
        }

        @Override
        public boolean delete(UUID userId, UUID habitId) {
            return find(userId, habitId).isPresent() && rows.remove(habitId) != null;
        }

        @Override
        public void reorder(UUID userId, List<UUID> habitIds) {
            List<HabitRow> ordered = new ArrayList<>();
            habitIds.forEach(id -> ordered.add(rows.get(id)));
            listAll(userId).stream().filter(h -> !habitIds.contains(h.id())).forEach(ordered::add);
            for (int i = 0; i < ordered.size(); i++) {
                rows.put(ordered.get(i).id(), with(ordered.get(i), i));
            }
        }

        private static HabitRow with(HabitRow h, int order) {
            return new HabitRow(
                    h.id(),
                    h.userId(),
                    h.name(),
                    h.description(),
                    h.typeKey(),
                    h.target(),
                    h.unit(),
                    h.schedule(),
                    h.startDate(),
                    h.color(),
                    h.icon(),
                    h.archived(),
                    order,
                    h.createdAt(),
                    h.updatedAt(),
                    h.goal(),
                    h.createdOn());
        }
    }

    static final class Checkins implements CheckinStore {
        final Map<String, CheckinRow> rows = new HashMap<>();
        final Map<String, IncrementResult> keys = new HashMap<>();

        private static String key(UUID habitId, LocalDate date) {
            return habitId + "/" + date;
        }

        @Override
        public Optional<CheckinRow> find(UUID habitId, LocalDate date) {
            return Optional.ofNullable(rows.get(key(habitId, date)));
        }

        @Override
        public CheckinRow put(UUID userId, CheckinRow row) {
            rows.put(key(row.habitId(), row.date()), row);
            return row;
        }

        @Override
        public boolean delete(UUID userId, UUID habitId, LocalDate date) {
            return rows.remove(key(habitId, date)) != null;
        }

        @Override
        public List<CheckinRow> range(UUID habitId, LocalDate from, LocalDate to) {
            return range(List.of(habitId), from, to);
        }

        @Override
        public List<CheckinRow> range(Collection<UUID> habitIds, LocalDate from, LocalDate to) {
            return rows.values().stream()
                    .filter(r -> habitIds.contains(r.habitId())
                            && !r.date().isBefore(from)
                            && !r.date().isAfter(to))
                    .sorted(Comparator.comparing(CheckinRow::date))
                    .collect(Collectors.toList());
        }

        @Override
        public Optional<CheckinRow> valueAtEnd(UUID habitId, LocalDate from, LocalDate to, boolean latest) {
            List<CheckinRow> values = range(habitId, from, to).stream()
                    .filter(r -> r.value() != null && CheckinRow.DONE.equals(r.status()))
                    .collect(Collectors.toList());
            return values.isEmpty() ? Optional.empty() : Optional.of(values.get(latest ? values.size() - 1 : 0));
        }

        @Override
        public List<CheckinRow> all(Collection<UUID> habitIds) {
            return range(habitIds, LocalDate.MIN, LocalDate.MAX);
        }

        @Override
        public IncrementResult increment(
                UUID userId,
                UUID habitId,
                LocalDate date,
                BigDecimal delta,
                boolean backfilled,
                String idempotencyKey,
                String requestHash,
                Instant now,
                boolean refereed) {
            if (idempotencyKey != null && keys.containsKey(userId + "/" + idempotencyKey)) {
                IncrementResult first = keys.get(userId + "/" + idempotencyKey);
                return new IncrementResult(first.row(), true, first.requestHash());
            }
            CheckinRow old = rows.get(key(habitId, date));
            BigDecimal value =
                    (old == null || old.value() == null ? delta : old.value().add(delta)).max(BigDecimal.ZERO);
            CheckinRow row = put(
                    userId,
                    new CheckinRow(
                            habitId,
                            date,
                            value,
                            old == null ? null : old.note(),
                            CheckinRow.DONE,
                            old == null ? backfilled : old.backfilled(),
                            old == null ? now : old.createdAt(),
                            now,
                            refereed ? CheckinRow.Verification.WAITING : null));
            IncrementResult r = new IncrementResult(row, false, requestHash);
            if (idempotencyKey != null) {
                keys.put(userId + "/" + idempotencyKey, r);
            }
            return r;
        }
    }

    /** No habit of the in-memory stores has a referee (the referee rules run on H2 and PostgreSQL). */
    static final class Referees implements io.steadfast.habit.internal.store.RefereeStore {
        @Override
        public List<Waiting> waiting(UUID refereeId, int limit) {
            return List.of();
        }

        @Override
        public List<Asked> asked(UUID ownerId, UUID habitId, LocalDate from) {
            return List.of();
        }

        @Override
        public Optional<UUID> ownerOf(UUID refereeId, UUID habitId) {
            return Optional.empty();
        }

        @Override
        public Optional<CheckinRow> decide(
                UUID refereeId, UUID habitId, LocalDate date, CheckinRow.Verification verdict) {
            return Optional.empty();
        }

        @Override
        public int release(UUID ownerId, UUID refereeId, Instant at) {
            return 0;
        }

        @Override
        public int confirmWaiting(UUID habitId, Instant at) {
            return 0;
        }
    }

    static final class Directory implements UserDirectory {
        final Map<UUID, UserProfile> users = new HashMap<>();

        @Override
        public Optional<UserProfile> find(UUID userId) {
            return Optional.ofNullable(users.get(userId));
        }

        @Override
        public Optional<UserProfile> findByEmail(String email) {
            return users.values().stream()
                    .filter(u -> u.email().equalsIgnoreCase(email.trim()))
                    .findFirst();
        }
    }

    private InMemoryStores() {}

    static final class Vacations implements io.steadfast.habit.internal.store.VacationStore {

        final Map<UUID, io.steadfast.habit.internal.store.VacationRow> rows = new java.util.LinkedHashMap<>();

        @Override
        public io.steadfast.habit.internal.store.VacationRow create(io.steadfast.habit.internal.store.VacationRow v) {
            rows.put(v.id(), v);
            return v;
        }

        @Override
        public List<io.steadfast.habit.internal.store.VacationRow> list(UUID userId) {
            return rows.values().stream()
                    .filter(v -> v.userId().equals(userId))
                    .sorted(Comparator.comparing(io.steadfast.habit.internal.store.VacationRow::from))
                    .toList();
        }

        @Override
        public Optional<io.steadfast.habit.internal.store.VacationRow> find(UUID userId, UUID vacationId) {
            return Optional.ofNullable(rows.get(vacationId))
                    .filter(v -> v.userId().equals(userId));
        }

        @Override
        public Optional<io.steadfast.habit.internal.store.VacationRow> endOn(
                UUID userId, UUID vacationId, LocalDate to) {
            return find(userId, vacationId).map(v -> {
                io.steadfast.habit.internal.store.VacationRow next = new io.steadfast.habit.internal.store.VacationRow(
                        v.id(), v.userId(), v.from(), to, v.habitIds(), v.createdAt());
                rows.put(v.id(), next);
                return next;
            });
        }

        @Override
        public boolean delete(UUID userId, UUID vacationId) {
            return find(userId, vacationId)
                    .map(v -> rows.remove(v.id()) != null)
                    .orElse(false);
        }
    }

    /** An outbox that has delivered everything (the in-memory stores record no changes). */
    static final class Outbox implements io.steadfast.habit.internal.store.OutboxStore {
        @Override
        public List<Change> claim(String node, int max, int leaseSeconds) {
            return List.of();
        }

        @Override
        public void delivered(java.util.Collection<Long> ids) {}

        @Override
        public void release(java.util.Collection<Long> ids, int retrySeconds) {}

        @Override
        public Optional<Pending> pending(UUID habitId) {
            return Optional.empty();
        }

        @Override
        public Backlog backlog() {
            return new Backlog(0, 0);
        }
    }
}
