package io.steadfast.transfer.internal.formats;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

import io.steadfast.transfer.internal.archive.ImportRefused;

/**
 * Stops a CSV text whose cell grows past {@link #MAX_CELL} characters before the parser holds it in memory: a line
 * of millions of characters or an opening quote that never closes (a zip bomb's one huge "cell") is refused as it
 * is read. Counts the characters since the last delimiter or line end outside quotes.
 */
final class CellLimit extends FilterReader {

    /** The longest cell: far more than any name (100) or note (4,000) that can be imported. */
    static final int MAX_CELL = 100_000;

    private final char delimiter;
    private final String file;
    private boolean quoted;
    private int cell;
    private int line = 1;

    CellLimit(Reader in, char delimiter, String file) {
        super(in);
        this.delimiter = delimiter;
        this.file = file;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            see((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        for (int i = 0; i < n; i++) {
            see(buf[off + i]);
        }
        return n;
    }

    private void see(char c) {
        if (c == '\n') {
            line++;
        }
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && (c == delimiter || c == '\n' || c == '\r')) {
            cell = 0;
            return;
        }
        if (++cell > MAX_CELL) {
            throw ImportRefused.unreadable((file == null ? "" : file + ", ") + "line " + line + ": a cell is longer "
                    + "than " + MAX_CELL + " characters (an unclosed quote?); this is not a CSV file that can be "
                    + "imported.");
        }
    }
}
