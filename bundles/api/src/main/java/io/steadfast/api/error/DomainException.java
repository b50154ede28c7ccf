package io.steadfast.api.error;

/**
 * A rule of the domain refused an operation; the message is safe to show to the caller and says what to do. The
 * services throw these (and {@link ValidationException}); the platform answers each kind with its HTTP problem,
 * so no service speaks HTTP.
 */
public abstract class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected DomainException(String message) {
        super(message);
    }
}
