package io.steadfast.transfer.internal.archive;

import java.io.IOException;
import java.nio.file.Path;

/** Reads one import format. Stateless; one instance per format. */
public interface ArchiveReader {

    /** The format's name in the API: {@code loop-sqlite}, {@code loop-csv}, {@code habitica}, {@code csv}, {@code steadfast}. */
    String format();

    /**
     * Whether the file looks like this format, from its first bytes ({@code head}: up to 4 KB) and, for zips,
     * the names of its entries. Cheap; never throws.
     */
    boolean recognises(FileSniff sniff);

    /**
     * Reads the whole file.
     *
     * @throws ImportRefused a limit is passed, or the file is malformed or hostile (a SQLite file that is not Loop's)
     * @throws IOException   the file could not be read from disk
     */
    Archive read(Path file, ImportLimits limits) throws IOException;
}
