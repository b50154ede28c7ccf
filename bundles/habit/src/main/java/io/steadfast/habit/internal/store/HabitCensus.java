package io.steadfast.habit.internal.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads across owners, for operators only (the admin shell's counts, {@code HabitDirectory}): unlike
 * {@link HabitStore}, not scoped to an owner.
 */
@ProviderType
public interface HabitCensus {

    /** The habit with this id, whoever owns it. */
    Optional<HabitRow> find(UUID habitId);

    /** The first {@code limit} habits with an id after {@code afterId} ({@code null}: from the first), by id. */
    List<HabitRow> page(UUID afterId, int limit);

    /** Up to {@code limit} habit ids that start with {@code prefix} (lower case), in order. */
    List<UUID> idsStartingWith(String prefix, int limit);

    /** How many habits there are, archived ones included. */
    long habits();

    /** How many day records were written (made or changed) at or after {@code since}. */
    long checkinsWrittenSince(Instant since);

    /** When a day record of one of the user's habits was last written; empty when none is stored. */
    Optional<Instant> lastCheckinWritten(UUID userId);
}
