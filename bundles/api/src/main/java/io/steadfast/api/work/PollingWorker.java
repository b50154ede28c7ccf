package io.steadfast.api.work;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.ObjIntConsumer;

/**
 * Threads that run one pass of some work (claim and handle what is due), then wait for the next poll or until woken
 * (a local write committed, a plugin came). A pass that throws is retried after a back-off that doubles from half a
 * second to 30 s, and the failure is reported (the database went away, the bundle is stopping: nothing is lost,
 * the work stays where it was). The outboxes and the scheduler of the bundles run on it.
 */
public final class PollingWorker {

    private final String name;
    private final int threads;
    private final LongSupplier pollMillis;
    private final Runnable pass;
    private final ObjIntConsumer<RuntimeException> failed;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private final List<Thread> running = new ArrayList<>();
    private boolean woken;
    private volatile boolean stopped;

    /**
     * @param name       the threads' name, numbered {@code name-1}, {@code name-2}, …
     * @param threads    how many threads run passes at once
     * @param pollMillis how long to wait between passes when nothing wakes the worker (read before each wait)
     * @param pass       one pass of the work
     * @param failed     told of a pass that threw, with the number of failures in a row
     */
    public PollingWorker(
            String name, int threads, LongSupplier pollMillis, Runnable pass, ObjIntConsumer<RuntimeException> failed) {
        this.name = name;
        this.threads = Math.max(1, threads);
        this.pollMillis = pollMillis;
        this.pass = pass;
        this.failed = failed;
    }

    /** Starts the threads (daemons). */
    public synchronized PollingWorker start() {
        for (int i = 1; i <= threads; i++) {
            Thread t = new Thread(this::loop, threads == 1 ? name : name + "-" + i);
            t.setDaemon(true);
            running.add(t);
            t.start();
        }
        return this;
    }

    /** Runs a pass as soon as possible. */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the worker was not stopped: a pass checks it between items. */
    public boolean active() {
        return !stopped;
    }

    /** Stops the threads and waits up to {@code wait} for each to finish its pass. */
    public void stop(Duration wait) throws InterruptedException {
        stopped = true;
        wake();
        List<Thread> all;
        synchronized (this) {
            all = List.copyOf(running);
        }
        for (Thread t : all) {
            t.join(wait.toMillis());
        }
    }

    private void loop() {
        int failures = 0;
        while (!stopped) {
            try {
                pass.run();
                failures = 0;
                await(Math.max(1, pollMillis.getAsLong()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures++;
                if (!stopped) {
                    failed.accept(e, failures);
                }
                try {
                    await(Math.min(30_000L, 500L << Math.min(failures, 6)));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void await(long millis) throws InterruptedException {
        lock.lock();
        try {
            if (!woken && !stopped) {
                signal.await(millis, TimeUnit.MILLISECONDS);
            }
            woken = false;
        } finally {
            lock.unlock();
        }
    }
}
