package io.steadfast.habit.api;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The habits of any user, for operators' tools (the admin shell: {@code steadfast:stats-recompute}), not scoped to
 * an owner as {@link HabitQuery} is: never for a request of a user. Each habit comes with its owner's calendar
 * settings and today, like {@link HabitQuery#habit}.
 *
 * @since 2.5
 */
@ProviderType
public interface HabitDirectory {

    /** The habit with this id, whoever owns it; empty when there is none. */
    Optional<HabitInfo> find(UUID habitId);

    /** Every habit of the user, archived ones included, in their order; empty for an unknown user. */
    List<HabitInfo> ofUser(UUID userId);

    /**
     * A page of every habit of the server, in id order: the first {@code limit} after {@code afterId} ({@code null}
     * for the first page). The last page is shorter than {@code limit}.
     */
    List<HabitInfo> page(UUID afterId, int limit);

    /** Up to {@code limit} ids of habits that start with {@code prefix}, in order: for the shell's completion. */
    List<UUID> idsStartingWith(String prefix, int limit);
}
