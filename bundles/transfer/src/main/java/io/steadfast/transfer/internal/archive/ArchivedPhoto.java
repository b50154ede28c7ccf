package io.steadfast.transfer.internal.archive;

import java.time.LocalDate;

/**
 * A check-in photo an import file carries: the day of a habit (by source id) it belongs to, and the entry of the zip
 * that holds its bytes (read when it is stored, not with the archive).
 *
 * @param fileName the name it was uploaded with, or {@code null}
 */
public record ArchivedPhoto(String habitSourceId, LocalDate date, String entry, String fileName) {}
