package org.roadmapbot.schedule;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A feature's deliveries between handing a message to the messenger and recording the outcome.
 * Scheduled jobs hand a send over and return (no scheduler thread waits on the network); the
 * outcome is recorded on this object's own threads (not the adapter's: JDA's callback threads
 * must not do database work), and a graceful stop waits here, bounded, so outcomes are recorded
 * before the database closes.
 */
public final class InFlight {

    private final Set<CompletableFuture<?>> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads;

    /** @param name the threads' name (they are daemons: a stop never waits on them beyond {@link #await}) */
    public InFlight(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, name + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true); // idle most of the week: no threads kept for it
        this.threads = pool;
    }

    /** Where outcomes are recorded and retries run. */
    public Executor executor() {
        return threads;
    }

    /** Tracks {@code work} until it completes; returns it. */
    @SuppressWarnings("CollectionUndefinedEquality") // the very future added is removed: identity is what counts
    public <T> CompletableFuture<T> track(CompletableFuture<T> work) {
        running.add(work);
        var unused = work.whenComplete((v, e) -> running.remove(work));
        return work;
    }

    public int size() {
        return running.size();
    }

    /** Waits until everything tracked now has completed, at most {@code limit}; returns whether it did. */
    public boolean await(Duration limit) {
        try {
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
                    .get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true; // each failure is recorded by its own callback
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
