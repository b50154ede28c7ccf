package io.steadfast.transfer.internal.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import io.steadfast.transfer.internal.domain.ImportJob;

/** Imports. Every read is scoped to the owner, except the worker's claim. */
@ProviderType
public interface ImportJobStore {

    void create(ImportJob job);

    Optional<ImportJob> find(UUID userId, UUID id);

    /** The owner's imports, newest first, at most {@code max}. */
    List<ImportJob> list(UUID userId, int max);

    /**
     * Claims the oldest import that is queued, or running with a lease that ran out (its node stopped), for
     * {@code node} for {@code lease} (in the database's time): it becomes running, its attempts one more.
     */
    Optional<ImportJob> claim(String node, Duration lease);

    /** Records progress under the claim, extending its lease; false when the claim was lost. */
    boolean progress(UUID id, String node, Duration lease, int done, int habits, int checkins);

    /** Records the outcome under the claim and releases it; false when the claim was lost. */
    boolean finish(
            UUID id,
            String node,
            String status,
            int done,
            int habits,
            int checkins,
            int skipped,
            int photos,
            List<String> warnings,
            String error);

    /** How many imports of the owner are queued or running. */
    long unfinished(UUID userId);
}
