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
}
