package io.steadfast.media.s3.internal;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.api.health.HealthIndicator;
import io.steadfast.api.media.MediaStore;
import io.steadfast.api.ops.Check;

/**
 * When a bucket is configured ({@code STEADFAST_MEDIA_S3_BUCKET}, through {@code etc/io.steadfast.media.s3.cfg}),
 * registers the S3 {@link MediaStore} ({@code steadfast.media.store=s3}, ranking 100: it replaces the file system
 * store), its {@code media} health and its {@code media} doctor check. Without a bucket (or without the
 * configuration) it registers nothing, sends nothing and starts no thread: the bundle is harmless in every
 * distribution. Activation makes no request: {@code /health} and {@code steadfast:doctor} tell whether the bucket
 * answers. A changed configuration replaces the client.
 */
@Component(immediate = true, configurationPid = S3Config.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = S3Config.class)
public class S3Connector {

    static final int RANKING = 100;
    private static final Logger LOG = LoggerFactory.getLogger(S3Connector.class);

    private final BundleContext context;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private S3Connection connection;

    @Activate
    public S3Connector(BundleContext context, S3Config config) {
        this.context = context;
        start(config);
    }

    @Modified
    synchronized void modified(S3Config config) {
        stop();
        start(config);
    }

    @Deactivate
    synchronized void deactivate() {
        stop();
    }

    private synchronized void start(S3Config config) {
        S3Settings settings;
        try {
            settings = S3Settings.resolve(config);
        } catch (IllegalArgumentException e) {
            LOG.error("Media on S3 is configured but unusable: {}; photos and files answer 503", e.getMessage());
            UnusableStore unusable = new UnusableStore(e.getMessage());
            register(MediaStore.class, unusable);
            register(HealthIndicator.class, unusable.health());
            register(Check.class, unusable.check());
            return;
        }
        if (settings == null) {
            LOG.debug("Media on S3 not configured (no bucket); the file system store serves");
            return;
        }
        try {
            connection = S3Connection.open(settings);
        } catch (RuntimeException e) {
            String reason = S3Failures.reason(e);
            LOG.error("Media on S3: the client could not be made: {}; photos and files answer 503", reason);
            UnusableStore unusable = new UnusableStore(reason);
            register(MediaStore.class, unusable);
            register(HealthIndicator.class, unusable.health());
            register(Check.class, unusable.check());
            return;
        }
        S3MediaStore store = new S3MediaStore(connection);
        register(MediaStore.class, store);
        register(HealthIndicator.class, new S3Health(store, settings));
        register(Check.class, new S3Check(store, settings));
        LOG.info("Media: {}", settings.describe());
    }

    private <T> void register(Class<T> type, T service) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(Constants.SERVICE_RANKING, RANKING);
        props.put(MediaStore.KIND, S3MediaStore.KIND);
        registrations.add(context.registerService(type, service, props));
    }

    private void stop() {
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
        }
        registrations.clear();
        if (connection != null) {
            try {
                connection.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing the S3 client: {}", S3Failures.reason(e));
            }
            connection = null;
        }
    }
}
