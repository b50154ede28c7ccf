package io.steadfast.api.error;

/** The caller is known but may not do this (a closed registration, a user calling an admin operation): 403. */
public class ForbiddenException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String detail) {
        super(detail);
    }
}
