package io.steadfast.delivery.internal.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.api.auth.Secrets;
import io.steadfast.api.link.PublicUrl;
import io.steadfast.api.reminder.spi.ReminderChannel;
import io.steadfast.api.reminder.spi.ReminderChannel.Message;
import io.steadfast.api.reminder.spi.ReminderChannel.Result;
import io.steadfast.api.work.PollingWorker;
import io.steadfast.delivery.internal.domain.Delivery;
import io.steadfast.delivery.internal.domain.UserChannel;
import io.steadfast.delivery.internal.store.ChannelStore;
import io.steadfast.delivery.internal.store.DeliveryStore;

/**
 * Sends the outbox: on every node, threads that claim due deliveries (a lease with a claim token; of two nodes, one
 * claims each row), hand each to its channel's type and record the outcome under the token. The lease is longer than
 * any delivery may take, so while nodes live a message goes out once; a node that dies during a delivery leaves it to
 * another after the lease, which sends it again with the same id (receivers de-duplicate on it). A retry waits with
 * exponential back-off and jitter (or the receiver's Retry-After); after {@code maxAttempts} the delivery is failed
 * and shown so. A channel whose every delivery failed for {@code disableAfterHours} is turned off, and its owner
 * told in the app. A channel whose type is not running keeps its messages waiting until the type returns.
 */
@Component(
        service = Dispatcher.class,
        immediate = true,
        configurationPid = Dispatcher.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = Dispatcher.Config.class)
public class Dispatcher {

    public static final String PID = "io.steadfast.delivery";

    @ObjectClassDefinition(name = "Steadfast deliveries (channels)")
    public @interface Config {
        @AttributeDefinition(description = "Send on this node (false: leave the outbox to other nodes)")
        boolean enabled() default true;

        @AttributeDefinition(description = "Seconds between looks when nothing wakes the dispatcher")
        int pollSeconds() default 2;

        @AttributeDefinition(description = "Deliveries claimed at a time")
        int batchSize() default 20;

        @AttributeDefinition(description = "Seconds a claim lasts (longer than a delivery may take)")
        int leaseSeconds() default 120;

        @AttributeDefinition(description = "Sending threads on this node (read at activation)")
        int threads() default 2;

        @AttributeDefinition(description = "Attempts before a delivery is failed")
        int maxAttempts() default 8;

        @AttributeDefinition(description = "Seconds before the first retry (doubling each time, with jitter)")
        int firstRetrySeconds() default 30;

        @AttributeDefinition(description = "The longest wait between retries, in seconds")
        int maxRetrySeconds() default 21_600;

        @AttributeDefinition(description = "Hours of failures after which a channel is turned off")
        int disableAfterHours() default 72;

        @AttributeDefinition(description = "Days a sent or failed delivery stays in the log")
        int keepDays() default 30;
    }

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final DeliveryStore deliveries;
    private final ChannelStore channels;
    private final ChannelTypes types;
    private final PublicUrl publicUrl;
    private final Clock clock;
    private final String node = "node-" + UUID.randomUUID();
    private final Consumer<String> onType = this::typeAdded;
    private final PollingWorker worker;
    private volatile boolean resumed;
    private volatile Config config;
    private volatile Instant lastPurge = Instant.EPOCH;

    @Activate
    public Dispatcher(
            @Reference DeliveryStore deliveries,
            @Reference ChannelStore channels,
            @Reference ChannelTypes types,
            @Reference PublicUrl publicUrl,
            @Reference Clock clock,
            Config config) {
        this.deliveries = deliveries;
        this.channels = channels;
        this.types = types;
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.config = config;
        types.onAdded(onType);
        this.worker = new PollingWorker(
                "steadfast-delivery",
                Math.min(8, config.threads()),
                () -> Math.max(1, this.config.pollSeconds()) * 1000L,
                this::pass,
                (e, n) -> LOG.warn("Could not send deliveries (attempt {}): {}", n, e.toString()));
        worker.start();
    }

    @Modified
    void modified(Config c) {
        this.config = c;
        wake();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        types.removeListener(onType);
        worker.stop(Duration.ofSeconds(30));
    }

    /** Sends as soon as possible (something was queued, a type appeared). */
    public void wake() {
        worker.wake();
    }

