package io.steadfast.outbound;

/**
 * A URL that {@link OutboundHttp} will not call: it is malformed, or its host resolves to a refused address. It
 * will not work as configured, so a delivery gives up rather than retries. The message is for people.
 */
public class RefusedUrlException extends Exception {

    private static final long serialVersionUID = 1L;

    public RefusedUrlException(String message) {
        super(message);
    }
}
