package io.steadfast.platform.internal.rest;

import java.util.UUID;
import java.util.regex.Pattern;

/** Request ids: the caller's {@code X-Request-Id} when it is sane, a new UUID otherwise. Plain Java. */
public final class RequestIds {

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    private RequestIds() {}

    public static String accept(String given) {
        if (given != null && SANE.matcher(given).matches()) {
            return given;
        }
        return UUID.randomUUID().toString();
    }

    /**
     * The id already chosen for the request — by the Jetty edge ({@code io.steadfast.jetty}), which puts it in the
     * request attribute {@link RequestFilter#REQUEST_ID_ATTRIBUTE} and in the logging MDC — else {@link
     * #accept(String) accept(given)}.
     */
    public static String accept(Object chosen, String given) {
        return chosen instanceof String ? (String) chosen : accept(given);
    }
}
