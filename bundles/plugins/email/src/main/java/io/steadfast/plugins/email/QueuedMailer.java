package io.steadfast.plugins.email;

import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.api.mail.spi.Mailer;
import io.steadfast.api.reminder.spi.ReminderChannel.Result;
import jakarta.mail.MessagingException;

/**
 * The server's {@link Mailer}: {@link #send} is called on a request thread, so it queues the mail for one sending
 * thread and returns at once; the answer to the request neither waits for nor reveals the delivery. A failure is
 * logged for the operator, with the address masked.
 */
final class QueuedMailer implements Mailer, AutoCloseable {

    static final int QUEUE = 100;

    private static final Logger LOG = LoggerFactory.getLogger(QueuedMailer.class);

    private final SmtpSender sender;
    private final MailComposer composer;
    private final Clock clock;
    private final ThreadPoolExecutor executor;

    QueuedMailer(SmtpSender sender, Clock clock) {
        this.sender = sender;
        this.composer = new MailComposer(sender);
        this.clock = clock;
        // one thread: server mail is rare, and one SMTP connection at a time is polite to the server
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "steadfast-mail");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void send(Mail mail) {
        if (mail == null || mail.to() == null || mail.to().isBlank()) {
            LOG.warn("E-mail: a mail without a recipient was not sent");
            return;
        }
        try {
            executor.execute(() -> deliver(mail));
        } catch (RejectedExecutionException e) {
            LOG.warn("E-mail: the queue is full (or closing); a mail to {} was dropped", Addresses.mask(mail.to()));
        }
    }

    private void deliver(Mail mail) {
        try {
            sender.send(() -> composer.plain(mail, clock.instant()));
            LOG.debug("E-mail: a mail to {} was accepted", Addresses.mask(mail.to()));
        } catch (MessagingException e) {
            Result r = SmtpSender.outcome(e);
            LOG.warn(
                    "E-mail: a mail to {} was not sent: {}",
                    Addresses.mask(mail.to()),
                    Addresses.scrub(r.detail(), mail.to()));
        } catch (RuntimeException e) {
            LOG.warn("E-mail: a mail to {} was not sent: {}", Addresses.mask(mail.to()), e.toString());
        }
    }

    /** Lets queued mail go out for a few seconds, then stops. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                int dropped = executor.shutdownNow().size();
                LOG.warn("E-mail: stopped with {} mail(s) unsent", dropped);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
