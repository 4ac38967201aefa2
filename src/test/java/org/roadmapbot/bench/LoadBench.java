package org.roadmapbot.bench;

import static org.roadmapbot.bench.BenchSetup.row;

import io.micrometer.core.instrument.FunctionCounter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.roadmapbot.app.Application;
import org.roadmapbot.discord.DiscordBot;
import org.roadmapbot.knowledge.AskCommand;
import org.roadmapbot.ops.MicrometerBotMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `bench load`: the command mix (70 % ask, 20 % progress, 10 % leaderboard) from many threads
 * through the command core, against the embedded default (a fresh H2 file, as a new install
 * has), unless ROADMAP_BOT_DB_URL points elsewhere. First a short closed-loop run finds the
 * most the bot can do; then the soak offers a fixed rate (the goal: 2,000 commands/s) for
 * --duration and reports throughput, latency percentiles, errors and the heap before and after.
 */
@Command(name = "load", description = "Command mix from many threads: throughput, p99, errors, heap after a soak.")
public final class LoadBench implements Callable<Integer> {

    @Option(
            names = "--duration",
            description = "Soak length at the offered rate, e.g. 60s, 10m (default: ${DEFAULT-VALUE}).",
            defaultValue = "60s",
            converter = DurationConverter.class)
    Duration duration;

    @Option(
            names = "--rate",
            description = "Commands/s offered during the soak (default: ${DEFAULT-VALUE}).",
            defaultValue = "2000")
    double rate;

    @Option(
            names = "--max-duration",
            description = "Length of the as-fast-as-possible run; 0 skips it (default: ${DEFAULT-VALUE}).",
            defaultValue = "20s",
            converter = DurationConverter.class)
    Duration maxDuration;

    @Option(
            names = "--warmup",
            description = "Untimed load first (default: ${DEFAULT-VALUE}).",
            defaultValue = "10s",
            converter = DurationConverter.class)
    Duration warmup;

    @Option(
            names = "--threads",
            description = "Commands run at once (default: ${DEFAULT-VALUE}, as the Discord adapter's workers).",
            defaultValue = "" + DiscordBot.WORKERS)
    int threads;

    @Option(
            names = "--members",
            description = "Members taking part, all started on a track (default: ${DEFAULT-VALUE}).",
            defaultValue = "2000")
    int members;

    @Option(
            names = "--roadmap-for-leaderboard",
            description = "Use /roadmap for the 10 %% leaderboard share "
                    + "(to compare: /leaderboard show renders a PNG every time).")
    boolean roadmapForLeaderboard;

    @Mixin
    BenchSetup setup;

