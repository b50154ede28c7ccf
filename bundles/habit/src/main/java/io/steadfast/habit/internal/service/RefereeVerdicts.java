package io.steadfast.habit.internal.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.habit.api.Verifications;
import io.steadfast.habit.internal.store.CheckinRow;
import io.steadfast.habit.internal.store.RefereeStore;

/** {@link Verifications} over the {@link RefereeStore}; a verdict wakes the outbox's delivery. */
@Component(service = Verifications.class)
public class RefereeVerdicts implements Verifications {

    private final RefereeStore store;
    private final HabitChanges changes;
    private final Clock clock;

    @Activate
    public RefereeVerdicts(@Reference RefereeStore store, @Reference HabitChanges changes, @Reference Clock clock) {
        this.store = store;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public List<Waiting> waiting(UUID refereeId, int limit) {
        return store.waiting(refereeId, limit).stream()
                .map(w -> new Waiting(
                        w.ownerId(),
                        w.habitId(),
                        w.habitName(),
                        w.row().date(),
                        w.row().value(),
                        w.shareNotes() ? w.row().note() : null,
                        w.row().updatedAt()))
                .toList();
    }

    @Override
    public List<VerifiedDay> verifiedDays(UUID ownerId, UUID habitId, LocalDate from) {
        return store.asked(ownerId, habitId, from).stream()
                .map(a -> new VerifiedDay(
                        habitId,
                        a.habitName(),
                        a.refereeId(),
                        a.row().date(),
                        a.row().verification().state(),
                        a.row().verification().comment(),
                        a.row().verification().at(),
                        a.row().updatedAt()))
                .toList();
    }

    @Override
    public Optional<UUID> ownerOf(UUID refereeId, UUID habitId) {
        return store.ownerOf(refereeId, habitId);
    }

    @Override
    public Optional<Verdict> decide(UUID refereeId, UUID habitId, LocalDate date, boolean confirmed, String comment) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String c = comment == null || comment.isBlank() ? null : comment.trim();
        Optional<UUID> owner = store.ownerOf(refereeId, habitId);
        Optional<CheckinRow> row = owner.flatMap(o -> store.decide(
                refereeId,
                habitId,
                date,
                new CheckinRow.Verification(
                        confirmed ? CheckinRow.Verification.CONFIRMED : CheckinRow.Verification.DISPUTED, c, now)));
        if (row.isEmpty()) {
            return Optional.empty();
        }
        changes.committed();
        CheckinRow.Verification v = row.get().verification();
        return Optional.of(new Verdict(owner.get(), habitId, date, v.state(), v.comment(), v.at()));
    }

    @Override
    public void release(UUID ownerId, UUID refereeId) {
        store.release(ownerId, refereeId, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }
}
