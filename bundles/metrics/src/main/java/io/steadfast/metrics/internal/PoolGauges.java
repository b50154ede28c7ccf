package io.steadfast.metrics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * The database connection pools' use, read from the JMX beans of pax-transx (the pool behind pax-jdbc's {@code
 * pool=transx} DataSource): {@code org.ops4j.pax.transx:type=Pool,name=N} carries the pool's configuration ({@code
 * MaxPoolSize}), and one {@code ...,name=N,subpool=K} per sub-pool its connections ({@code ActiveConnections},
 * {@code IdleConnections}). Nothing in Steadfast's own bundles is read: the pool is re-created with the DataSource
 * when its configuration changes, and its beans with it, so the gauges are refreshed from the beans before every
 * scrape ({@link #refresh()}), one row per pool name.
 */
final class PoolGauges {

    static final String BEANS = "org.ops4j.pax.transx:type=Pool,*";

    /** A pool's numbers, summed over its sub-pools. */
    record Pool(String name, int active, int idle, int max) {}

    private final MBeanServer server;
    private final MultiGauge active;
    private final MultiGauge idle;
    private final MultiGauge max;

    PoolGauges(MBeanServer server, MeterRegistry registry) {
        this.server = server;
        this.active = MultiGauge.builder("steadfast.db.connections.active")
                .description("Connections of the database pool in use by a transaction or query")
                .register(registry);
        this.idle = MultiGauge.builder("steadfast.db.connections.idle")
                .description("Open connections of the database pool that wait to be used")
                .register(registry);
        this.max = MultiGauge.builder("steadfast.db.connections.max")
                .description("The most connections the database pool opens (pool.maxPoolSize)")
                .register(registry);
    }

    /** Reads the beans now and replaces the gauges' rows (a pool that went away loses its row). */
    void refresh() {
        List<Pool> pools = read();
        active.register(rows(pools, Pool::active), true);
        idle.register(rows(pools, Pool::idle), true);
        max.register(rows(pools, Pool::max), true);
    }

    /** The pools whose beans are registered now, by name. */
    List<Pool> read() {
        Map<String, int[]> byName = new TreeMap<>();
        try {
            for (ObjectName n : server.queryNames(new ObjectName(BEANS), null)) {
                String name = n.getKeyProperty("name");
                if (name == null) {
                    continue;
                }
                int[] sums = byName.computeIfAbsent(name, k -> new int[3]);
                if (n.getKeyProperty("subpool") != null) {
                    sums[0] += attribute(n, "ActiveConnections");
                    sums[1] += attribute(n, "IdleConnections");
                } else {
                    sums[2] = attribute(n, "MaxPoolSize");
                }
            }
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
        List<Pool> pools = new ArrayList<>();
        byName.forEach((name, s) -> pools.add(new Pool(name, s[0], s[1], s[2])));
        return pools;
    }

    private int attribute(ObjectName n, String attribute) {
        try {
            return server.getAttribute(n, attribute) instanceof Number v ? v.intValue() : 0;
        } catch (Exception goneOrDifferent) {
            // the pool closed between the query and the read, or a pax-transx of another shape: nothing to add
            return 0;
        }
    }

    private static List<MultiGauge.Row<?>> rows(List<Pool> pools, ToIntFunction<Pool> value) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (Pool p : pools) {
            rows.add(MultiGauge.Row.of(Tags.of("pool", p.name()), value.applyAsInt(p)));
        }
        return rows;
    }
}
