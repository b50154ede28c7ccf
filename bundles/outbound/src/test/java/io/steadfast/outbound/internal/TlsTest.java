package io.steadfast.outbound.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.steadfast.outbound.OutboundHttp.Request;
import io.steadfast.outbound.OutboundHttp.Response;
import io.steadfast.outbound.OutboundSettings;

/**
 * TLS layered on the checked socket: SNI, certificate and host name checks, against a loopback TLS server whose
 * certificate (for localhost and 127.0.0.1) keytool makes for the test.
 */
class TlsTest {

    private static final OutboundSettings OPEN =
            new OutboundSettings(true, Duration.ofSeconds(5), Duration.ofSeconds(5));
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;

    private static KeyStore keyStore;

    private SSLServerSocket server;
    private Thread acceptor;
    private final ConcurrentLinkedQueue<List<SNIServerName>> sni = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void certificate() throws Exception {
        Path file = dir.resolve("server.p12");
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "server",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=dns:localhost,ip:127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        file.toString(),
                        "-storepass",
                        "changeit",
                        "-keypass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            keyStore.load(in, PASSWORD);
        }
    }

    @BeforeEach
    void start() throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, PASSWORD);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        server = (SSLServerSocket)
                ctx.getServerSocketFactory().createServerSocket(0, 5, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::serve);
        acceptor.start();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (SSLSocket s = (SSLSocket) server.accept()) {
                s.setSoTimeout(5000);
                try {
                    s.startHandshake();
                } catch (IOException refusedByClient) {
                    continue;
                }
                sni.add(((ExtendedSSLSession) s.getSession()).getRequestedServerNames());
                InputStream in = s.getInputStream();
                StringBuilder head = new StringBuilder();
                while (!head.toString().endsWith("\r\n\r\n")) {
                    int c = in.read();
                    if (c < 0) {
                        break;
                    }
                    head.append((char) c);
                }
                s.getOutputStream()
                        .write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException closed) {
                // the server socket closed, or a client went away
            }
        }
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        acceptor.join(5000);
    }

    private static SSLSocketFactory trusting() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", keyStore.getCertificate("server"));
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx.getSocketFactory();
    }

    private static Resolver loopback() {
        return host -> List.of(InetAddress.getByName("127.0.0.1"));
    }

    private URI url(String host) {
        return URI.create("https://" + host + ":" + server.getLocalPort() + "/hook");
    }

    @Test
    void speaksTlsWithTheHostNameForSni() throws Exception {
        Response response =
                new GuardedHttp(OPEN, loopback(), trusting()).post(new Request(url("localhost"), Map.of(), null));
        assertThat(response.status()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("ok");
        assertThat(sni.remove()).containsExactly(new SNIHostName("localhost"));
    }

    @Test
    void checksAnIpLiteralAgainstTheCertificateWithoutSni() throws Exception {
        Response response =
                new GuardedHttp(OPEN, loopback(), trusting()).post(new Request(url("127.0.0.1"), Map.of(), null));
        assertThat(response.status()).isEqualTo(200);
        assertThat(sni.remove()).isEmpty();
    }

    @Test
    void refusesACertificateForAnotherHost() throws Exception {
        GuardedHttp http = new GuardedHttp(OPEN, loopback(), trusting());
        assertThatThrownBy(() -> http.post(new Request(url("hooks.test"), Map.of(), null)))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void refusesACertificateNobodyVouchesFor() {
        GuardedHttp http = new GuardedHttp(OPEN, loopback(), (SSLSocketFactory) SSLSocketFactory.getDefault());
        assertThatThrownBy(() -> http.post(new Request(url("localhost"), Map.of(), null)))
                .isInstanceOf(SSLHandshakeException.class);
    }
}
