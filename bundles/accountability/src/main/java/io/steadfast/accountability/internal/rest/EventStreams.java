package io.steadfast.accountability.internal.rest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.sse.OutboundSseEvent;
import javax.ws.rs.sse.Sse;
import javax.ws.rs.sse.SseEventSink;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.accountability.internal.service.FeedService;
import io.steadfast.accountability.internal.service.NotificationService;
import io.steadfast.accountability.internal.service.Signals;
import io.steadfast.api.cache.MessageBus;
import io.steadfast.api.error.TooManyAttemptsException;
import io.steadfast.api.partner.Partnerships;

/**
 * The open event streams of this node ({@code GET /api/v1/events}): each user's new notifications and feed items,
 * as Server-Sent Events. A commit on any node publishes a wake-up ({@link Signals}) and the streams it concerns read
 * what is new from the database; every {@link #HEARTBEAT} each stream gets a comment and reads what is new anyway, so
 * a lost wake-up delays an event by at most that. An event's id holds both positions ({@code <notification>-<feed>})
 * so that {@code Last-Event-ID} resumes both.
 */
@Component(service = EventStreams.class)
public class EventStreams {

    private static final Logger LOG = LoggerFactory.getLogger(EventStreams.class);

    /** How often an idle stream gets a comment (and reads what is new). */
    static final Duration HEARTBEAT = Duration.ofSeconds(25);

    /** Open streams per user on a node. */
    static final int PER_USER = 5;

    /** Open streams on a node. */
    static final int MAX_STREAMS = 2000;

    /** The most events one read sends. */
    private static final int BATCH = 100;

    private final NotificationService notifications;
    private final FeedService feed;
    private final Partnerships partnerships;
    private final Map<UUID, Set<Stream>> byUser = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final ScheduledExecutorService heartbeat;
    private final ExecutorService senders;
    private volatile MessageBus.Subscription subscription;
    private volatile MessageBus.Subscription live;

