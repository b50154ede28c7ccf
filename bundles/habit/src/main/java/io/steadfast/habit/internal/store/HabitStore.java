package io.steadfast.habit.internal.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/** Habits. Every read and write is scoped to the owner: another user's habit is simply not found. */
@ProviderType
public interface HabitStore {

    /** Stores a new habit at the end of the owner's order. */
    HabitRow create(HabitRow habit);

    /**
     * Stores a new habit as {@link #create} does, remembering where it was imported from, in one transaction.
     *
     * @throws RuntimeException a constraint violation when the owner has a habit with that source key
     */
    HabitRow createImported(HabitRow habit, String sourceKey);

    Optional<HabitRow> find(UUID userId, UUID habitId);

    /** The owner's habits, archived or not, in their order. */
    List<HabitRow> list(UUID userId, boolean archived);

    /** All of the owner's habits. */
    List<HabitRow> listAll(UUID userId);

    /** How many habits the owner has, archived ones included. */
    long count(UUID userId);

    /** Writes the habit's fields; empty when the owner has no such habit. */
    Optional<HabitRow> update(HabitRow habit);

    /** Deletes the habit and its records. */
    boolean delete(UUID userId, UUID habitId);

    /** Orders the owner's habits as listed (others keep their relative order after them). */
    void reorder(UUID userId, List<UUID> habitIds);
}
