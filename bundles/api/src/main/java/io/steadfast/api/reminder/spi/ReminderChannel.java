package io.steadfast.api.reminder.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A type of notification channel (e-mail, a signed webhook, an ntfy topic, ...): implemented by a plugin bundle and
 * registered as an OSGi service, live, without a restart. A user adds channels of the types running now, each with
 * its own configuration (an address, a URL, a secret); the server queues every message for a channel in a persisted
 * outbox and hands it to {@link #deliver} on a delivery thread, retrying with back-off what asks to be retried.
 * While no service of a channel's type is registered its messages wait, and go out when the type returns.
 *
 * <p>A configuration is a JSON object read as a map of strings, numbers, booleans and lists of strings. The
 * {@link #configSchema() schema} describes it for forms and for masking: a {@link ConfigField#secret() secret} field
 * is never shown back to anyone. {@link #validate} checks it when a user saves it; {@link #deliver} gets the saved
 * one (validated with the type's rules of the time, so check again what safety depends on).
 *
 * @since 2.0
 */
@ConsumerType
public interface ReminderChannel {

    /** The service property a channel service may carry with its {@link #key()}, for filters. */
    String KEY = "steadfast.channel.type";

    /** A stable identifier of the type, lower case letters, digits and dashes, e.g. {@code "email"}. */
    String key();

    /** A short name for people, e.g. {@code "E-mail"}. */
    String name();

    /** What a configuration holds, in the order a form shows the fields. */
    List<ConfigField> configSchema();

    /**
     * Checks a user's configuration for a channel of this type. Called on a request thread: it may look up a host
     * name, never connect anywhere.
     *
     * @return the problems, each naming its field; empty when the configuration is valid
     */
    List<ConfigProblem> validate(Map<String, Object> config);

    /**
     * Completes a valid configuration before it is stored: fills what the server makes itself, e.g. a webhook's
     * signing secret. The answer to the user's save shows what this added once (secrets too); later reads mask the
     * secret fields. By default the configuration as it is.
     */
    default Map<String, Object> complete(Map<String, Object> config) {
        return config;
    }

    /**
     * The event types a channel with this configuration subscribes to (see {@link Message#type()}), or
     * {@code null} for the default: the messages meant for the person ({@link Message#REMINDER_DUE}, the alerts,
     * {@link Message#CHANNEL_TEST}). A webhook lets its owner choose; most channel types keep the default.
     */
    default Set<String> events(Map<String, Object> config) {
        return null;
    }

    /**
     * Delivers one message. Called on a delivery thread, never on a request thread; it may block on I/O for a few
     * seconds (at most about 10). It must not throw: report the outcome in the result. The same message (the same
     * {@link Message#id()}) may be handed over again after a node died during a delivery: pass the id on where the
     * receiver can de-duplicate.
     */
    Result deliver(Message message, Map<String, Object> config);

    /** The kind of value a configuration field holds. */
    enum FieldType {
        STRING,
        /** An absolute {@code http} or {@code https} URL. */
        URL,
        EMAIL,
        INTEGER,
        BOOLEAN,
        /** A list of strings (e.g. event types). */
        STRING_LIST
    }

    /**
     * One field of a configuration.
     *
     * @param name        the key in the configuration object
     * @param label       a short label for a form
     * @param type        what it holds
     * @param required    whether a configuration must have it
     * @param secret      whether it is a secret: stored, used, never shown again (answers show {@code "********"})
     * @param description one sentence for people, or {@code null}
     */
    record ConfigField(
            String name, String label, FieldType type, boolean required, boolean secret, String description) {
        public ConfigField {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * What is wrong with a configuration.
     *
     * @param field   the field's name (for a nested value, e.g. {@code events[2]})
     * @param message what to fix, for people
     */
    record ConfigProblem(String field, String message) {}

    /**
     * A message for one channel.
     *
     * @param id        the delivery's id: the same on every attempt
     * @param type      the event type, e.g. {@link #REMINDER_DUE}
     * @param userId    the channel's owner
     * @param channelId the channel
     * @param title     a short title (a subject line, a push notification's title)
     * @param body      plain text for people
     * @param link      a link into the web app, or {@code null}
     * @param unsubscribeLink a link that turns this channel off without signing in, or {@code null}
     * @param createdAt when the message was made (a reminder: when it was due)
     * @param data      the event's data as JSON-ready values (strings, numbers, booleans, lists, maps), for
     *                  machine receivers such as webhooks
     */
    record Message(
            UUID id,
            String type,
            UUID userId,
            UUID channelId,
            String title,
            String body,
            String link,
            String unsubscribeLink,
            Instant createdAt,
            Map<String, Object> data) {

        /** A habit's reminder is due. */
        public static final String REMINDER_DUE = "reminder.due";

        /** A partner's shared habit ended its due day missed (for partners who opted in). */
        public static final String PARTNER_MISSED = "alert.partner_missed";

        /** A habit with a running streak is not done yet today (for users who opted in). */
        public static final String STREAK_AT_RISK = "alert.streak_at_risk";

        /** The owner asked for a test message. */
        public static final String CHANNEL_TEST = "channel.test";

        /** A channel of the user's was turned off after days of failures (sent to their in-app channel). */
        public static final String CHANNEL_DISABLED = "channel.disabled";

        /**
         * Something the user should know about their account's security (wrong passwords tried from an address
         * paused its sign-ins).
         *
         * @since 2.1
         */
        public static final String SECURITY_ALERT = "account.security_alert";

        /** An in-app notification was written (an invitation, a cheer, a nudge, a referee's verdict). */
        public static final String NOTIFICATION = "notification.created";

        /** A check-in was set, changed or cleared (for integrations). */
        public static final String CHECKIN_CHANGED = "checkin.changed";

        /** An achievement was earned (for integrations). */
        public static final String ACHIEVEMENT_EARNED = "achievement.earned";

        /** A streak of at least two due days ended with a missed day (for integrations). */
        public static final String STREAK_BROKEN = "streak.broken";

        /** The day of the user ended (for integrations). */
        public static final String DAY_ENDED = "day.ended";

        /** The types a channel gets by default (see {@link ReminderChannel#events}). */
        public static final Set<String> FOR_PEOPLE =
                Set.of(REMINDER_DUE, PARTNER_MISSED, STREAK_AT_RISK, CHANNEL_TEST, CHANNEL_DISABLED, SECURITY_ALERT);

        /** Every type a channel can subscribe to. */
        public static final Set<String> ALL = Set.of(
                REMINDER_DUE,
                PARTNER_MISSED,
                STREAK_AT_RISK,
                CHANNEL_TEST,
                CHANNEL_DISABLED,
                SECURITY_ALERT,
                NOTIFICATION,
                CHECKIN_CHANGED,
                ACHIEVEMENT_EARNED,
                STREAK_BROKEN,
                DAY_ENDED);

        public Message {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(type, "type");
            data = data == null ? Map.of() : data;
        }
    }

    /** How a delivery went. */
    enum Outcome {
        /** It reached the channel (an SMTP server took it, a webhook answered 2xx). */
        DELIVERED,
        /** It did not, and may next time (a timeout, a 5xx, a refused connection): try again later. */
        RETRY,
        /** It never will as configured (a rejected address, a refused URL): give up and tell the user. */
        FAILED
    }

    /**
     * The result of a delivery.
     *
     * @param outcome    what happened
     * @param detail     a short explanation for the user's delivery log (no secrets)
     * @param retryAfter for {@link Outcome#RETRY}, how long the receiver asked to wait, or {@code null} for the
     *                   server's back-off
     */
    record Result(Outcome outcome, String detail, Duration retryAfter) {

        public Result {
            Objects.requireNonNull(outcome, "outcome");
        }

        public static Result delivered(String detail) {
            return new Result(Outcome.DELIVERED, detail, null);
        }

        public static Result retry(String detail) {
            return new Result(Outcome.RETRY, detail, null);
        }

        public static Result retry(String detail, Duration after) {
            return new Result(Outcome.RETRY, detail, after);
        }

        public static Result failed(String detail) {
            return new Result(Outcome.FAILED, detail, null);
        }
    }
}
