package io.steadfast.habit.internal.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.account.UserProfile;
import io.steadfast.api.error.ConflictException;
import io.steadfast.api.error.FieldError;
import io.steadfast.api.error.NotFoundException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.api.limit.Limits;
import io.steadfast.api.time.DateLimits;
import io.steadfast.habit.internal.domain.Vacation;
import io.steadfast.habit.internal.store.HabitStore;
import io.steadfast.habit.internal.store.VacationRow;
import io.steadfast.habit.internal.store.VacationStore;

/**
 * Vacations (Habitica's inn, Streaks' pause): days on which all or some of a user's habits are paused — nothing is
 * due, nothing is missed, streaks survive. A vacation starts today or later (a day that has passed is skipped, not
 * paused, so that the history keeps what happened); ending a vacation that has begun keeps its past days paused.
 */
@Component(service = Vacations.class)
public class Vacations {

    /** The longest vacation, in days. */
    public static final int MAX_DAYS = 366;
    /** How many vacations that have not ended a user may have. */
    public static final int MAX_OPEN = 50;

    private final VacationStore vacations;
    private final HabitStore habits;
    private final UserDirectory directory;
    private final HabitChanges changes;
    private final Clock clock;
    private final Limits limits;

    @Activate
    public Vacations(
            @Reference VacationStore vacations,
            @Reference HabitStore habits,
            @Reference UserDirectory directory,
            @Reference HabitChanges changes,
            @Reference Clock clock,
            @Reference Limits limits) {
        this.limits = limits;
        this.vacations = vacations;
        this.habits = habits;
        this.directory = directory;
        this.changes = changes;
        this.clock = clock;
    }

    /** What a user asks for: {@code habitIds} {@code null} for all habits. */
    public record Draft(LocalDate from, LocalDate to, List<UUID> habitIds) {}

    public Vacation create(UUID userId, Draft in) {
        return create(userId, in, false);
    }

    /**
     * Creates a vacation; {@code imported}: one an import brings, which may lie in the past, and which is not made
     * again when the user has one with the same days and habits (a second import of the file adds none).
     */
    public Vacation create(UUID userId, Draft in, boolean imported) {
        UserProfile user = Owners.profile(directory, userId);
        LocalDate today = Owners.today(clock, user);
        List<FieldError> errors = new ArrayList<>();
        if (in == null || in.from() == null) {
            errors.add(new FieldError("from", "is required: the first paused day, e.g. \"" + today + "\""));
        }
        if (in == null || in.to() == null) {
            errors.add(new FieldError("to", "is required: the last paused day (included)"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        DateLimits.check(in.from(), "from");
        DateLimits.check(in.to(), "to");
        if (!imported && in.from().isBefore(today)) {
            errors.add(new FieldError(
                    "from", "must be today (" + today + ") or later; a day that has passed can be skipped instead"));
        }
        if (in.to().isBefore(in.from())) {
            errors.add(new FieldError("to", "must not be before from"));
        } else if (ChronoUnit.DAYS.between(in.from(), in.to()) + 1 > MAX_DAYS) {
            errors.add(new FieldError("to", "a vacation is at most " + MAX_DAYS + " days"));
        }
        Set<UUID> habitIds = null;
        if (in.habitIds() != null) {
            if (in.habitIds().isEmpty()) {
                errors.add(new FieldError("habitIds", "list at least one habit, or leave it out to pause all habits"));
            }
            habitIds = new LinkedHashSet<>();
            for (UUID id : in.habitIds()) {
                if (id == null || habits.find(userId, id).isEmpty()) {
                    errors.add(new FieldError("habitIds", "you have no habit " + id));
                } else {
                    habitIds.add(id);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        List<VacationRow> all = vacations.list(userId);
        if (imported) {
            Set<UUID> wanted = habitIds;
            Optional<VacationRow> same = all.stream()
                    .filter(v -> v.from().equals(in.from())
                            && v.to().equals(in.to())
                            && java.util.Objects.equals(
                                    v.habitIds() == null ? null : Set.copyOf(v.habitIds()),
                                    wanted == null ? null : Set.copyOf(wanted)))
                    .findFirst();
            if (same.isPresent()) {
                return vacation(same.get());
            }
        }
        long open = all.stream().filter(v -> !v.to().isBefore(today)).count();
        if (open >= MAX_OPEN) {
            throw new ConflictException("You have " + MAX_OPEN + " vacations that have not ended; delete one first");
        }
        limits.check(Limits.VACATIONS, all.size(), "vacations", "delete some that are over first");
        VacationRow row = vacations.create(
                new VacationRow(UUID.randomUUID(), userId, in.from(), in.to(), habitIds, clock.instant()));
        changes.committed(); // the store recorded the paused days' change
        return vacation(row);
    }

    public List<Vacation> list(UUID userId) {
        Owners.profile(directory, userId);
        return vacations.list(userId).stream().map(Vacations::vacation).toList();
    }

    public Vacation get(UUID userId, UUID id) {
        return vacation(row(userId, id));
    }

    private VacationRow row(UUID userId, UUID id) {
        return vacations.find(userId, id).orElseThrow(() -> new NotFoundException("Vacation"));
    }

    static Vacation vacation(VacationRow v) {
        return new Vacation(v.id(), v.from(), v.to(), v.habitIds(), v.createdAt());
    }

    /**
     * Deletes a vacation that has not begun; ends one that has begun yesterday (its past days stay paused, today is
     * due again). A vacation that is over stays in the history: 409.
     *
     * @return whether the vacation is gone (else it was ended)
     */
    public boolean delete(UUID userId, UUID id) {
        VacationRow v = row(userId, id);
        LocalDate today = Owners.today(clock, Owners.profile(directory, userId));
        if (v.to().isBefore(today)) {
            throw new ConflictException(
                    "This vacation is over (it ended " + v.to() + "); its days stay paused in your history");
        }
        boolean gone;
        if (!v.from().isBefore(today)) {
            vacations.delete(userId, id);
            gone = true;
        } else {
            vacations.endOn(userId, id, today.minusDays(1));
            gone = false;
        }
        changes.committed(); // the store recorded the paused days' change
        return gone;
    }
}
