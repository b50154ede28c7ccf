package io.steadfast.redis.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.api.cache.CacheBackends;
import io.steadfast.api.cache.KeyValueCache;
import io.steadfast.api.cache.MessageBus;
import io.steadfast.api.cache.RateCounter;
import io.steadfast.api.cache.TokenBuckets;
import io.steadfast.api.health.HealthIndicator;
import io.steadfast.api.ops.Check;

/**
 * When Redis is configured ({@code STEADFAST_REDIS_URL} or {@code etc/io.steadfast.redis.cfg}), registers the
 * Redis-backed cache, counters, bus and health with service ranking 100, so they replace the in-process ones.
 * Without a URL it registers nothing.
 */
@Component(immediate = true, configurationPid = RedisConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RedisConfig.class)
public class RedisConnector {

    static final int RANKING = 100;
    private static final Logger LOG = LoggerFactory.getLogger(RedisConnector.class);

    private final BundleContext context;
    private final RateCounter localCounter;
    private final TokenBuckets localBuckets;
    private final Clock clock;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private RedisClient client;
    private RedisMessageBus bus;

    @Activate
    public RedisConnector(
            BundleContext context,
            @Reference(target = CacheBackends.IN_PROCESS_FILTER) RateCounter localCounter,
            @Reference(target = CacheBackends.IN_PROCESS_FILTER) TokenBuckets localBuckets,
            @Reference Clock clock,
            RedisConfig config) {
        this.context = context;
        this.localCounter = localCounter;
        this.localBuckets = localBuckets;
        this.clock = clock;
        start(config);
    }

    @Modified
    synchronized void modified(RedisConfig config) {
        stop();
        start(config);
    }

    @Deactivate
    synchronized void deactivate() {
        stop();
    }

    private synchronized void start(RedisConfig config) {
        RedisSettings settings;
        try {
            settings = RedisSettings.resolve(
                    config.url(),
                    System.getenv(RedisSettings.ENV_URL),
                    config.keyPrefix(),
                    config.timeoutMillis(),
                    config.maxConnections());
        } catch (IllegalArgumentException e) {
            LOG.error("Redis is not used: {}", e.getMessage());
            return;
        }
        if (settings == null) {
            LOG.debug("Redis not configured; the in-process cache serves");
            return;
        }
        client = new RedisClient(settings);
        bus = new RedisMessageBus(client);
        register(KeyValueCache.class, new RedisKeyValueCache(client));
        register(RateCounter.class, new RedisRateCounter(client, localCounter));
        register(TokenBuckets.class, new RedisTokenBuckets(client, localBuckets, clock));
        register(MessageBus.class, bus);
        register(HealthIndicator.class, new RedisHealth(client));
        register(Check.class, new RedisCheck(client, bus));
        // no round trip during activation: /health reports whether Redis answers
        LOG.info("Cache: redis {}", settings.describe());
    }

    private <T> void register(Class<T> type, T service) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("service.ranking", RANKING);
        props.put(CacheBackends.PROPERTY, CacheBackends.REDIS);
        registrations.add(context.registerService(type, service, props));
    }

    private void stop() {
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // bundle stopping
            }
        }
        registrations.clear();
        if (bus != null) {
            bus.close();
            bus = null;
        }
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
