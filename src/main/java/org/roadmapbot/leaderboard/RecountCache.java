package org.roadmapbot.leaderboard;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Figures that take a pass over a whole server (members per count, the group view), served from
 * memory and recounted in the background when they may be out of date: after this process wrote
 * a score of the server (a new version) or after {@code fresh} (writes of other processes in a
 * cluster), but never more often than every {@code minInterval}, so a busy server spends at most
 * one recount per interval in the background. A request waits for a count only when there is none
 * yet (the first board of a server after start); after a quiet hour it gets the last figure while
 * the recount runs behind it. So a member never waits for a recount of 100,000 rows after a
 * change or a pause, and other members' figures in what they see are at most one recount behind.
 */
final class RecountCache<T> {

    private static final Logger LOG = LoggerFactory.getLogger(RecountCache.class);

    private record Entry<T>(T value, long version, long at) {
    }

    private final Map<String, Entry<T>> entries = new ConcurrentHashMap<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor;
    private final long minIntervalNanos;
    private final long freshNanos;

    RecountCache(String name, Duration minInterval, Duration fresh) {
        this.minIntervalNanos = minInterval.toNanos();
        this.freshNanos = fresh.toNanos();
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "leaderboard-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    T get(String id, long version, Supplier<T> count) {
        long now = System.nanoTime();
        Entry<T> e = entries.get(id);
        if (e == null) {
            T value = count.get();
            entries.put(id, new Entry<>(value, version, now));
            return value;
        }
        long age = now - e.at;
        if (age >= minIntervalNanos && (e.version != version || age > freshNanos) && running.add(id)) {
            try {
                executor.execute(() -> {
                    try {
                        long at = System.nanoTime();
                        entries.put(id, new Entry<>(count.get(), version, at));
                    } catch (RuntimeException failure) {
                        LOG.warn("leaderboard recount of {} failed: {}", id, failure.toString());
                    } finally {
                        running.remove(id);
                    }
                });
            } catch (RejectedExecutionException rejected) {
                running.remove(id);
            }
        }
        return e.value;
    }

    void clear() {
        entries.clear();
    }
}