    private void typeAdded(String key) {
        try {
            int n = deliveries.resume(List.of(key), now());
            if (n > 0) {
                LOG.info("{} waiting deliveries of channel type '{}' go out now", n, key);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not resume the waiting deliveries of '{}' yet: {}", key, e.toString());
        }
        wake();
    }

    private void pass() {
        if (!resumed) {
            // types that came before this dispatcher: what waited for them goes out
            deliveries.resume(types.all().stream().map(ReminderChannel::key).toList(), now());
            resumed = true;
        }
        if (config.enabled()) {
            drain();
            housekeeping();
        }
    }

    /** Claims and sends until nothing is due (the thread calls it while {@code enabled}). */
    void drain() {
        while (worker.active()) {
            Config c = config;
            Instant now = clock.instant();
            String claim = node + ":" + UUID.randomUUID();
            List<Delivery> batch =
                    deliveries.claim(claim, now, now.plusSeconds(Math.max(30, c.leaseSeconds())), c.batchSize());
            for (Delivery d : batch) {
                send(d, claim);
            }
            if (batch.size() < c.batchSize()) {
                return;
            }
        }
    }

    private void send(Delivery d, String claim) {
        Optional<UserChannel> found = channels.find(d.userId(), d.channelId());
        if (found.isEmpty()) {
            deliveries.failed(d.id(), claim, "the channel was deleted");
            DeliveryMetrics.outcome(null, DeliveryMetrics.FAILED);
            return;
        }
        UserChannel c = found.get();
        if (!c.enabled()) {
            deliveries.failed(d.id(), claim, "the channel is turned off");
            DeliveryMetrics.outcome(c.type(), DeliveryMetrics.FAILED);
            return;
        }
        Optional<ReminderChannel> type = types.get(c.type());
        if (type.isEmpty()) {
            deliveries.waiting(d.id(), claim, "the channel type '" + c.type() + "' is not running; it waits for it");
            DeliveryMetrics.outcome(c.type(), DeliveryMetrics.WAITING);
            return;
        }
        String token = Secrets.newSecret("sfu_");
        deliveries.unsubscribeHash(d.id(), claim, Secrets.sha256Hex(token));
        Message m = new Message(
                d.id(),
                d.type(),
                d.userId(),
                d.channelId(),
                d.title(),
                d.body(),
                link(d.link()),
                publicUrl.api("/v1/channels/unsubscribe?token=" + token).toString(),
                d.createdAt(),
                d.data());
        Result r;
        try {
            r = type.get().deliver(m, c.config());
            if (r == null) {
                r = Result.retry("the channel type answered nothing");
            }
        } catch (RuntimeException | LinkageError e) {
            // a plugin must not throw; one that does is retried like a failure it reported
            r = Result.retry("the channel type failed: " + e.getClass().getSimpleName());
        }
        Instant now = now();
        switch (r.outcome()) {
            case DELIVERED -> {
                deliveries.sent(d.id(), claim, now, r.detail());
                DeliveryMetrics.outcome(c.type(), DeliveryMetrics.DELIVERED);
                if (c.failingSince() != null) {
                    channels.succeeded(c.id());
                }
            }
            case RETRY -> {
                if (d.attempts() >= config.maxAttempts()) {
                    deliveries.failed(d.id(), claim, "gave up after " + d.attempts() + " attempts: " + r.detail());
                    DeliveryMetrics.outcome(c.type(), DeliveryMetrics.FAILED);
                    failing(c, now);
                } else {
                    deliveries.retry(d.id(), claim, now.plus(backoff(d.attempts(), r.retryAfter())), r.detail());
                    DeliveryMetrics.outcome(c.type(), DeliveryMetrics.RETRIED);
                }
            }
            case FAILED -> {
                deliveries.failed(d.id(), claim, r.detail());
                DeliveryMetrics.outcome(c.type(), DeliveryMetrics.FAILED);
                failing(c, now);
            }
        }
    }

    /** The wait before attempt {@code attempts + 1}: doubling from the first, capped, ±20 % jitter. */
    Duration backoff(int attempts, Duration retryAfter) {
        Config c = config;
        long max = Math.max(1, c.maxRetrySeconds());
        if (retryAfter != null && !retryAfter.isNegative()) {
            return Duration.ofSeconds(Math.min(max, Math.max(1, retryAfter.toSeconds())));
        }
        long base = Math.min(max, (long) Math.max(1, c.firstRetrySeconds()) << Math.min(20, Math.max(0, attempts - 1)));
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis((long) (base * 1000 * jitter));
    }

    private void failing(UserChannel c, Instant now) {
        Instant since = channels.failed(c.id(), now);
        if (Duration.between(since, now).toHours() >= config.disableAfterHours()
                && channels.disable(c.id(), "kept failing since " + since.truncatedTo(ChronoUnit.MINUTES), now)) {
            LOG.info("Channel {} of user {} failed since {}; turned off", c.id(), c.userId(), since);
            channels.ofUser(c.userId()).stream()
                    .filter(x -> Channels.IN_APP.equals(x.type()) && x.enabled() && !x.id().equals(c.id()))
                    .findFirst()
                    .ifPresent(inApp -> deliveries.queue(new Delivery(
                            UUID.randomUUID(),
                            c.userId(),
                            inApp.id(),
                            "channel-disabled:" + c.id() + ":" + since,
                            ReminderChannel.Message.CHANNEL_DISABLED,
                            "Your channel \"" + c.name() + "\" was turned off",
                            "Every delivery to it failed since " + since.truncatedTo(ChronoUnit.MINUTES)
                                    + ". Check its settings, send a test, and turn it on again.",
                            "/settings/channels",
                            Map.of("channelId", c.id().toString()),
                            Delivery.PENDING,
                            0,
                            null,
                            now,
                            now,
                            null)));
        }
    }

    private void housekeeping() {
        Instant now = clock.instant();
        if (Duration.between(lastPurge, now).toHours() >= 1 || now.isBefore(lastPurge)) {
            lastPurge = now;
            int n = deliveries.purge(now.minus(Duration.ofDays(Math.max(1, config.keepDays()))));
            if (n > 0) {
                LOG.info("Removed {} deliveries older than {} days from the log", n, config.keepDays());
            }
        }
    }

    private String link(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        return link.startsWith("/") ? publicUrl.resolve(link).toString() : link;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
