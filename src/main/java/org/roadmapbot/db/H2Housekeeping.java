package org.roadmapbot.db;

import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts the embedded H2 store every few seconds. H2 normally does this on its background
 * writer thread, but that thread exists only with a write delay, and the bot runs with
 * WRITE_DELAY=0 (durable commits). Without it every commit leaves a chunk behind that is never
 * rewritten: measured at 200 commits/s, the file grew by ~70 MB a minute and the heap with it
 * (H2 keeps each chunk's metadata in memory); compacting as below (1 MB every 2 s, the amount H2's own writer moves per run) kept both flat. It rewrites
 * only chunks older than H2's retention time, as H2's own housekeeping does, so a crash never
 * needs the data it moves.
 */
final class H2Housekeeping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(H2Housekeeping.class);

    static final Duration EVERY = Duration.ofSeconds(2);
    /** Chunks at most this full are rewritten (their live pages packed into new chunks). */
    private static final int TARGET_FILL_RATE = 50;
    /** Live data moved per run, so a run stays short next to the commits it shares the store with. */
    private static final int WRITE_LIMIT = 1 << 20;

    private final ScheduledExecutorService executor;

    private H2Housekeeping(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /** Starts compacting the H2 file store behind {@code pool}; empty for any other database. */
    static Optional<H2Housekeeping> start(DataSource pool, String url) {
        if (!url.startsWith("jdbc:h2:file:")) {
            return Optional.empty();
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "h2-housekeeping");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> compact(pool), EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return Optional.of(new H2Housekeeping(executor));
    }

    /** One run; false when the store could not be reached (H2 changed its internals, a remote server). */
    static boolean compact(DataSource pool) {
        try (Connection c = pool.getConnection()) {
            if (c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session) {
                MVStore store = session.getDatabase().getStore().getMvStore();
                if (!store.isClosed()) {
                    store.compact(TARGET_FILL_RATE, WRITE_LIMIT);
                    return true;
                }
            }
            return false;
        } catch (Exception | LinkageError e) {
            // Housekeeping only: the next run tries again; the data is never at risk.
            LOG.debug("H2 compaction skipped: {}", e.toString());
            return false;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
