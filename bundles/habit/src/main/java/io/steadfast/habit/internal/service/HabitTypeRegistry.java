package io.steadfast.habit.internal.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.api.habit.spi.HabitType;

/**
 * The habit types running now. Plugins come and go: a type whose bundle stops disappears at once, and its habits
 * become unavailable until it returns. When two services claim one key, the first registered serves.
 */
@Component(service = HabitTypeRegistry.class)
public class HabitTypeRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(HabitTypeRegistry.class);

    private final List<HabitType> registered = new CopyOnWriteArrayList<>();
    private final Map<String, HabitType> byKey = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public synchronized void add(HabitType type) {
        registered.add(type);
        rebuild();
        LOG.info("Habit type '{}' available", type.key());
    }

    public synchronized void remove(HabitType type) {
        registered.remove(type);
        rebuild();
        LOG.info("Habit type '{}' removed", type.key());
    }

    private void rebuild() {
        Map<String, HabitType> next = new ConcurrentHashMap<>();
        for (HabitType t : registered) {
            HabitType previous = next.putIfAbsent(t.key(), t);
            if (previous != null && previous != t) {
                LOG.warn(
                        "Two habit types claim the key '{}'; {} serves, {} is ignored",
                        t.key(),
                        previous.getClass().getName(),
                        t.getClass().getName());
            }
        }
        byKey.clear();
        byKey.putAll(next);
    }

    public Optional<HabitType> get(String key) {
        return Optional.ofNullable(key == null ? null : byKey.get(key));
    }

    public List<HabitType> all() {
        List<HabitType> list = new ArrayList<>(byKey.values());
        list.sort(Comparator.comparing(HabitType::key));
        return list;
    }
}
