package io.steadfast.storage.internal.db;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.storage.Housekeeping;

/**
 * Runs every registered {@link Housekeeping} task five minutes after start and then every six hours, with the
 * platform clock's now. One thread for all bundles' tasks; a failing task is logged and does not stop the others.
 */
@Component(immediate = true)
public class HousekeepingScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(HousekeepingScheduler.class);

    private final Clock clock;
    private final List<Housekeeping> tasks = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService executor;

    @Activate
    public HousekeepingScheduler(@Reference Clock clock) {
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "steadfast-housekeeping");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::runAll, 5, 6 * 60, TimeUnit.MINUTES);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTask(Housekeeping task) {
        tasks.add(task);
    }

    void removeTask(Housekeeping task) {
        tasks.remove(task);
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    /** Runs every task now; returns the rows deleted in all. */
    int runAll() {
        int total = 0;
        for (Housekeeping task : tasks) {
            try {
                int n = task.clean(clock.instant());
                total += n;
                if (n > 0) {
                    LOG.info("Housekeeping: {} deleted ({})", n, task.description());
                }
            } catch (RuntimeException e) {
                LOG.warn("Housekeeping of {} failed: {}", task.description(), e.toString());
            }
        }
        return total;
    }
}
