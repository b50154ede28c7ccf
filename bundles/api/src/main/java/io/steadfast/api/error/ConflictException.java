package io.steadfast.api.error;

/** The operation conflicts with the current state (e.g. the habit's type plugin is not running): 409. */
public class ConflictException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String detail) {
        super(detail);
    }
}
