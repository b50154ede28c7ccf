package io.steadfast.transfer.internal.archive;

/**
 * A file that is not imported, and why, in words for the user: {@link #tooLarge} (413) when a limit is passed,
 * {@link #unreadable} (422) when the file is malformed, hostile or of no known format. Never carries a Java class
 * name or a stack trace in its message.
 */
public final class ImportRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    private ImportRefused(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public static ImportRefused tooLarge(String message) {
        return new ImportRefused(413, message);
    }

    public static ImportRefused unreadable(String message) {
        return new ImportRefused(422, message);
    }

    /** 413 or 422. */
    public int status() {
        return status;
    }
}
