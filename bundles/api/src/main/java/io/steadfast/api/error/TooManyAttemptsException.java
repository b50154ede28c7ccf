package io.steadfast.api.error;

import java.time.Duration;

/** Throttled: too many attempts in a window; try again after {@link #retryAfter()}: 429 with Retry-After. */
public class TooManyAttemptsException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public TooManyAttemptsException(String detail, Duration retryAfter) {
        super(detail);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
