package io.steadfast.habit.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Referees: the done days of a habit with a referee ({@link Sharing#refereeUserId()}) wait for the referee's verdict.
 * A waiting day counts as done; a disputed one counts as missed (as if nothing were recorded); a confirmed one as
 * done. Every verdict is a change of the day (statistics follow it, after the commit). Provided by the habit bundle;
 * the accountability bundle decides who may referee whom.
 *
 * @since 2.3
 */
@ProviderType
public interface Verifications {

    /** A done day waiting for its referee. */
    String PENDING = "pending";

    /** The referee confirmed the day. */
    String CONFIRMED = "confirmed";

    /** The referee disputed the day: it counts as missed. */
    String DISPUTED = "disputed";

    /**
     * A done day waiting for the caller's verdict.
     *
     * @param note the day's note, only when the owner shares the habit's notes
     */
    record Waiting(
            UUID ownerId,
            UUID habitId,
            String habitName,
            LocalDate date,
            BigDecimal value,
            String note,
            Instant recordedAt) {}

    /** A verdict as recorded. */
    record Verdict(UUID ownerId, UUID habitId, LocalDate date, String state, String comment, Instant at) {}

    /**
     * A day of a refereed habit with its referee's part, as the owner's change left it.
     *
     * @param refereeId  the habit's referee now ({@code null} when it has none any more)
     * @param state      {@link #PENDING}, {@link #CONFIRMED} or {@link #DISPUTED}
     * @param at         when the referee answered ({@code null} while pending)
     * @param recordedAt when the owner last wrote the day
     */
    record VerifiedDay(
            UUID habitId,
            String habitName,
            UUID refereeId,
            LocalDate date,
            String state,
            String comment,
            Instant at,
            Instant recordedAt) {}

    /**
     * The days of one of {@code ownerId}'s habits from {@code from} on that a referee was asked about, by date: what
     * a change of those days (delivered after the commit) may have to tell the referee or the owner.
     */
    List<VerifiedDay> verifiedDays(UUID ownerId, UUID habitId, LocalDate from);

    /** The days waiting for {@code refereeId}, the oldest first, at most {@code limit}. */
    List<Waiting> waiting(UUID refereeId, int limit);

    /** The owner of a habit {@code refereeId} referees; empty for every other habit. */
    Optional<UUID> ownerOf(UUID refereeId, UUID habitId);

    /**
     * Confirms or disputes a done day of a habit {@code refereeId} referees (again, to change the verdict); empty when
     * the habit is not theirs to referee or the day has no done record.
     */
    Optional<Verdict> decide(UUID refereeId, UUID habitId, LocalDate date, boolean confirmed, String comment);

    /**
     * {@code refereeId} referees none of {@code ownerId}'s habits any more (the partnership ended): the role goes, the
     * days that waited for them count as confirmed.
     */
    void release(UUID ownerId, UUID refereeId);
}
