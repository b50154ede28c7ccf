package io.steadfast.api.cache;

/**
 * The service property that tells the implementations of the cache services apart: the in-process ones (service
 * ranking 0, a single node) and the Redis ones (ranking 100, shared by every node). Consumers normally take the
 * highest ranking and never filter; a Redis implementation filters for its in-process fallback.
 */
public final class CacheBackends {

    /** The service property naming the backend. */
    public static final String PROPERTY = "steadfast.backend";

    /** The in-process backend, in the cache bundle. */
    public static final String IN_PROCESS = "in-process";

    /** The Redis backend, in the redis bundle. */
    public static final String REDIS = "redis";

    /** {@code PROPERTY=IN_PROCESS}, for a component's {@code property}. */
    public static final String IN_PROCESS_PROPERTY = PROPERTY + "=" + IN_PROCESS;

    /** A filter for the in-process services. */
    public static final String IN_PROCESS_FILTER = "(" + IN_PROCESS_PROPERTY + ")";

    private CacheBackends() {}
}
