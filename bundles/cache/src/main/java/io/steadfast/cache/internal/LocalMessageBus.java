package io.steadfast.cache.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.api.cache.CacheBackends;
import io.steadfast.api.cache.MessageBus;

/** Publish/subscribe inside this process, delivered in order on one bus thread. */
@Component(
        service = MessageBus.class,
        property = {"service.ranking:Integer=0", CacheBackends.IN_PROCESS_PROPERTY})
public class LocalMessageBus implements MessageBus {

    private static final Logger LOG = LoggerFactory.getLogger(LocalMessageBus.class);

    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "steadfast-local-bus");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void publish(String channel, String message) {
        List<Consumer<String>> ls = listeners.get(channel);
        if (ls == null || ls.isEmpty()) {
            return;
        }
        try {
            executor.execute(() -> {
                for (Consumer<String> l : ls) {
                    try {
                        l.accept(message);
                    } catch (RuntimeException e) {
                        LOG.warn("Listener on {} failed: {}", channel, e.toString());
                    }
                }
            });
        } catch (RejectedExecutionException stopped) {
            LOG.debug("Bus stopped; dropped a message on {}", channel);
        }
    }

    @Override
    public Subscription subscribe(String channel, Consumer<String> listener) {
        listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> {
            List<Consumer<String>> ls = listeners.get(channel);
            if (ls != null) {
                ls.remove(listener);
            }
        };
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
        listeners.clear();
    }
}
