package org.roadmapbot.db;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The housekeeping H2's background writer would do, every second. That thread exists only with a
 * write delay, and the bot runs with WRITE_DELAY=0 (durable commits), so without this every commit
 * leaves a chunk behind that is never rewritten: at 200 commits/s the file grew ~70 MB a minute and
 * the heap with it (H2 keeps each chunk's metadata in memory). Each run does H2's two steps and a sync:
 * <ol>
 *   <li>rewrite the live pages of sparse chunks into new ones, so old chunks empty out and can be
 *       freed once H2's retention time has passed (1 MB a run, as H2's own writer under load);
 *       started as soon as under {@value #TARGET_FILL_RATE} % of the chunk bytes are live: at 50 %
 *       (the first setting) the garbage had to reach the size of the data before any was rewritten;</li>
 *   <li>when the file has holes (under {@value #FILE_FILL_TARGET} % of it in use), move chunks from
 *       its end into them, so the file itself can shrink; without it freed space is only reused;</li>
 *   <li>sync the file, so that every chunk written is on the disk well within the retention time
 *       ({@value #RETENTION_MILLIS} ms, set in {@link DatabaseConfig}): freed chunks are overwritten
 *       only after it, and an OS crash then never finds a chunk still needed overwritten.</li>
 * </ol>
 * Measured (README, "Database file size"): with the shorter retention and compression this keeps the
 * file within about 2× its compacted size at 10 commits a second; the full compaction on every clean
 * stop ({@link Database#close()}) or the `compact` command brings it back to 1×.
 * All are H2's own operations (MVStore.compact, RandomAccessStore.compactMoveChunks, MVStore.sync),
 * the ones H2's background writer runs between commits. Reusing space is what exposes H2 2.5.252's
 * header bug after a crash, with H2's 45 s retention as with 5 s; {@link H2CrashRecovery} handles
 * it on the next open.
 */
final class H2Housekeeping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(H2Housekeeping.class);

    static final Duration EVERY = Duration.ofSeconds(1);
    /**
     * H2's retention time: a chunk no longer used is overwritten only once it is this old. H2's 45 s
     * kept 450 chunks (15-40 MB) at 10 commits/s whatever the size of the data; 10 s (the previous
     * setting) still kept a 20,000-member database (9 MB) at 2.0-2.6× its compacted size, 5 s with a
     * run every second at 1.3-2.0× (README). 5 s is five runs of the sync below: a chunk freed is
     * overwritten only after it has been synced and this time has passed.
     */
    static final int RETENTION_MILLIS = 5_000;
    /** Sparse chunks are rewritten while less than this share of all chunk bytes is live. */
    static final int TARGET_FILL_RATE = 80;
    /** Live data rewritten per run, so a run stays short next to the commits it shares the store with. */
    private static final int WRITE_LIMIT = 1 << 20;
    /** Move chunks when less than this share of the file holds chunks (H2's autoCompactFillRate is 90). */
    static final int FILE_FILL_TARGET = 90;
    /** Chunk bytes moved per run: bounded, because commits wait while chunks move (4 MB ≈ tens of ms). */
    private static final int MOVE_LIMIT = 4 << 20;

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
        H2PlanRefresh plans = new H2PlanRefresh();
        var unused = executor.scheduleWithFixedDelay(
                () -> {
                    compact(pool);
                    refreshPlans(pool, plans);
                },
                EVERY.toMillis(),
                EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        return Optional.of(new H2Housekeeping(executor));
    }

    /**
     * At start-up: says so when the file is mostly dead space (e.g. after a crash or kill -9, which
     * skip the compaction of a clean stop), with the command that shrinks it. H2's own fill rates:
     * the share of the file in chunks, and the share of chunk bytes still live.
     */
    static void reportFileUse(DataSource pool, java.nio.file.Path file) {
        try (Connection c = pool.getConnection()) {
            if (c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session) {
                MVStore store = session.getDatabase().getStore().getMvStore();
                long size = java.nio.file.Files.size(file);
                long live = size
                        * store.getFileStore().getFillRate()
                        / 100
                        * store.getFileStore().getChunksFillRate()
                        / 100;
                if (size > 64L << 20 && live * 2 < size) {
                    LOG.info(
                            "the database file is {} MB, about {} MB of it live data; to shrink it, stop the bot and run "
                                    + "`java -jar roadmap-bot.jar compact` (a clean stop compacts it too)",
                            size >> 20,
                            live >> 20);
                }
            }
        } catch (Exception | LinkageError e) {
            LOG.debug("H2 file use not reported: {}", e.toString());
        }
    }

    /** One run; false when the store could not be reached (H2 changed its internals, a remote server). */
    static boolean compact(DataSource pool) {
        try (Connection c = pool.getConnection()) {
            if (c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session) {
                MVStore store = session.getDatabase().getStore().getMvStore();
                if (!store.isClosed()) {
                    store.compact(TARGET_FILL_RATE, WRITE_LIMIT);
                    if (store.getFileStore() instanceof RandomAccessStore file
                            && file.getFillRate() < FILE_FILL_TARGET) {
                        // 101: move whatever the fill rate (the check above already chose to).
                        file.compactMoveChunks(101, MOVE_LIMIT, store);
                    }
                    // Every chunk written so far reaches the disk now, not after the OS's own
                    // write-back delay (30 s on Linux), which would outlast the retention time.
                    store.sync();
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

    /** Re-analyses tables that have grown, so that statements are planned for their size ({@link H2PlanRefresh}). */
    private static void refreshPlans(DataSource pool, H2PlanRefresh plans) {
        try (Connection c = pool.getConnection()) {
            List<String> analysed = plans.run(c);
            if (!analysed.isEmpty()) {
                LOG.debug("analysed {} after they grew", analysed);
            }
        } catch (Exception e) {
            // Statistics only: the next run tries again.
            LOG.debug("H2 statistics not refreshed: {}", e.toString());
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
