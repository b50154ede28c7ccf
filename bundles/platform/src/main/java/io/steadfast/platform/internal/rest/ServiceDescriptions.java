package io.steadfast.platform.internal.rest;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * The query parameters by which the JAX-RS runtime (CXF) would describe the application itself, without
 * authentication: {@code ?_wadl} on any path (its WADL), and its control parameters {@code _type} and {@code _method}
 * (which override the media type and the HTTP method). None is part of Steadfast's API; a request carrying one is
 * answered 404 before the runtime sees it. Plain Java.
 */
final class ServiceDescriptions {

    static final Set<String> RUNTIME_PARAMETERS = Set.of("_wadl", "_schema", "_type", "_ctype", "_method");

    private ServiceDescriptions() {}

    static boolean asked(Collection<String> queryParameterNames) {
        for (String name : queryParameterNames) {
            if (RUNTIME_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
