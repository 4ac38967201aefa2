package org.roadmapbot.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.roadmapbot.app.Application;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.Reply;
import org.roadmapbot.knowledge.data.RoadmapFile.Topic;
import org.roadmapbot.progress.ProgressService;
import org.roadmapbot.progress.TopicChange;
import org.roadmapbot.progress.TopicState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `bench progress`: progress write throughput and `/progress show` latency on a database
 * holding many members. Uses a fresh temporary data directory unless --data-dir is given, so
 * the figures are for the embedded default (H2 file, WRITE_DELAY=0); ROADMAP_BOT_DB_URL, if
 * set, points it at another database instead.
 */
@Command(
        name = "progress",
        description = "Measure progress writes/s and /progress show latency with many members stored.")
public final class ProgressBench implements Callable<Integer> {

    static final String GUILD = "bench-guild";

    @Option(
            names = "--members",
            description = "Members stored before measuring (default: ${DEFAULT-VALUE}).",
            defaultValue = "100000")
    int members;

    @Option(
            names = "--writes",
            description = "Progress changes to time (default: ${DEFAULT-VALUE}).",
            defaultValue = "20000")
    int writes;

    @Option(
            names = "--threads",
            description = "Concurrent members writing (default: ${DEFAULT-VALUE}).",
            defaultValue = "16")
    int threads;

    @Option(
            names = "--shows",
            description = "/progress show calls to time (default: ${DEFAULT-VALUE}).",
            defaultValue = "5000")
    int shows;

    @Mixin
    BenchSetup setup;

    @Override
    public Integer call() throws Exception {
        try (BenchSetup.Run run = setup.start("roadmap-bot-bench")) {
            BenchDirectory directory = run.directory();
            Application app = run.app();
            List<Topic> topics = app.knowledge().topicsForTrack("python");
            long seedStart = System.nanoTime();
            long rows = seed(app, topics, members);
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            String seededSize = directory.databaseSize();

            double sequential = writeRate(app, topics, 1, Math.min(writes, 3000), false);
            double grouped = writeRate(app, topics, threads, writes, false);
            double viaCommand = writeRate(app, topics, threads, writes, true);
            long[] showNanos = showLatencies(app);

            BenchSetup.header();
            System.out.printf(
                    Locale.ROOT,
                    "| database | %s |%n",
                    app.database().isH2() ? "embedded H2 file, WRITE_DELAY=0" : "external (ROADMAP_BOT_DB_URL)");
            System.out.printf(
                    Locale.ROOT, "| members stored | %,d (%,d rows, seeded in %.1f s) |%n", members, rows, seedSeconds);
            if (app.database().isH2()) {
                // H2 keeps every chunk of the last 45 s (its safe default), so thousands of commits/s grow the file.
                System.out.printf(
                        Locale.ROOT,
                        "| H2 file size after seeding / after the write runs | %s / %s |%n",
                        seededSize,
                        directory.databaseSize());
            }
            System.out.printf(Locale.ROOT, "| progress writes/s, one writer (one commit each) | %,.0f |%n", sequential);
            System.out.printf(
                    Locale.ROOT,
                    "| progress writes/s, %d concurrent writers (group commit) | %,.0f |%n",
                    threads,
                    grouped);
            System.out.printf(
                    Locale.ROOT,
                    "| `/progress done`+`undo` commands/s, %d concurrent members (full command and reply) | %,.0f |%n",
                    threads,
                    viaCommand);
            System.out.printf(
                    Locale.ROOT,
                    "| `/progress show` p50 (%d calls, random members) | %.3f ms |%n",
                    shows,
                    percentile(showNanos, 50) / 1e6);
            System.out.printf(Locale.ROOT, "| `/progress show` p99 | %.3f ms |%n", percentile(showNanos, 99) / 1e6);
            System.out.printf(
                    Locale.ROOT, "| `/progress show` max | %.3f ms |%n", showNanos[showNanos.length - 1] / 1e6);
            System.out.printf(
                    Locale.ROOT,
                    "| machine | %d cores, Java %s |%n",
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
        }
        return 0;
    }

    /**
     * Stores {@code members} members with a track and a random number of done topics (with their
     * events), in big batches: a server's history loaded in bulk. Returns the rows written.
     */
    static long seed(Application app, List<Topic> topics, int members) throws SQLException {
        SplittableRandom random = new SplittableRandom(42);
        OffsetDateTime start = Instant.now().minusSeconds(90L * 24 * 3600).atOffset(ZoneOffset.UTC);
        long rows = 0;
        try (Connection c = app.database().dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement track = c.prepareStatement(
                            "INSERT INTO member_track (guild_id, member_id, track_id, pace_id, started_at, updated_at) VALUES (?, ?, 'python', 'part-time', ?, ?)");
                    PreparedStatement topic = c.prepareStatement(
                            "INSERT INTO topic_progress (guild_id, member_id, topic_id, state, updated_at) VALUES (?, ?, ?, 'done', ?)");
                    PreparedStatement event = c.prepareStatement(
                            "INSERT INTO progress_event (guild_id, member_id, kind, topic_id, occurred_at) VALUES (?, ?, 'done', ?, ?)")) {
                for (int m = 0; m < members; m++) {
                    String member = member(m);
                    track.setString(1, GUILD);
                    track.setString(2, member);
                    track.setObject(3, start);
                    track.setObject(4, start);
                    track.addBatch();
                    rows++;
                    int done = random.nextInt(0, 11);
                    for (int t = 0; t < done; t++) {
                        OffsetDateTime at = start.plusHours(random.nextInt(1, 2000));
                        for (PreparedStatement ps : List.of(topic, event)) {
                            ps.setString(1, GUILD);
                            ps.setString(2, member);
                            ps.setString(3, topics.get(t).id());
                            ps.setObject(4, at);
                            ps.addBatch();
                        }
                        rows += 2;
                    }
                    if (m % 2000 == 1999 || m == members - 1) {
                        track.executeBatch();
                        topic.executeBatch();
                        event.executeBatch();
                        c.commit();
                    }
                }
            }
        }
        return rows;
    }

