package io.steadfast.outbound.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import io.steadfast.outbound.AddressRules;
import io.steadfast.outbound.OutboundHttp;
import io.steadfast.outbound.OutboundSettings;
import io.steadfast.outbound.RefusedUrlException;
import io.steadfast.outbound.UrlCheck;

/**
 * The guarded client: resolves the host, checks every address it resolved to, and opens a socket to one of exactly
 * those {@link InetAddress} objects — never to the name, which a second look-up could answer differently. TLS is
 * layered on that socket with the URL's host for SNI and certificate checks. One HTTP/1.1 request per connection,
 * no redirects, no proxies.
 */
public final class GuardedHttp implements OutboundHttp {

    static final String PUBLIC_ONLY = "only public internet addresses may be called";

    private final OutboundSettings settings;
    private final Resolver resolver;
    private final SSLSocketFactory tls;

    public GuardedHttp(OutboundSettings settings) {
        this(settings, Resolver.SYSTEM, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    GuardedHttp(OutboundSettings settings, Resolver resolver, SSLSocketFactory tls) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.tls = Objects.requireNonNull(tls, "tls");
    }

    OutboundSettings settings() {
        return settings;
    }

    @Override
    public UrlCheck check(String url) {
        URI uri;
        try {
            uri = UrlSyntax.parse(url);
        } catch (IllegalArgumentException e) {
            return UrlCheck.refused(null, e.getMessage());
        }
        String syntax = UrlSyntax.problem(uri);
        if (syntax != null) {
            return UrlCheck.refused(uri, syntax);
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(UrlSyntax.host(uri));
        } catch (UnknownHostException e) {
            return UrlCheck.refused(uri, "names a host that was not found (" + UrlSyntax.host(uri) + ")");
        }
        Optional<String> refused = refusal(uri, addresses);
        return refused.isPresent() ? UrlCheck.refused(uri, refused.get()) : UrlCheck.accepted(uri, addresses);
    }

    @Override
    public Response post(Request request) throws RefusedUrlException, IOException {
        URI uri = request.url();
        String syntax = UrlSyntax.problem(uri);
        if (syntax != null) {
            throw new RefusedUrlException("The URL " + syntax);
        }
        // elapsed time on the monotonic timer, not the platform Clock: a simulated or shifted server time must not
        // stretch or cut a network timeout
        long deadline = System.nanoTime() + settings.requestTimeout().toNanos();
        List<InetAddress> addresses = resolver.resolve(UrlSyntax.host(uri));
        Optional<String> refused = refusal(uri, addresses);
        if (refused.isPresent()) {
            throw new RefusedUrlException("The URL's host " + refused.get());
        }
        try (Socket socket = connect(uri, addresses, deadline)) {
            return Http1.exchange(socket, uri, request, deadline);
        }
    }

    /** Why the addresses may not be called (a host that has one refused address is refused), or empty. */
    private Optional<String> refusal(URI uri, List<InetAddress> addresses) {
        if (settings.allowPrivate()) {
            return Optional.empty();
        }
        for (InetAddress a : addresses) {
            Optional<String> kind = AddressRules.refusal(a);
            if (kind.isPresent()) {
                String where = UrlSyntax.isIpLiteral(uri) ? "is " : "resolves to ";
                return Optional.of(where + kind.get() + " (" + a.getHostAddress() + "); " + PUBLIC_ONLY);
            }
        }
        return Optional.empty();
    }

    private Socket connect(URI uri, List<InetAddress> addresses, long deadline) throws IOException {
        int port = UrlSyntax.port(uri);
        IOException last = null;
        for (InetAddress address : addresses) {
            int timeout = (int) Math.min(settings.connectTimeout().toMillis(), Http1.remainingMillis(deadline));
            Socket socket = new Socket(Proxy.NO_PROXY);
            try {
                socket.connect(new InetSocketAddress(address, port), timeout);
                return UrlSyntax.isHttps(uri) ? tls(socket, uri, port, deadline) : socket;
            } catch (ConnectException | SocketTimeoutException e) {
                socket.close();
                last = e;
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e;
            }
        }
        throw last != null ? last : new ConnectException("no address to connect to");
    }

    private SSLSocket tls(Socket plain, URI uri, int port, long deadline) throws IOException {
        String host = UrlSyntax.host(uri);
        SSLSocket socket = (SSLSocket) tls.createSocket(plain, host, port, true);
        SSLParameters params = socket.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        if (!UrlSyntax.isIpLiteral(uri)) {
            params.setServerNames(List.of(new SNIHostName(host)));
        }
        socket.setSSLParameters(params);
        socket.setSoTimeout(Http1.remainingMillis(deadline));
        socket.startHandshake();
        return socket;
    }
}
