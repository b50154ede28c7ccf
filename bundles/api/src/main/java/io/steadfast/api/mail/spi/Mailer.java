package io.steadfast.api.mail.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Sends e-mail for the server (password reset links today; notifications later). Implemented by an e-mail bundle
 * and registered as an OSGi service; the identity bundle tracks it dynamically: while none is registered, password
 * reset by e-mail answers that it is not configured.
 * <p>
 * {@link #send} is called on a request thread: hand the message to a queue and return at once (an answer must not
 * wait for, or reveal, a delivery). It must not throw for a failed delivery: report that in the operator's log.
 */
@ConsumerType
public interface Mailer {

    /** Queues one message for delivery. */
    void send(Mail mail);

    /**
     * A plain-text message.
     *
     * @param to      one address, as the account has it
     * @param subject a short subject line
     * @param text    the body, plain text
     */
    record Mail(String to, String subject, String text) {}
}
