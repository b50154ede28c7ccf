package io.steadfast.outbound.internal;

import java.io.IOException;
import java.time.Duration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.outbound.OutboundHttp;
import io.steadfast.outbound.OutboundSettings;
import io.steadfast.outbound.RefusedUrlException;
import io.steadfast.outbound.UrlCheck;

/**
 * The {@link OutboundHttp} service with the operator's settings. A changed configuration applies to the next
 * request, without restarting the plugins that use it.
 */
@Component(service = OutboundHttp.class, configurationPid = OutboundConfig.PID)
@Designate(ocd = OutboundConfig.class)
public class OutboundHttpService implements OutboundHttp {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundHttpService.class);

    private volatile GuardedHttp client;

    @Activate
    public OutboundHttpService(OutboundConfig config) {
        apply(config);
    }

    @Modified
    void modified(OutboundConfig config) {
        apply(config);
    }

    private void apply(OutboundConfig config) {
        OutboundSettings settings = settings(config);
        if (settings.allowPrivate()) {
            LOG.warn("Outbound HTTP: the address guard is off (allowPrivate): users' webhooks may call private and "
                    + "loopback addresses, this server's own services included");
        }
        client = new GuardedHttp(settings);
    }

    static OutboundSettings settings(OutboundConfig config) {
        return new OutboundSettings(
                config.allowPrivate(),
                Duration.ofMillis(positive(config.connectTimeoutMillis(), "connectTimeoutMillis")),
                Duration.ofMillis(positive(config.requestTimeoutMillis(), "requestTimeoutMillis")));
    }

    private static long positive(long millis, String name) {
        if (millis > 0) {
            return millis;
        }
        LOG.warn("Outbound HTTP: {} must be positive, not {}; using 10000", name, millis);
        return 10_000;
    }

    @Override
    public UrlCheck check(String url) {
        return client.check(url);
    }

    @Override
    public Response post(Request request) throws RefusedUrlException, IOException {
        return client.post(request);
    }
}
