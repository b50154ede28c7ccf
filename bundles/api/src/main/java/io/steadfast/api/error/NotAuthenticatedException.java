package io.steadfast.api.error;

/** The caller is not, or no longer, a known account (wrong credentials, an account deleted meanwhile): 401. */
public class NotAuthenticatedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public NotAuthenticatedException(String detail) {
        super(detail);
    }
}