    @Activate
    public EventStreams(
            @Reference NotificationService notifications,
            @Reference FeedService feed,
            @Reference Partnerships partnerships) {
        this.notifications = notifications;
        this.feed = feed;
        this.partnerships = partnerships;
        AtomicInteger n = new AtomicInteger();
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "steadfast-events-heartbeat"));
        this.senders = Executors.newFixedThreadPool(2, r -> daemon(r, "steadfast-events-" + n.incrementAndGet()));
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setBus(MessageBus bus) {
        MessageBus.Subscription old = subscription;
        MessageBus.Subscription oldLive = live;
        subscription = bus.subscribe(Signals.CHANNEL, this::signal);
        live = bus.subscribe(LiveEvents.CHANNEL, this::live);
        if (old != null) {
            old.close();
        }
        if (oldLive != null) {
            oldLive.close();
        }
    }

    void unsetBus(MessageBus bus) {
        // replaced before unset; closed on deactivation
    }

    @Deactivate
    void deactivate() {
        MessageBus.Subscription s = subscription;
        if (s != null) {
            s.close();
        }
        MessageBus.Subscription l = live;
        if (l != null) {
            l.close();
        }
        heartbeat.shutdownNow();
        senders.shutdownNow();
        byUser.values().forEach(set -> set.forEach(Stream::close));
        byUser.clear();
    }

    /**
     * Opens a stream for {@code userId}: from {@code lastEventId} on when given (what came after it is sent at once),
     * else from now.
     */
    void open(UUID userId, SseEventSink sink, Sse sse, String lastEventId) {
        Set<Stream> mine = byUser.computeIfAbsent(userId, k -> ConcurrentHashMap.newKeySet());
        if (mine.size() >= PER_USER || open.get() >= MAX_STREAMS) {
            throw new TooManyAttemptsException(
                    mine.size() >= PER_USER
                            ? "You have " + PER_USER + " event streams open on this server; close one first"
                            : "This server has as many event streams open as it takes; try again in a minute",
                    Duration.ofSeconds(30));
        }
        long[] from = parse(lastEventId);
        Stream s = from == null
                ? new Stream(userId, sink, sse, notifications.newestId(userId), feed.newestId(userId))
                : new Stream(userId, sink, sse, from[0], from[1]);
        mine.add(s);
        open.incrementAndGet();
        s.comment("connected");
        if (from != null) {
            senders.execute(s::catchUp);
        }
    }

    /** {@code <notification>-<feed>}, or {@code null} for none or anything else. */
    static long[] parse(String lastEventId) {
        if (lastEventId == null) {
            return null;
        }
        String[] parts = lastEventId.trim().split("-");
        if (parts.length != 2) {
            return null;
        }
        try {
            long n = Long.parseLong(parts[0]);
            long f = Long.parseLong(parts[1]);
            return n < 0 || f < 0 ? null : new long[] {n, f};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void signal(String message) {
        try {
            if (message.startsWith("n:")) {
                UUID user = UUID.fromString(message.substring(2));
                for (Stream s : byUser.getOrDefault(user, Set.of())) {
                    senders.execute(s::pushNotifications);
                }
            } else if (message.startsWith("f:")) {
                UUID actor = UUID.fromString(message.substring(2));
                for (Map.Entry<UUID, Set<Stream>> e : byUser.entrySet()) {
                    if (!e.getValue().isEmpty() && feed.follows(e.getKey(), actor)) {
                        e.getValue().forEach(s -> senders.execute(s::pushFeed));
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("Unreadable event signal: {}", message);
        }
    }

    /** A {@link LiveEvents} message: {@code <userId> <name> <json>}, sent to the user's streams on this node. */
    private void live(String message) {
        try {
            int a = message.indexOf(' ');
            int b = message.indexOf(' ', a + 1);
            UUID user = UUID.fromString(message.substring(0, a));
            String name = message.substring(a + 1, b);
            String json = message.substring(b + 1);
            for (Stream s : byUser.getOrDefault(user, Set.of())) {
                senders.execute(() -> s.pushLive(name, json));
            }
        } catch (RuntimeException e) {
            LOG.debug("Unreadable live event: {}", message);
        }
    }

    private void beat() {
        for (Set<Stream> set : byUser.values()) {
            for (Stream s : set) {
                if (s.comment("heartbeat")) {
                    senders.execute(s::catchUp);
                }
            }
        }
    }

    private void closed(Stream s) {
        Set<Stream> set = byUser.get(s.userId);
        if (set != null && set.remove(s)) {
            open.decrementAndGet();
        }
    }

    /** One client's stream. Sends are serialised per stream; a failed send closes it. */
    private final class Stream {
        final UUID userId;
        private final SseEventSink sink;
        private final Sse sse;
        private long lastNotification;
        private long lastFeed;

        Stream(UUID userId, SseEventSink sink, Sse sse, long lastNotification, long lastFeed) {
            this.userId = userId;
            this.sink = sink;
            this.sse = sse;
            this.lastNotification = lastNotification;
            this.lastFeed = lastFeed;
        }

        void catchUp() {
            pushNotifications();
            pushFeed();
        }

        synchronized void pushNotifications() {
            try {
                List<NotificationService.Notification> news = notifications.since(userId, lastNotification, BATCH);
                for (NotificationService.Notification n : news) {
                    lastNotification = n.id();
                    if (!send("notification", NotificationResource.NotificationDto.of(n))) {
                        return;
                    }
                }
            } catch (RuntimeException e) {
                LOG.debug("Event stream of {}: notifications not read now ({})", userId, e.toString());
            }
        }

        synchronized void pushFeed() {
            try {
                List<FeedService.Item> items = feed.since(userId, lastFeed, BATCH);
                for (FeedService.Item i : items) {
                    lastFeed = i.id();
                    if (!send("feed", FeedResource.FeedItemDto.of(i))) {
                        return;
                    }
                }
            } catch (RuntimeException e) {
                LOG.debug("Event stream of {}: feed not read now ({})", userId, e.toString());
            }
        }

        /** A live event: no id of its own (it is not resumable), so a reconnect resumes the stored ones as before. */
        synchronized void pushLive(String name, String json) {
            deliver(sse.newEventBuilder()
                    .name(name)
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(String.class, json)
                    .build());
        }

        private boolean send(String name, Object data) {
            OutboundSseEvent event = sse.newEventBuilder()
                    .id(lastNotification + "-" + lastFeed)
                    .name(name)
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(data.getClass(), data)
                    .build();
            return deliver(event);
        }

        synchronized boolean comment(String text) {
            return deliver(sse.newEventBuilder().comment(text).build());
        }

        private boolean deliver(OutboundSseEvent event) {
            if (sink.isClosed()) {
                closed(this);
                return false;
            }
            try {
                sink.send(event).toCompletableFuture().get(10, TimeUnit.SECONDS);
                return true;
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                close();
                return false;
            }
        }

        void close() {
            try {
                sink.close();
            } catch (RuntimeException e) {
                // gone already
            }
            closed(this);
        }
    }
}
