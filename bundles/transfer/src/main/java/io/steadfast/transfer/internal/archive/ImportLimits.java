package io.steadfast.transfer.internal.archive;

/**
 * The most an import may hold; a file past any of them is refused before anything is written.
 *
 * @param maxBytes        the upload itself (413)
 * @param maxUnpacked     the bytes of all entries of a zip together, as they are read (a zip bomb stops here: 413)
 * @param maxEntries      the entries of a zip (413)
 * @param maxHabits       habits in the file (413)
 * @param maxRows         day records in the file, over all habits (413)
 */
public record ImportLimits(long maxBytes, long maxUnpacked, int maxEntries, int maxHabits, int maxRows) {

    /** The defaults: 50 MB uploads, 200 MB unpacked, 1,000 zip entries, 500 habits, 1,000,000 days. */
    public static final ImportLimits DEFAULTS = new ImportLimits(50L << 20, 200L << 20, 1_000, 500, 1_000_000);
}