    @Option(
            names = "--in-this-jvm",
            description = "Measure in this JVM as it was started, instead of a fresh one "
                    + "with the documented flags (jvm.options, MALLOC_ARENA_MAX=2).")
    boolean inThisJvm;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!inThisJvm) {
            // Memory figures belong to the documented JVM, not to whatever JVM runs `bench`.
            List<String> args = new ArrayList<>(List.of("load", "--in-this-jvm"));
            for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
                if (option.arity().max() == 0) {
                    args.add(option.longestName());
                } else {
                    option.originalStringValues().forEach(v -> args.add(option.longestName() + "=" + v));
                }
            }
            return DocumentedJvm.run(args, System.out);
        }
        try (BenchSetup.Run run = setup.start("roadmap-bot-load")) {
            BenchDirectory directory = run.directory();
            Application app = run.app();
            String database =
                    app.database().isH2() ? "embedded H2 file (the default)" : "external (ROADMAP_BOT_DB_URL)";
            BenchSetup.header();
            LoadDriver driver = new LoadDriver(
                    app.router(),
                    app.knowledge(),
                    new LoadDriver.Settings(threads, members, 42, !roadmapForLeaderboard));
            driver.enrolMembers();
            row(
                    "mix",
                    "70 % `/ask`, 10 % `/progress done`/`undo`, 10 % `/progress show`/`next`, 10 % "
                            + driver.leaderboardLabel());
            row("database, clients, members", database + ", " + threads + " threads, " + members + " members");
            if (!maxDuration.isZero()) {
                LoadDriver.Result max = driver.run(new LoadDriver.Run(warmup, maxDuration, 0));
                row(
                        "most commands/s (as fast as possible, " + Durations.format(maxDuration) + ")",
                        String.format(
                                Locale.ROOT,
                                "%,.0f (p99 %s, %,d errors; process CPU %.2f ms a command)",
                                max.throughput(),
                                ms(max.latency(), 99),
                                max.errors(),
                                max.cpuMillisPerCommand()));
            }
            String fileBefore = directory.databaseSize();
            AnswerCacheGets cacheBefore = AnswerCacheGets.of(app);
            LoadDriver.Result soak = driver.run(new LoadDriver.Run(warmup, duration, rate));
            AnswerCacheGets cacheDuring = AnswerCacheGets.of(app).minus(cacheBefore);
            // Read now: what the bench does next (a compacted copy of the H2 file, to compare sizes)
            // is not the bot's work and moves the resident set by itself (printed too, as a separate row).
            Optional<String> resident = Machine.residentMegabytes()
                    .map(rss -> rss + " MB / "
                            + Machine.peakResidentMegabytes()
                                    .map(p -> p + " MB")
                                    .orElse("n/a"));
            String at = String.format(Locale.ROOT, "%,.0f/s offered for %s", rate, Durations.format(duration));
            row(
                    "commands/s sustained (" + at + ")",
                    String.format(
                            Locale.ROOT,
                            "%,.0f (%,d commands; process CPU %.2f ms a command)",
                            soak.throughput(),
                            soak.commands(),
                            soak.cpuMillisPerCommand()));
            row(
                    "latency p50 / p99 / p99.9 / max",
                    ms(soak.latency(), 50) + " / " + ms(soak.latency(), 99) + " / " + ms(soak.latency(), 99.9) + " / "
                            + String.format(
                                    Locale.ROOT, "%.1f ms", soak.latency().getMaxValue() / 1e6));
            for (var kind : soak.byKind().entrySet()) {
                row(
                        "p99 " + kind.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                        ms(kind.getValue(), 99) + " ("
                                + String.format(
                                        Locale.ROOT, "%,d", kind.getValue().getTotalCount()) + " commands)");
            }
            row(
                    "errors",
                    String.format(Locale.ROOT, "%,d", soak.errors())
                            + (soak.errorSamples().isEmpty() ? "" : " e.g. " + String.join("; ", soak.errorSamples())));
            row(
                    "`/ask` answer cache hit rate, soak and its warm-up (questions drawn from a pool of "
                            + String.format(Locale.ROOT, "%,d", driver.distinctQuestions())
                            + "; a real server's members ask more different ones)",
                    cacheDuring.show());
            LoadDriver.Heap heap = soak.heap();
            row(
                    "heap after a full GC (forced, outside the timed run), after warm-up → after soak",
                    String.format(
                            Locale.ROOT,
                            "%.1f MB → %.1f MB (%+.1f MB)",
                            heap.afterWarmupMb(),
                            heap.afterSoakMb(),
                            heap.growthMb()));
            row(
                    "live heap during the soak, each " + Durations.format(heap.window())
                            + " (MB: the least heap a collection left, nothing forced; * = after a full collection)",
                    heap.windows().stream().map(GcWatch.Window::show).collect(Collectors.joining(", ")));
            LoadDriver.Pauses pauses = soak.collections();
            row("collections during the soak (count, total pause, longest)", pauses.show());
            row(
                    "full collections / promoted to the old generation during the soak",
                    String.format(
                            Locale.ROOT,
                            "%,d / %.0f MB (%.2f KB a command)",
                            pauses.full(),
                            pauses.promotedMb(),
                            soak.commands() == 0 ? 0 : pauses.promotedMb() * 1024 / soak.commands()));
            if (app.database().isH2()) {
                row("H2 file before → after the soak", fileBefore + " → " + directory.databaseSize());
                app.database()
                        .h2File()
                        .ifPresent(file -> row(
                                "H2 file / compacted copy after the soak",
                                StorageBench.sample(app.database(), file).show()));
            }
            resident.ifPresent(rss -> row("process resident memory at the end of the soak / peak until then", rss));
            Machine.residentMegabytes()
                    .ifPresent(
                            rss -> row("process resident memory after the bench's own H2 file figures", rss + " MB"));
            row("JVM flags", "`" + DocumentedJvm.describeThisJvm() + "`");
            row("machine", Machine.describe());
            return soak.errors() == 0 ? 0 : 1;
        }
    }

    /** /ask's answer cache lookups so far, read from the bot's metrics registry as /metrics serves them. */
    record AnswerCacheGets(double hits, double misses) {
        static AnswerCacheGets of(Application app) {
            return new AnswerCacheGets(count(app, "hit"), count(app, "miss"));
        }

        private static double count(Application app, String result) {
            FunctionCounter counter = app.metrics()
                    .registry()
                    .find(MicrometerBotMetrics.CACHE_GETS)
                    .tags("cache", AskCommand.ANSWER_CACHE, "result", result)
                    .functionCounter();
            return counter == null ? 0 : counter.count();
        }

        AnswerCacheGets minus(AnswerCacheGets before) {
            return new AnswerCacheGets(hits - before.hits, misses - before.misses);
        }

        /** "99.8 % (49,901 of 50,002 lookups)". */
        String show() {
            double lookups = hits + misses;
            return lookups == 0
                    ? "no lookups"
                    : String.format(
                            Locale.ROOT, "%.1f %% (%,.0f of %,.0f lookups)", 100 * hits / lookups, hits, lookups);
        }
    }

    private static String ms(Histogram h, double p) {
        return Latencies.ms(h, p);
    }

    /** Lets --duration take 10m, 90s, 1h. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Durations.parse(value);
        }
    }
}
