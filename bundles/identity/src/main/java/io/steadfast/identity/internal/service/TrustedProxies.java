package io.steadfast.identity.internal.service;

import java.util.Set;
import java.util.function.Predicate;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;

import io.steadfast.identity.internal.ClientAddress;
import io.steadfast.identity.internal.IdentityConfig;

/**
 * Whether a peer address is one of the configured trusted reverse proxies ({@code clientAddress.trustedProxies}),
 * for the Jetty edge, which sends {@code Strict-Transport-Security} when such a proxy says the request came over
 * TLS ({@code X-Forwarded-Proto: https}). A {@link Predicate} of the JDK with {@value #PROPERTY}={@value #VALUE},
 * so that the edge (a fragment of Pax Web's Jetty bundle) needs no Steadfast package.
 */
@Component(
        service = Predicate.class,
        property = TrustedProxies.PROPERTY + "=" + TrustedProxies.VALUE,
        configurationPid = IdentityConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class TrustedProxies implements Predicate<String> {

    public static final String PROPERTY = "steadfast.edge";
    public static final String VALUE = "trustedProxy";

    private volatile Set<String> trusted;

    @Activate
    public TrustedProxies(IdentityConfig config) {
        modified(config);
    }

    @Modified
    void modified(IdentityConfig config) {
        trusted = ClientAddress.parse(config.clientAddress_trustedProxies());
    }

    @Override
    public boolean test(String peer) {
        return peer != null && trusted.contains(peer);
    }
}
