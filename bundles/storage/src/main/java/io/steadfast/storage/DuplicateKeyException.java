package io.steadfast.storage;

/** A unique constraint refused a write, e.g. a second account with the same email. */
public class DuplicateKeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DuplicateKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
