package io.steadfast.habit.internal.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/** What imports write: habits with their source key, and day records marked as imported. */
@ProviderType
public interface ImportStore {

    /** The origin of an imported day record. */
    String IMPORTED = "imported";

    /** The id of the owner's habit with this source key. */
    Optional<UUID> findBySource(UUID userId, String sourceKey);

    /**
     * Inserts the records whose day the habit has no record of, with origin {@value #IMPORTED}, and records one
     * change in the outbox (from the earliest day) when any was inserted; one transaction.
     *
     * @return how many were inserted
     */
    int insertMissing(UUID userId, UUID habitId, List<CheckinRow> rows);
}
