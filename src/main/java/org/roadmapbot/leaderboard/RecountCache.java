package org.roadmapbot.leaderboard;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Figures that take a pass over a whole server (members per count, the group view), served from
 * memory and recounted in the background when they may be out of date: after this process wrote
 * a score of the server (a new version) or after {@code fresh} (writes of other processes in a
 * cluster), but never more often than every {@code minInterval}, so a busy server spends at most
 * one recount per interval in the background. A request waits for a count only when there is none
 * yet (the first board of a server after start); after a quiet hour it gets the last figure while
 * the recount runs behind it. So a member never waits for a recount of 100,000 rows after a
 * change or a pause, and other members' figures in what they see are at most one recount behind.
 *
 * <p>Caffeine does the caching: {@code refreshAfterWrite} serves the old figure and reloads it on
 * this cache's own thread (one reload per key at a time), and the loader's {@code reload} decides
 * whether a recount is due (a new version, or older than {@code fresh}) or the figure stays. The
 * size bound keeps a bot in many servers from holding every server's figures for ever.
 */
final class RecountCache<K, T> {

    /** Servers' figures kept at most (each a few hundred bytes); the least used go first. */
    private static final long MAX_ENTRIES = 10_000;

    /** A figure, the version of the server's scores it was counted at, and when (System.nanoTime). */
    private record Entry<T>(T value, long version, long at) {}

    private final ExecutorService executor;
    private final LoadingCache<K, Entry<T>> entries;

    /**
     * @param version the current version of a key's scores (it changes with every local write)
     * @param count   the figure for a key, counted now (a pass over the server)
     */
    RecountCache(String name, Duration minInterval, Duration fresh, ToLongFunction<K> version, Function<K, T> count) {
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "leaderboard-" + name);
            t.setDaemon(true);
            return t;
        });
        long freshNanos = fresh.toNanos();
        CacheLoader<K, Entry<T>> loader = new CacheLoader<>() {
            @Override
            public Entry<T> load(K key) {
                long v = version.applyAsLong(key);
                return new Entry<>(count.apply(key), v, System.nanoTime());
            }

            @Override
            public Entry<T> reload(K key, Entry<T> old) {
                boolean due = old.version() != version.applyAsLong(key) || System.nanoTime() - old.at() > freshNanos;
                return due ? load(key) : old;
            }
        };
        this.entries = Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                // Caffeine wants a positive interval; zero means "on the next read after a change".
                .refreshAfterWrite(minInterval.isZero() ? Duration.ofNanos(1) : minInterval)
                .executor(executor)
                .build(loader);
    }

    /** The figure for {@code key}: counted now only when there is none yet, else the last one (a recount may start behind it). */
    T get(K key) {
        return entries.get(key).value();
    }

    void clear() {
        entries.invalidateAll();
    }
}
