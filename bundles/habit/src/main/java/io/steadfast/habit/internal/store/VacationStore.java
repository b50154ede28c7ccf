package io.steadfast.habit.internal.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/** Vacations. Every read and write is scoped to the owner. */
@ProviderType
public interface VacationStore {

    VacationRow create(VacationRow vacation);

    /** The owner's vacations, by start date. */
    List<VacationRow> list(UUID userId);

    Optional<VacationRow> find(UUID userId, UUID vacationId);

    /** Sets the last day of a vacation; empty when the owner has no such vacation. */
    Optional<VacationRow> endOn(UUID userId, UUID vacationId, LocalDate to);

    boolean delete(UUID userId, UUID vacationId);
}
