package io.steadfast.transfer.internal.formats;

import java.io.CharConversionException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.transfer.internal.archive.Archive;
import io.steadfast.transfer.internal.archive.ImportRefused;

/**
 * The last line of every reader: whatever a file makes a parser throw ends as an {@link ImportRefused}. Only an
 * {@link IOException} of the disk itself goes through (the import is tried again); text that is not in its encoding
 * is the file's fault, and so is any unchecked exception a hostile file provokes (it is logged, for it is a case a
 * reader should have named).
 */
final class Guard {

    private static final Logger LOG = LoggerFactory.getLogger(Guard.class);

    /** A reading that may fail with an IOException. */
    interface Reading {
        Archive read() throws IOException;
    }

    private Guard() {}

    static Archive read(String format, Reading reading) throws IOException {
        try {
            return reading.read();
        } catch (ImportRefused e) {
            throw e;
        } catch (CharConversionException | CharacterCodingException e) {
            throw ImportRefused.unreadable("The file is not text in the encoding it should be in (UTF-8).");
        } catch (RuntimeException e) {
            LOG.warn("A {} file could not be read", format, e);
            throw ImportRefused.unreadable("The file could not be read: it is damaged, or not what it seems to be.");
        } catch (StackOverflowError e) {
            throw ImportRefused.unreadable("The file is nested too deeply to be read.");
        }
    }
}
