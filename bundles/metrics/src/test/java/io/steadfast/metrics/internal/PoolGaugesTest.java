package io.steadfast.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

class PoolGaugesTest {

    /** The shapes of pax-transx's beans (org.ops4j.pax.transx.connector.impl). */
    public interface PoolMXBean {
        int getIdleConnections();

        int getActiveConnections();

        int getTotalConnections();
    }

    public interface PoolConfigMXBean {
        int getMaxPoolSize();
    }

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    private static ObjectName name(String n) throws Exception {
        return new ObjectName("org.ops4j.pax.transx:type=Pool," + n);
    }

    @AfterEach
    void unregister() throws Exception {
        for (ObjectName n : server.queryNames(new ObjectName(PoolGauges.BEANS), null)) {
            server.unregisterMBean(n);
        }
    }

    private void pool(String name, int max, int... activeIdle) throws Exception {
        server.registerMBean((PoolConfigMXBean) () -> max, name("name=" + name));
        for (int i = 0; i + 1 < activeIdle.length; i += 2) {
            int active = activeIdle[i];
            int idle = activeIdle[i + 1];
            server.registerMBean(
                    new PoolMXBean() {
                        public int getIdleConnections() {
                            return idle;
                        }

                        public int getActiveConnections() {
                            return active;
                        }

                        public int getTotalConnections() {
                            return active + idle;
                        }
                    },
                    name("name=" + name + ",subpool=" + i));
        }
    }

    @Test
    void eachPoolSumsItsSubPoolsAndAPoolThatWentAwayLosesItsRow() throws Exception {
        pool("steadfast", 20, 3, 2, 1, 0);
        pool("other", 5, 0, 1);
        PrometheusMeterRegistry r =
                new PrometheusMeterRegistry(io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
        PoolGauges gauges = new PoolGauges(server, r);
        gauges.refresh();
        assertThat(r.scrape())
                .contains("steadfast_db_connections_active{pool=\"steadfast\"} 4")
                .contains("steadfast_db_connections_idle{pool=\"steadfast\"} 2")
                .contains("steadfast_db_connections_max{pool=\"steadfast\"} 20")
                .contains("steadfast_db_connections_max{pool=\"other\"} 5");

        server.unregisterMBean(name("name=other"));
        server.unregisterMBean(name("name=other,subpool=0"));
        gauges.refresh();
        assertThat(r.scrape()).doesNotContain("pool=\"other\"").contains("pool=\"steadfast\"");
        r.close();
    }
}
