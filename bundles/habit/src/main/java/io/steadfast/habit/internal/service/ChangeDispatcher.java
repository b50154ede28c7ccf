package io.steadfast.habit.internal.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.api.work.PollingWorker;
import io.steadfast.habit.api.HabitChangeConsumer;
import io.steadfast.habit.api.HabitEvents;
import io.steadfast.habit.internal.store.OutboxStore;
import io.steadfast.habit.internal.store.OutboxStore.Change;

/**
 * Delivers the outbox: the changes the stores recorded with each write go to the durable
 * {@link HabitChangeConsumer}s (statistics and achievements, and what later bundles derive), then to the
 * {@link HabitEvents} listeners, after the commit, on its own threads (two per node by default), never on a request thread. A node
 * delivers only while every configured consumer runs on it. A change is deleted only after its handlers returned, so a node that dies in between leaves it
 * for the next claim (its own after a restart, or any node's once the lease is over): delivery is at least once,
 * and the handlers are idempotent, so what they produce happens once. The changes of one habit in a batch go out
 * as one event per topic, a day change with the earliest day. Several threads (and nodes) deliver at once: two of
 * them may handle changes of one habit at the same time, which the consumers allow (a statistics state is replaced
 * only by one of the same or a later revision).
 */
@Component(
        service = ChangeDispatcher.class,
        immediate = true,
        configurationPid = ChangeDispatcher.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ChangeDispatcher.Config.class)
public class ChangeDispatcher {

    public static final String PID = "io.steadfast.habit.outbox";

    @ObjectClassDefinition(name = "Steadfast change delivery (outbox)")
    public @interface Config {
        @AttributeDefinition(description = "Deliver on this node (false: leave the changes to other nodes)")
        boolean enabled() default true;

        @AttributeDefinition(description = "Changes claimed at a time")
        int batchSize() default 200;

        @AttributeDefinition(description = "Seconds between polls when no local write wakes the dispatcher")
        int pollSeconds() default 1;

        @AttributeDefinition(description = "Seconds a claim lasts; a node that died is taken over after it")
        int leaseSeconds() default 60;

        @AttributeDefinition(
                description = "Delivery threads on this node (each claims its own batches; read at activation)")
        int threads() default 2;

        @AttributeDefinition(
                description = "The durable consumers (HabitChangeConsumer names) that must be running on this node "
                        + "before it delivers anything")
        String[] consumers() default {"statistics", "accountability", "calendar", "delivery", "media"};
    }

    private static final Logger LOG = LoggerFactory.getLogger(ChangeDispatcher.class);

    private final OutboxStore outbox;
    private final EventAdmin events;
    private final String node = "node-" + UUID.randomUUID();
    private final PollingWorker worker;
    private volatile Config config;
    private final Map<String, HabitChangeConsumer> consumers = new java.util.concurrent.ConcurrentSkipListMap<>();
    private volatile boolean waitingLogged;

    @Activate
    public ChangeDispatcher(@Reference OutboxStore outbox, @Reference EventAdmin events, Config config) {
        this.outbox = outbox;
        this.events = events;
        this.config = config;
        this.worker = new PollingWorker(
                "steadfast-outbox",
                Math.min(16, config.threads()),
                () -> this.config.pollSeconds() * 1000L,
                () -> {
                    if (this.config.enabled()) {
                        drain();
                    }
                },
                // the database went away, or the bundle is stopping: wait, then try again; nothing is lost
                (e, n) -> LOG.warn("Could not deliver changes (attempt {}): {}", n, e.toString()));
        worker.start();
    }

