package io.steadfast.api.reminder.spi;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A way to deliver a reminder to a person. Implemented by plugins and registered as an OSGi service.
 * <p>
 * {@link #deliver} is called from a delivery thread, never from an HTTP request; it may block on I/O for a few
 * seconds. A delivery that fails with {@link Delivery#retry()} is retried later with back-off.
 */
@ConsumerType
public interface ReminderChannel {

    /** A stable identifier, e.g. {@code "email"}. Unique in the system. */
    String key();

    /** A short name for people, e.g. {@code "E-mail"}. */
    String name();

    /**
     * Checks a user's settings for this channel (an address, a webhook URL, ...).
     *
     * @return a message for people when the settings are invalid, or {@code null} when they are valid
     */
    String validateSettings(Map<String, String> settings);

    /** Delivers one reminder. Must not throw: report failure in the result. */
    Delivery deliver(Reminder reminder, Map<String, String> settings);

    /**
     * A reminder to deliver.
     *
     * @param id      unique per reminder; the same id on a retry
     * @param userId  who gets it
     * @param title   a short title
     * @param body    the text
     * @param link    a link into the web app, or {@code null}
     * @param dueAt   when it was due
     */
    record Reminder(UUID id, UUID userId, String title, String body, String link, Instant dueAt) {}

    /**
     * The result of a delivery.
     *
     * @param delivered whether it reached the channel
     * @param retry     whether a failed delivery should be tried again
     * @param message   a short explanation for the operator's log
     */
    record Delivery(boolean delivered, boolean retry, String message) {

        public static Delivery ok() {
            return new Delivery(true, false, "delivered");
        }

        public static Delivery failed(String message, boolean retry) {
            return new Delivery(false, retry, message);
        }
    }
}
