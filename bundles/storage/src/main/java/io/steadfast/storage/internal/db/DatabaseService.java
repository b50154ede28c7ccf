package io.steadfast.storage.internal.db;

import java.sql.Connection;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.api.health.HealthIndicator;
import io.steadfast.api.health.HealthStatus;

/**
 * Follows the Steadfast DataSource as pax-jdbc registers and re-registers it: applies the migrations to each new
 * one (retrying while the database is unreachable), then registers {@link SchemaReady}. Reports the database in
 * {@code /health}.
 */
@Component(immediate = true, service = HealthIndicator.class)
public class DatabaseService implements HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseService.class);
    private static final long RETRY_SECONDS = 5;
    private static final long CHECK_TIMEOUT_MS = 2500;

    private final BundleContext context;
    private final ScheduledExecutorService executor;

    private DataSource dataSource;
    private Map<String, Object> dataSourceProps;
    private long generation;
    private String schemaVersion;
    private String lastError = "waiting for the data source";
    private ServiceRegistration<SchemaReady> readyRegistration;
    private volatile JpaTemplate jpa;

    @Activate
    public DatabaseService(BundleContext context) {
        this.context = context;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "steadfast-database");
            t.setDaemon(true);
            return t;
        });
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(osgi.jndi.service.name=steadfast)")
    synchronized void bindDataSource(DataSource ds, Map<String, Object> props) {
        unregisterReady();
        this.dataSource = ds;
        this.dataSourceProps = props;
        this.schemaVersion = null;
        this.lastError = "migrating";
        long gen = ++generation;
        executor.execute(() -> migrate(ds, gen));
    }

    synchronized void unbindDataSource(DataSource ds) {
        if (this.dataSource == ds) {
            unregisterReady();
            this.dataSource = null;
            this.schemaVersion = null;
            this.lastError = "no data source";
            generation++;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(osgi.unit.name=steadfast)")
    void bindJpa(JpaTemplate template) {
        this.jpa = template;
    }

    void unbindJpa(JpaTemplate template) {
        if (this.jpa == template) {
            this.jpa = null;
        }
    }

    @Deactivate
    synchronized void deactivate() {
        generation++;
        unregisterReady();
        executor.shutdownNow();
    }

    private void migrate(DataSource ds, long gen) {
        synchronized (this) {
            if (gen != generation) {
                return;
            }
        }
        try {
            String version = Migrations.migrate(ds);
            synchronized (this) {
                if (gen != generation) {
                    return;
                }
                schemaVersion = version;
                lastError = null;
                LOG.info("Database schema is at version {} ({})", version, kind());
                Dictionary<String, Object> props = new Hashtable<>();
                props.put("schema.version", version == null ? "0" : version);
                readyRegistration = context.registerService(SchemaReady.class, () -> version, props);
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                if (gen != generation) {
                    return;
                }
                lastError = "migration failed: " + rootMessage(e);
            }
            LOG.warn("Database migration failed, retrying in {} s: {}", RETRY_SECONDS, rootMessage(e));
            try {
                executor.schedule(() -> migrate(ds, gen), RETRY_SECONDS, TimeUnit.SECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                // deactivated meanwhile
            }
        }
    }

    private void unregisterReady() {
        if (readyRegistration != null) {
            try {
                readyRegistration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // bundle stopping
            }
            readyRegistration = null;
        }
    }

    private String kind() {
        Map<String, Object> p = dataSourceProps;
        Object k = p == null ? null : p.get("steadfast.kind");
        return k == null ? "database" : k.toString();
    }

    @Override
    public String component() {
        return "database";
    }

    @Override
    public boolean requiredForReadiness() {
        return true;
    }

    @Override
    public HealthStatus check() {
        DataSource ds;
        String version;
        String error;
        synchronized (this) {
            ds = dataSource;
            version = schemaVersion;
            error = lastError;
        }
        if (ds == null) {
            return HealthStatus.unhealthy("no data source: " + error);
        }
        if (version == null) {
            return HealthStatus.unhealthy(error == null ? "schema not migrated" : error);
        }
        JpaTemplate template = jpa;
        if (template == null) {
            return HealthStatus.unhealthy("persistence unit not ready");
        }
        Future<?> probe = executor.submit(() -> {
            try (Connection c = ds.getConnection()) {
                if (!c.isValid(2)) {
                    throw new IllegalStateException("connection is not valid");
                }
            }
            template.txExpr(TransactionType.Required,
                    em -> em.createQuery("SELECT COUNT(s) FROM AppSetting s").getSingleResult());
            return null;
        });
        try {
            probe.get(CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return HealthStatus.healthy(kind() + ", schema version " + version);
        } catch (TimeoutException e) {
            probe.cancel(true);
            return HealthStatus.unhealthy(kind() + " did not answer within " + CHECK_TIMEOUT_MS + " ms");
        } catch (ExecutionException e) {
            return HealthStatus.unhealthy(kind() + " unreachable: " + rootMessage(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthStatus.unhealthy("interrupted");
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return HealthStatus.unhealthy("stopping");
        }
    }

    static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        String m = r.getMessage();
        if (m == null) {
            m = r.getClass().getSimpleName();
        }
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }
}