    /**
     * Each writer owns one member and toggles a topic the seed left untouched (done, then undo),
     * so every call is a real change with its event. Returns changes per second.
     */
    private double writeRate(Application app, List<Topic> topics, int writers, int total, boolean viaCommand)
            throws Exception {
        ProgressService progress = app.progress();
        String topicId = topics.get(topics.size() - 1).id();
        // An even number of steps per writer: each member ends where it began (topic not marked).
        int perWriter = Math.max(2, total / writers / 2 * 2);
        String run = writers + (viaCommand ? "c" : "r");
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            // Warm-up: the same work, untimed.
            runWriters(
                    pool,
                    writers,
                    Math.min(perWriter, 300),
                    w -> writer(app, progress, "warm" + run + "-" + w, topicId, viaCommand));
            long start = System.nanoTime();
            runWriters(pool, writers, perWriter, w -> writer(app, progress, "w" + run + "-" + w, topicId, viaCommand));
            double seconds = (System.nanoTime() - start) / 1e9;
            return writers * (double) perWriter / seconds;
        } finally {
            pool.shutdownNow();
        }
    }

    private interface Step {
        void run(int i);
    }

    private static Step writer(
            Application app, ProgressService progress, String member, String topicId, boolean viaCommand) {
        if (viaCommand) {
            app.router().dispatch(request(member, "start", Map.of("track", "python", "pace", "part-time")));
            return i -> {
                Reply reply =
                        app.router().dispatch(request(member, i % 2 == 0 ? "done" : "undo", Map.of("topic", topicId)));
                if (reply.error()) {
                    throw new IllegalStateException("benchmark write refused: " + reply.content());
                }
            };
        }
        return i -> progress.change(
                i % 2 == 0
                        ? TopicChange.set(GUILD, member, topicId, TopicState.DONE)
                        : TopicChange.clear(GUILD, member, topicId));
    }

    private interface WriterFactory {
        Step create(int writer);
    }

    private static void runWriters(ExecutorService pool, int writers, int steps, WriterFactory factory)
            throws Exception {
        List<Step> prepared = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            prepared.add(factory.create(w));
        }
        List<Future<?>> futures = new ArrayList<>();
        for (Step step : prepared) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < steps; i++) {
                    step.run(i);
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
    }

    private long[] showLatencies(Application app) {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < Math.min(shows, 1000); i++) {
            app.router().dispatch(request(member(random.nextInt(members)), "show", Map.of()));
        }
        long[] nanos = new long[shows];
        for (int i = 0; i < shows; i++) {
            CommandRequest request = request(member(random.nextInt(members)), "show", Map.of());
            long start = System.nanoTime();
            Reply reply = app.router().dispatch(request);
            nanos[i] = System.nanoTime() - start;
            if (reply.error() || reply.fields().isEmpty()) {
                throw new IllegalStateException("benchmark show failed: " + reply.content());
            }
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static CommandRequest request(String member, String sub, Map<String, Object> options) {
        return new CommandRequest(GUILD, member, "Bench " + member, false, "progress", sub, options);
    }

    /** The id of seeded member {@code n}. */
    static String member(int n) {
        return String.valueOf(100_000_000_000_000_000L + n);
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
