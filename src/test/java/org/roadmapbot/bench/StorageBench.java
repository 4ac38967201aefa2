package org.roadmapbot.bench;

import static org.roadmapbot.bench.BenchSetup.row;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.roadmapbot.app.AppConfig;
import org.roadmapbot.app.Application;
import org.roadmapbot.db.Database;
import org.roadmapbot.db.H2Compaction;
import org.roadmapbot.knowledge.data.RoadmapFile.Topic;
import org.roadmapbot.progress.TopicChange;
import org.roadmapbot.progress.TopicState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `bench storage`: the embedded H2 file against its live data (the size of a compacted copy of
 * it), after a bulk seed, after a clean restart, and every 30 s of a steady realistic write rate
 * (10 progress changes a second, each committed alone as a member's command is).
 */
@Command(
        name = "storage",
        description = "H2 file size against its live data: after seeding, after a clean restart, "
                + "and over time at a steady write rate.")
public final class StorageBench implements Callable<Integer> {

    @Option(
            names = "--members",
            description = "Members stored in bulk first (default: ${DEFAULT-VALUE}).",
            defaultValue = "100000")
    int members;

    @Option(
            names = "--rate",
            description = "Progress changes per second afterwards (default: ${DEFAULT-VALUE}).",
            defaultValue = "10")
    double rate;

    @Option(
            names = "--duration",
            description = "How long to write at that rate (default: ${DEFAULT-VALUE}).",
            defaultValue = "10m",
            converter = LoadBench.DurationConverter.class)
    Duration duration;

    @Option(
            names = "--every",
            description = "Measure the file this often while writing (default: ${DEFAULT-VALUE}).",
            defaultValue = "30s",
            converter = LoadBench.DurationConverter.class)
    Duration every;

    @Mixin
    BenchSetup setup;

    /** One measurement: the file and a compacted copy of it, in bytes. */
    record Sample(long file, long compacted) {
        double ratio() {
            return (double) file / compacted;
        }

        String show() {
            return String.format(Locale.ROOT, "%s / %s (%.2f×)", mb(file), mb(compacted), ratio());
        }
    }

    @Override
    public Integer call() throws Exception {
        try (BenchDirectory directory = setup.directory("roadmap-bot-storage")) {
            AppConfig config = BenchSetup.config(directory.path());
            Application app = Application.start(config);
            Path file;
            try {
                file = app.database()
                        .h2File()
                        .orElseThrow(() -> new IllegalStateException(
                                "bench storage measures the embedded H2 file; unset ROADMAP_BOT_DB_URL"));
            } catch (RuntimeException e) {
                app.close();
                throw e;
            }
            BenchSetup.header();
            List<Topic> topics = app.knowledge().topicsForTrack("python");
            long seedStart = System.nanoTime();
            long rows;
            try {
                rows = ProgressBench.seed(app, topics, members);
            } catch (RuntimeException e) {
                app.close();
                throw e;
            }
            row(
                    "members stored in bulk",
                    String.format(
                            Locale.ROOT,
                            "%,d (%,d rows in %.1f s)",
                            members,
                            rows,
                            (System.nanoTime() - seedStart) / 1e9));
            row(
                    "H2 file / compacted copy after seeding",
                    sample(app.database(), file).show());

            long closeStart = System.nanoTime();
            app.close(); // a clean stop compacts the file
            double closeSeconds = (System.nanoTime() - closeStart) / 1e9;
            long openStart = System.nanoTime();
            app = Application.start(config);
            double openSeconds = (System.nanoTime() - openStart) / 1e9;
            try {
                Sample restarted = sample(app.database(), file);
                row("H2 file / compacted copy after a clean restart", restarted.show());
                row(
                        "clean stop (with compaction) / start again",
                        String.format(Locale.ROOT, "%.1f s / %.1f s", closeSeconds, openSeconds));
                steadyWrites(app, topics, file, restarted.compacted());
            } finally {
                app.close();
            }
            row("machine", Machine.describe());
        }
        return 0;
    }

    /**
     * Writes at {@link #rate} for {@link #duration}, reading the file's size every {@link #every}.
     * Only the size: a compacted copy is made from an online backup, and H2 stops reusing free
     * space while a backup runs (it copies the file as it is), so copying every minute would itself
     * grow the file. The live data is compacted before and after instead; each size is compared with
     * the one before (the smaller, so the ratio printed is never flattered: the data only grows).
     */
    private void steadyWrites(Application app, List<Topic> topics, Path file, long compactedBefore) throws Exception {
        String topicId = topics.get(topics.size() - 1).id(); // one the seed never marks: every change is real
        SplittableRandom random = new SplittableRandom(11);
        AtomicLong writes = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        boolean[] marked = new boolean[members];
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        var unused = writer.scheduleAtFixedRate(
                () -> {
                    int m = random.nextInt(members);
                    String member = ProgressBench.member(m);
                    try {
                        app.progress()
                                .change(
                                        marked[m]
                                                ? TopicChange.clear(ProgressBench.GUILD, member, topicId)
                                                : TopicChange.set(
                                                        ProgressBench.GUILD, member, topicId, TopicState.DONE));
                        marked[m] = !marked[m];
                        writes.incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                    }
                },
                0,
                Math.round(1e9 / rate),
                TimeUnit.NANOSECONDS);
        List<Long> sizes = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (long next = every.toNanos(); next <= duration.toNanos(); next += every.toNanos()) {
                long wait = start + next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                long size = Files.size(file);
                sizes.add(size);
                System.err.printf(
                        Locale.ROOT,
                        "bench storage: %s: file %s (%.2f× the compacted copy before), %,d writes%n",
                        Durations.format(Duration.ofNanos(next)),
                        mb(size),
                        (double) size / compactedBefore,
                        writes.get());
            }
        } finally {
            writer.shutdown();
            writer.awaitTermination(10, TimeUnit.SECONDS);
        }
        Sample after = sample(app.database(), file);
        String at = String.format(Locale.ROOT, "%,.0f writes/s", rate);
        row(
                "progress changes at " + at + " for " + Durations.format(duration),
                String.format(Locale.ROOT, "%,d (%,d failed)", writes.get(), failures.get()));
        row(
                "H2 file every " + Durations.format(every) + " at " + at + " (MB)",
                sizes.stream()
                        .map(size -> String.format(Locale.ROOT, "%.0f", size / 1e6))
                        .collect(Collectors.joining(", ")));
        row("compacted copy before / after the writes", mb(compactedBefore) + " / " + mb(after.compacted()));
        row(
                "largest file / compacted copy ratio at " + at,
                String.format(
                        Locale.ROOT,
                        "%.2f×",
                        sizes.stream().mapToLong(Long::longValue).max().orElse(0) / (double) compactedBefore));
    }

    static Sample sample(Database database, Path file) {
        try {
            long size = Files.size(file); // first: the copy itself appends to the file while it runs
            return new Sample(size, H2Compaction.compactedSize(database.dataSource()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MB", bytes / 1e6);
    }
}
