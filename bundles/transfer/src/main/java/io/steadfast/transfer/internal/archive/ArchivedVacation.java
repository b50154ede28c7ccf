package io.steadfast.transfer.internal.archive;

import java.time.LocalDate;
import java.util.List;

/** A vacation from {@code from} to {@code to} inclusive, of the listed habits (by source id) or of all (empty). */
public record ArchivedVacation(LocalDate from, LocalDate to, List<String> habitSourceIds) {

    public ArchivedVacation {
        habitSourceIds = habitSourceIds == null ? List.of() : List.copyOf(habitSourceIds);
    }
}
