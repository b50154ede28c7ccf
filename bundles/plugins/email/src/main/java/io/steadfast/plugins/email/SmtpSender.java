package io.steadfast.plugins.email;

import java.io.IOException;
import java.util.Properties;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

import io.steadfast.api.reminder.spi.ReminderChannel.Result;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends one message per SMTP connection through the configured server, with timeouts that keep a delivery within
 * about ten seconds. The transport is made directly (no provider look-up by protocol name), and all Jakarta Mail
 * work runs with {@link MailClassLoader} as the context class loader.
 */
final class SmtpSender {

    static final int TIMEOUT_MILLIS = 10_000;

    private final MailSettings settings;
    private final MailClassLoader loader = new MailClassLoader();
    private final Session session;

    SmtpSender(MailSettings settings) {
        this.settings = settings;
        this.session = loader.run(() -> Session.getInstance(properties(settings)));
    }

    MailSettings settings() {
        return settings;
    }

    /** A new, empty message of this sender's session, for a {@link Draft}. */
    MimeMessage newMessage(String messageId) {
        return new FixedIdMessage(session, messageId);
    }

    /**
     * Writes a message and sends it to its recipients; the exception says why not (see {@link #outcome}). The
     * writing runs inside {@link MailClassLoader} too: Jakarta Mail looks its providers up while a message is put
     * together (a subject that is not ASCII needs the {@code StreamProvider}), not only while it is sent.
     */
    void send(Draft draft) throws MessagingException {
        loader.<Void, MessagingException>run(() -> {
            MimeMessage message = draft.write();
            message.saveChanges();
            URLName url = new URLName("smtp", settings.host(), settings.port(), null, null, null);
            SMTPTransport transport = new SMTPTransport(session, url);
            try {
                transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
                transport.sendMessage(message, message.getAllRecipients());
            } finally {
                try {
                    transport.close();
                } catch (MessagingException ignored) {
                    // the message went, or the first exception says why not
                }
            }
            return null;
        });
    }

    /** Puts a message together (with {@link #newMessage}). */
    @FunctionalInterface
    interface Draft {
        MimeMessage write() throws MessagingException;
    }

    /**
     * What a failed send means for a delivery: a 5xx answer is a permanent rejection; a 4xx answer, a connection
     * that failed or timed out, and a refused login (the operator's to fix) may work later.
     */
    static Result outcome(MessagingException e) {
        int code = returnCode(e);
        String answer = serverAnswer(e);
        if (code >= 500 && code < 600) {
            return Result.failed("the mail server refused the message: " + answer);
        }
        if (code >= 400 && code < 500) {
            return Result.retry("the mail server deferred the message: " + answer);
        }
        if (e instanceof AuthenticationFailedException) {
            return Result.retry("the mail server refused this server's login; the operator has been told");
        }
        if (cause(e, IOException.class) != null) {
            return Result.retry("the mail server could not be reached ("
                    + cause(e, IOException.class).getClass().getSimpleName() + ")");
        }
        return Result.retry("sending failed: " + e.getMessage());
    }

    /** The SMTP reply code that made {@code e}, or 0 when it did not come from an SMTP answer. */
    static int returnCode(MessagingException e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
            if (x instanceof SMTPSendFailedException s) {
                return s.getReturnCode();
            }
            if (x instanceof SMTPSenderFailedException s) {
                return s.getReturnCode();
            }
        }
        return 0;
    }

    private static String serverAnswer(MessagingException e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof SMTPAddressFailedException
                    || x instanceof SMTPSendFailedException
                    || x instanceof SMTPSenderFailedException) {
                String m = x.getMessage() == null ? "" : x.getMessage().strip();
                return m.length() > 200 ? m.substring(0, 200) + "…" : m;
            }
        }
        return String.valueOf(e.getMessage());
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e;
                t != null;
                t = t instanceof MessagingException m && m.getNextException() != null
                        ? m.getNextException()
                        : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Properties properties(MailSettings s) {
        Properties p = new Properties();
        p.put("mail.smtp.host", s.host());
        p.put("mail.smtp.port", Integer.toString(s.port()));
        p.put("mail.smtp.auth", Boolean.toString(s.user() != null));
        p.put("mail.smtp.from", s.from().getAddress());
        p.put("mail.smtp.connectiontimeout", Integer.toString(TIMEOUT_MILLIS));
        p.put("mail.smtp.timeout", Integer.toString(TIMEOUT_MILLIS));
        p.put("mail.smtp.writetimeout", Integer.toString(TIMEOUT_MILLIS));
        if (s.implicitTls()) {
            p.put("mail.smtp.ssl.enable", "true");
        } else if (s.starttls()) {
            // required, not merely enabled: a login or a message never goes over a connection an attacker downgraded
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        if (s.ehloName() != null) {
            p.put("mail.smtp.localhost", s.ehloName());
        }
        return p;
    }

    /** A message that keeps the Message-ID it was given (Jakarta Mail makes a new one on every save). */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (messageId == null) {
                super.updateMessageID();
            } else {
                setHeader("Message-ID", messageId);
            }
        }
    }
}
