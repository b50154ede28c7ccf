package io.steadfast.delivery.internal.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.api.reminder.spi.ReminderChannel;

/**
 * The channel types running now: every {@link ReminderChannel} service, by key, as plugins come and go. When a type
 * appears the listeners hear of it (the dispatcher sends what waited for it).
 */
@Component(service = ChannelTypes.class)
public class ChannelTypes {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelTypes.class);

    private final Map<String, ReminderChannel> types = new ConcurrentHashMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    @Reference(
            service = ReminderChannel.class,
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void add(ReminderChannel c) {
        String key = c.key();
        if (types.putIfAbsent(key, c) != null) {
            LOG.warn(
                    "A second channel type '{}' ({}) is ignored while the first runs",
                    key,
                    c.getClass().getName());
            return;
        }
        LOG.info("Channel type '{}' is available", key);
        for (Consumer<String> l : listeners) {
            l.accept(key);
        }
    }

    void remove(ReminderChannel c) {
        if (types.remove(c.key(), c)) {
            LOG.info("Channel type '{}' stopped; its messages wait until it returns", c.key());
        }
    }

    public Optional<ReminderChannel> get(String key) {
        return Optional.ofNullable(types.get(key));
    }

    /** The running types, by key. */
    public List<ReminderChannel> all() {
        List<ReminderChannel> out = new ArrayList<>(types.values());
        out.sort(Comparator.comparing(ReminderChannel::key));
        return out;
    }

    /** Hears of every type that appears from now on. */
    public void onAdded(Consumer<String> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<String> listener) {
        listeners.remove(listener);
    }
}
