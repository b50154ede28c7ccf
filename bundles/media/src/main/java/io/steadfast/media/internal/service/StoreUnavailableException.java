package io.steadfast.media.internal.service;

/** The media store could not be reached: nothing was changed; try again later (503). */
public class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(Throwable cause) {
        super("The photo storage cannot be reached right now; try again in a moment", cause);
    }
}
