package io.steadfast.storage.internal.db;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.api.health.HealthIndicator;
import io.steadfast.api.health.HealthStatus;
import io.steadfast.api.ops.Check;
import io.steadfast.storage.SchemaReady;
import io.steadfast.storage.Schemas;

/**
 * The migration runner, an extender: it tracks the started bundles that declare a schema
 * ({@link Schemas#HEADER}), applies each one's migrations to the Steadfast DataSource as pax-jdbc registers and
 * re-registers it (after the schemas it requires, retrying while the database is unreachable), and registers a
 * {@link SchemaReady} per migrated schema. Reports the database in {@code /health}, and in more words (latency,
 * what to do) to the operator's {@code steadfast:doctor}.
 */
@Component(
        immediate = true,
        service = {HealthIndicator.class, Check.class})
public class DatabaseService implements HealthIndicator, Check {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseService.class);
    private static final long RETRY_SECONDS = 5;
    private static final long CHECK_TIMEOUT_MS = 2500;

    /** A schema some started bundle declares, and where it stands. */
    private static final class Declared {
        final Bundle bundle;
        final SchemaDeclaration schema;
        String version;
        String error;
        ServiceRegistration<SchemaReady> ready;

        Declared(Bundle bundle, SchemaDeclaration schema) {
            this.bundle = bundle;
            this.schema = schema;
        }
    }

    private final BundleContext context;
    private final ScheduledExecutorService executor;
    private Thread migrating;
    private final Map<String, Declared> schemas = new LinkedHashMap<>();
    private final BundleTracker<Declared> tracker;

    private DataSource dataSource;
    private Map<String, Object> dataSourceProps;
    private long generation;
    private String lastError = "waiting for the data source";
    private boolean retryScheduled;

    @Activate
    public DatabaseService(BundleContext context) {
        this.context = context;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "steadfast-database");
            t.setDaemon(true);
            return t;
        });
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, new Customizer());
        tracker.open();
    }

    private final class Customizer implements BundleTrackerCustomizer<Declared> {
        @Override
        public Declared addingBundle(Bundle bundle, BundleEvent event) {
            String header = bundle.getHeaders("").get(Schemas.HEADER);
            if (header == null) {
                return null;
            }
            SchemaDeclaration schema;
            try {
                schema = SchemaDeclaration.parse(header);
            } catch (IllegalArgumentException e) {
                LOG.error("Bundle {} declares no usable schema: {}", bundle.getSymbolicName(), e.getMessage());
                return null;
            }
            Declared d = new Declared(bundle, schema);
            synchronized (DatabaseService.this) {
                Declared other = schemas.get(schema.name());
                if (other != null) {
                    LOG.error(
                            "Schema {} of bundle {} is already declared by {}",
                            schema.name(),
                            bundle.getSymbolicName(),
                            other.bundle.getSymbolicName());
                    return null;
                }
                schemas.put(schema.name(), d);
                schedule(generation);
            }
            return d;
        }

        @Override
        public void modifiedBundle(Bundle bundle, BundleEvent event, Declared d) {
            // STARTING to ACTIVE: nothing changes
        }

        @Override
        public void removedBundle(Bundle bundle, BundleEvent event, Declared d) {
            synchronized (DatabaseService.this) {
                unregister(d);
                schemas.remove(d.schema.name(), d);
            }
        }
    }

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY,
            target = "(osgi.jndi.service.name=steadfast)")
    synchronized void bindDataSource(DataSource ds, Map<String, Object> props) {
        abandonMigration();
        unregisterAll();
        this.dataSource = ds;
        this.dataSourceProps = props;
        this.lastError = "migrating";
        schedule(++generation);
    }

    synchronized void unbindDataSource(DataSource ds) {
        if (this.dataSource == ds) {
            abandonMigration();
            unregisterAll();
            this.dataSource = null;
            this.lastError = "no data source";
            generation++;
        }
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        synchronized (this) {
            generation++;
            unregisterAll();
        }
        executor.shutdownNow();
    }

    private void schedule(long gen) {
        try {
            executor.execute(() -> migratePending(gen));
        } catch (RejectedExecutionException stopped) {
            // deactivated meanwhile
        }
    }

    /**
     * Stops a migration that runs on a data source which is going away (pax-jdbc replaces the data source when the
     * transaction manager comes back during startup): waiting for a connection of a closed pool would hold the
     * database thread, and so the migration on the new data source, for the pool's 30 s timeout.
     */
    private synchronized void abandonMigration() {
        if (migrating != null) {
            migrating.interrupt();
        }
    }

    /** Migrates every declared schema that is not yet migrated and whose requirements are, in order. */
    private void migratePending(long gen) {
        Thread.interrupted(); // an interrupt meant for an abandoned migration
        try {
            migrateOn(gen);
        } finally {
            synchronized (this) {
                migrating = null;
            }
            Thread.interrupted();
        }
    }

    private void migrateOn(long gen) {
        while (true) {
            Declared next;
            DataSource ds;
            synchronized (this) {
                if (gen != generation || dataSource == null) {
                    return;
                }
                ds = dataSource;
                migrating = Thread.currentThread();
                next = schemas.values().stream()
                        .filter(d -> d.version == null && requirementsMet(d))
                        .findFirst()
                        .orElse(null);
                if (next == null) {
                    lastError = null;
                    return;
                }
            }
            ClassLoader loader = next.bundle.adapt(BundleWiring.class) == null
                    ? null
                    : next.bundle.adapt(BundleWiring.class).getClassLoader();
            try {
                if (loader == null) {
                    throw new IllegalStateException("bundle " + next.bundle.getSymbolicName() + " is not resolved");
                }
                String version = Migrations.migrate(ds, next.schema, loader);
                synchronized (this) {
                    if (gen != generation || schemas.get(next.schema.name()) != next) {
                        return;
                    }
                    next.version = version == null ? "0" : version;
                    next.error = null;
                    LOG.info("Schema {} is at version {} ({})", next.schema.name(), next.version, kind());
                    register(next);
                }
            } catch (RuntimeException e) {
                synchronized (this) {
                    if (gen != generation) {
                        return;
                    }
                    next.error = "migration failed: " + rootMessage(e);
                    lastError = next.schema.name() + " " + next.error;
                    if (!retryScheduled) {
                        retryScheduled = true;
                        try {
                            executor.schedule(
                                    () -> {
                                        synchronized (this) {
                                            retryScheduled = false;
                                        }
                                        migratePending(gen);
                                    },
                                    RETRY_SECONDS,
                                    TimeUnit.SECONDS);
                        } catch (RejectedExecutionException stopped) {
                            // deactivated meanwhile
                        }
                    }
                }
                LOG.warn(
                        "Migration of schema {} failed, retrying in {} s: {}",
                        next.schema.name(),
                        RETRY_SECONDS,
                        rootMessage(e));
                return;
            }
        }
    }

    private boolean requirementsMet(Declared d) {
        for (String r : d.schema.requires()) {
            Declared req = schemas.get(r);
            if (req == null || req.version == null) {
                return false;
            }
        }
        return true;
    }

    private void register(Declared d) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(Schemas.PROPERTY, d.schema.name());
        props.put("schema.version", d.version);
        String name = d.schema.name();
        String version = d.version;
        d.ready = context.registerService(
                SchemaReady.class,
                new SchemaReady() {
                    @Override
                    public String schema() {
                        return name;
                    }

                    @Override
                    public String version() {
                        return version;
                    }
                },
                props);
    }

    private void unregisterAll() {
        for (Declared d : schemas.values()) {
            unregister(d);
        }
    }

    private void unregister(Declared d) {
        d.version = null;
        d.error = null;
        if (d.ready != null) {
            try {
                d.ready.unregister();
            } catch (IllegalStateException alreadyGone) {
                // bundle stopping
            }
            d.ready = null;
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

    /** The applied version of each declared schema, null where not migrated (for health and tests). */
    synchronized Map<String, String> versions() {
        Map<String, String> v = new TreeMap<>();
        schemas.forEach((k, d) -> v.put(k, d.version));
        return v;
    }

    @Override
    public HealthStatus check() {
        DataSource ds;
        String error;
        List<String> waiting = new ArrayList<>();
        Map<String, String> versions = new HashMap<>();
        synchronized (this) {
            ds = dataSource;
            error = lastError;
            for (Declared d : schemas.values()) {
                if (d.version == null) {
                    waiting.add(d.schema.name()
                            + (d.error != null
                                    ? " (" + d.error + ")"
                                    : requirementsMet(d)
                                            ? ""
                                            : " (needs " + String.join(", ", d.schema.requires()) + ")"));
                } else {
                    versions.put(d.schema.name(), d.version);
                }
            }
        }
        if (ds == null) {
            return HealthStatus.unhealthy("no data source: " + error);
        }
        if (!waiting.isEmpty()) {
            return HealthStatus.unhealthy("schemas not migrated: " + String.join(", ", waiting));
        }
        Future<?> probe = executor.submit(() -> {
            try (Connection c = ds.getConnection()) {
                if (!c.isValid(2)) {
                    throw new IllegalStateException("connection is not valid");
                }
            }
            return null;
        });
        try {
            probe.get(CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            StringBuilder s = new StringBuilder(kind()).append(", schemas");
            new TreeMap<>(versions)
                    .forEach((k, v) ->
                            s.append(' ').append(k).append(' ').append(v).append(','));
            if (s.charAt(s.length() - 1) == ',') {
                s.setLength(s.length() - 1);
            } else {
                s.append(" none yet");
            }
            return HealthStatus.healthy(s.toString());
        } catch (TimeoutException e) {
            probe.cancel(true);
            return HealthStatus.unhealthy(kind() + " did not answer within " + CHECK_TIMEOUT_MS + " ms");
        } catch (ExecutionException e) {
            return HealthStatus.unhealthy(kind() + " unreachable: " + rootMessage(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthStatus.unhealthy("interrupted");
        } catch (RejectedExecutionException e) {
            return HealthStatus.unhealthy("stopping");
        }
    }

    /** A round trip slower than this is worth a warning. */
    static final long SLOW_MS = 200;

    /** {@code database} for {@code steadfast:doctor}. */
    @Override
    public String name() {
        return "database";
    }

    @Override
    public Finding run() {
        DataSource ds;
        String error;
        List<String> waiting = new ArrayList<>();
        Map<String, String> versions = new TreeMap<>();
        synchronized (this) {
            ds = dataSource;
            error = lastError;
            for (Declared d : schemas.values()) {
                if (d.version == null) {
                    waiting.add(d.schema.name() + (d.error != null ? " (" + d.error + ")" : ""));
                } else {
                    versions.put(d.schema.name(), d.version);
                }
            }
        }
        if (ds == null) {
            return Finding.problem(
                    "no data source: " + error,
                    "check STEADFAST_DB_URL (and _USER, _PASSWORD) or etc/org.ops4j.datasource-steadfast.cfg; for "
                            + "PostgreSQL the steadfast-postgresql feature must be installed (feature:list -i); "
                            + "log:display shows why pax-jdbc made no data source");
        }
        StringBuilder migrated = new StringBuilder();
        versions.forEach((k, v) -> migrated.append(migrated.length() == 0 ? "" : ", ")
                .append(k)
                .append(' ')
                .append(v));
        if (!waiting.isEmpty()) {
            return Finding.problem(
                    "schemas not migrated yet: " + String.join(", ", waiting)
                            + (migrated.length() == 0 ? "" : "; migrated: " + migrated),
                    "right after a start this passes within seconds; otherwise log:display | grep -i migration "
                            + "shows why (a failed migration is retried every " + RETRY_SECONDS + " s). Never edit "
                            + "an applied migration: restore the database from a backup if one was changed by hand");
        }
        long started = System.nanoTime();
        Future<?> probe;
        try {
            probe = executor.submit(() -> {
                try (Connection c = ds.getConnection()) {
                    if (!c.isValid(2)) {
                        throw new IllegalStateException("connection is not valid");
                    }
                }
                return null;
            });
        } catch (RejectedExecutionException e) {
            return Finding.problem(
                    "the storage bundle is stopping", "start it again: bundle:start io.steadfast.storage");
        }
        String unreachable = null;
        try {
            probe.get(CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            probe.cancel(true);
            unreachable = "did not answer within " + CHECK_TIMEOUT_MS + " ms";
        } catch (ExecutionException e) {
            unreachable = "is unreachable: " + rootMessage(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Finding.problem("interrupted while checking", "run steadfast:doctor again");
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (unreachable != null) {
            return Finding.problem(
                    kind() + " " + unreachable,
                    "is the database server running and reachable from this machine (host, port, firewall)? "
                            + "Are the user and password right? Requests answer 503 until it is back; the node "
                            + "recovers by itself");
        }
        String detail = kind() + " answered in " + ms + " ms; " + versions.size() + " schema(s) migrated ("
                + (migrated.length() == 0 ? "none declared yet" : migrated) + "), none waiting";
        if (ms > SLOW_MS) {
            return Finding.warning(
                    detail,
                    "a round trip over " + SLOW_MS + " ms slows every request: is the database far away or "
                            + "overloaded (its CPU, connections, locks)?");
        }
        return Finding.ok(detail);
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