    @Reference(
            service = HabitChangeConsumer.class,
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addConsumer(HabitChangeConsumer c, Map<String, Object> props) {
        Object name = props.get(HabitChangeConsumer.NAME);
        if (name != null) {
            consumers.put(name.toString(), c);
            wake();
        }
    }

    void removeConsumer(HabitChangeConsumer c, Map<String, Object> props) {
        Object name = props.get(HabitChangeConsumer.NAME);
        if (name != null) {
            consumers.remove(name.toString(), c);
        }
    }

    /** Whether every configured consumer runs here (else this node leaves the outbox alone for now). */
    /**
     * The consumers in the order of the configuration's {@code consumers} (a later one may read what an earlier one
     * derived: the accountability feed reads the achievements the statistics consumer awarded), then any others by
     * name.
     */
    List<HabitChangeConsumer> inOrder() {
        List<HabitChangeConsumer> out = new ArrayList<>();
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (String name : config.consumers()) {
            HabitChangeConsumer c = consumers.get(name.trim());
            if (c != null && listed.add(name.trim())) {
                out.add(c);
            }
        }
        consumers.forEach((name, c) -> {
            if (!listed.contains(name)) {
                out.add(c);
            }
        });
        return out;
    }

    boolean consumersPresent() {
        for (String name : config.consumers()) {
            if (!consumers.containsKey(name.trim())) {
                if (!waitingLogged) {
                    waitingLogged = true;
                    LOG.info("Change delivery waits for the consumer '{}' to start", name);
                }
                return false;
            }
        }
        if (waitingLogged) {
            waitingLogged = false;
            LOG.info("Change delivery starts: consumers {} running", consumers.keySet());
        }
        return true;
    }

    @Modified
    void modified(Config c) {
        this.config = c;
        wake();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        worker.stop(Duration.ofSeconds(30));
    }

    /** Delivers as soon as possible (a local write committed). */
    public void wake() {
        worker.wake();
    }

    /** Claims and delivers batches until the outbox is empty (or delivery is switched off). */
    void drain() {
        while (worker.active() && config.enabled() && consumersPresent()) {
            Config c = config;
            List<Change> batch = outbox.claim(node, c.batchSize(), c.leaseSeconds());
            if (batch.isEmpty()) {
                return;
            }
            deliver(batch);
        }
    }

    private void deliver(List<Change> batch) {
        Map<UUID, List<Change>> byHabit = new LinkedHashMap<>();
        for (Change ch : batch) {
            byHabit.computeIfAbsent(ch.habitId(), k -> new ArrayList<>()).add(ch);
        }
        for (List<Change> changes : byHabit.values()) {
            List<Long> ids = changes.stream().map(Change::id).toList();
            try {
                send(changes);
                outbox.delivered(ids);
            } catch (RuntimeException e) {
                int attempts = changes.stream().mapToInt(Change::attempts).max().orElse(1);
                int retry = (int) Math.min(300, 1L << Math.min(attempts, 9));
                LOG.warn(
                        "Delivery of {} change(s) of habit {} failed (attempt {}), retrying in {} s: {}",
                        changes.size(),
                        changes.get(0).habitId(),
                        attempts,
                        retry,
                        e.toString());
                outbox.release(ids, retry);
            }
        }
    }

    /**
     * One habit's changes to every durable consumer (the habit change first, then the earliest changed day), then
     * as Event Admin events to whoever listens.
     */
    private void send(List<Change> changes) {
        Change first = changes.get(0);
        boolean habitChanged = false;
        java.time.LocalDate earliest = null;
        for (Change ch : changes) {
            if (HabitEvents.TOPIC_HABIT_CHANGED.equals(ch.topic())) {
                habitChanged = true;
            } else if (ch.date() != null && (earliest == null || ch.date().isBefore(earliest))) {
                earliest = ch.date();
            }
        }
        for (HabitChangeConsumer c : inOrder()) {
            if (habitChanged) {
                c.habitChanged(first.userId(), first.habitId());
            }
            if (earliest != null) {
                c.daysChanged(first.userId(), first.habitId(), earliest);
            }
        }
        if (habitChanged) {
            events.postEvent(HabitEvents.habitChanged(first.userId(), first.habitId()));
        }
        if (earliest != null) {
            events.postEvent(HabitEvents.checkinChanged(first.userId(), first.habitId(), earliest));
        }
    }
}
