package io.steadfast.plugins.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import javax.net.ssl.SSLSocketFactory;

import io.steadfast.api.ops.Check;

/**
 * {@code smtp} for {@code steadfast:doctor}: whether the configured SMTP server answers (a connection, over TLS on
 * port 465, and its {@code 220} greeting; nothing is sent, no login is tried), and in how long; or that e-mail is off,
 * or why its settings are unusable. Registered by {@link MailService} with each configuration.
 */
final class SmtpCheck implements Check {

    static final int TIMEOUT_MILLIS = 3000;

    private final MailSettings settings;
    private final String unusable;

    /** @param settings the settings in use, or {@code null}; @param unusable why the configured ones are not usable */
    SmtpCheck(MailSettings settings, String unusable) {
        this.settings = settings;
        this.unusable = unusable;
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public Finding run() {
        if (unusable != null) {
            return Finding.problem(
                    "e-mail is off: " + unusable,
                    "correct the STEADFAST_SMTP_* variables or etc/" + MailConfig.PID + ".cfg (a changed file "
                            + "applies at once)");
        }
        if (settings == null) {
            return Finding.off(
                    "no SMTP server is configured: no e-mail channel, and password reset links are given by an "
                            + "administrator (steadfast:user-reset-password)",
                    "to send e-mail set STEADFAST_SMTP_HOST and STEADFAST_SMTP_FROM (and _PORT, _USER, _PASSWORD, "
                            + "_STARTTLS as needed)");
        }
        String where = settings.host() + ":" + settings.port();
        long started = System.nanoTime();
        try (Socket socket = connect()) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            String greeting = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            long ms = (System.nanoTime() - started) / 1_000_000;
            if (greeting == null || !greeting.startsWith("220")) {
                return Finding.problem(
                        where + " answered in " + ms + " ms, but not as an SMTP server: "
                                + (greeting == null ? "it closed the connection" : cut(greeting)),
                        "check the host and port (587 with STARTTLS, 465 with TLS, 25 without) and that the "
                                + "server accepts this machine");
            }
            return Finding.ok(where + " (" + settings.describe() + ") greeted in " + ms + " ms: " + cut(greeting));
        } catch (IOException | RuntimeException e) {
            long ms = (System.nanoTime() - started) / 1_000_000;
            return Finding.problem(
                    where + " is unreachable after " + ms + " ms: " + e.getMessage(),
                    "is the SMTP server up and reachable from this machine (host name, port, a firewall that "
                            + "blocks outgoing SMTP)? Messages wait and are retried meanwhile");
        }
    }

    private Socket connect() throws IOException {
        InetSocketAddress address = new InetSocketAddress(settings.host(), settings.port());
        if (settings.implicitTls()) {
            Socket plain = new Socket();
            plain.connect(address, TIMEOUT_MILLIS);
            plain.setSoTimeout(TIMEOUT_MILLIS);
            return ((SSLSocketFactory) SSLSocketFactory.getDefault())
                    .createSocket(plain, settings.host(), settings.port(), true);
        }
        Socket s = new Socket();
        s.connect(address, TIMEOUT_MILLIS);
        return s;
    }

    private static String cut(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
