package io.steadfast.plugins.email;

import java.util.Objects;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * The SMTP settings, checked.
 *
 * @param host     the SMTP server
 * @param port     its port; 465 is TLS from the start, any other port STARTTLS when {@code starttls}
 * @param user     the login, or {@code null} for none
 * @param password the password, or {@code null}
 * @param from     the sender (its display name included)
 * @param starttls whether STARTTLS is required before anything else is sent
 * @param ehloName the name given in EHLO, or {@code null} for the machine's
 */
record MailSettings(
        String host, int port, String user, String password, InternetAddress from, boolean starttls, String ehloName) {

    static final int IMPLICIT_TLS_PORT = 465;

    MailSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(from, "from");
    }

    /** Whether TLS starts with the connection (SMTPS) rather than with STARTTLS. */
    boolean implicitTls() {
        return port == IMPLICIT_TLS_PORT;
    }

    /**
     * The settings from a configuration, or {@code null} when no host is configured (e-mail is off).
     *
     * @throws IllegalArgumentException for the operator's log, when a host is configured but the rest is not usable
     */
    static MailSettings from(MailConfig c) {
        String host = value(c.host());
        if (host == null) {
            return null;
        }
        if (c.port() < 1 || c.port() > 65535) {
            throw new IllegalArgumentException(
                    "the SMTP port must be 1 to 65535 (STEADFAST_SMTP_PORT), not " + c.port());
        }
        String fromText = value(c.from());
        if (fromText == null) {
            throw new IllegalArgumentException(
                    "a sender is required: set STEADFAST_SMTP_FROM, e.g. \"Steadfast <habits@example.org>\"");
        }
        InternetAddress from;
        try {
            from = new InternetAddress(fromText, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException(
                    "the sender (STEADFAST_SMTP_FROM) is not an e-mail address: " + fromText);
        }
        String user = value(c.user());
        String password = value(c.password());
        if (user == null && password != null) {
            throw new IllegalArgumentException("an SMTP password without a user (set STEADFAST_SMTP_USER)");
        }
        return new MailSettings(host, c.port(), user, password, from, c.starttls(), value(c.ehloName()));
    }

    /** For the log: where mail goes, never the password. */
    String describe() {
        String tls = implicitTls() ? "TLS" : starttls ? "STARTTLS" : "no TLS";
        return host + ":" + port + " (" + tls + (user != null ? ", login " + user : "") + "), from "
                + from.getAddress();
    }

    /**
     * A configured value, or {@code null} when empty — or still the placeholder, which happens when the
     * configuration's {@code $[env:...]} was not interpolated.
     */
    private static String value(String v) {
        if (v == null || v.isBlank() || v.strip().startsWith("$[")) {
            return null;
        }
        return v.strip();
    }
}
