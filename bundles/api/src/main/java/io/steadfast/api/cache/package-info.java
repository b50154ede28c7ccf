/**
 * Small, backend-neutral interfaces for the shared cache, rate counters and publish/subscribe.
 * <p>
 * The cache bundle registers in-process implementations (service ranking 0). When Redis is configured
 * ({@code STEADFAST_REDIS_URL} or {@code etc/io.steadfast.redis.cfg}) the redis bundle registers Redis-backed
 * implementations with a higher ranking, so every node of a cluster shares them. Consumers take the
 * highest-ranked service. Implementations never throw on a backend outage: a cache read becomes a miss,
 * a write is dropped, and a counter falls back to a node-local count.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package io.steadfast.api.cache;
