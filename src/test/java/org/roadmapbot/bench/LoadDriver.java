package org.roadmapbot.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandRouter;
import org.roadmapbot.core.CommandSpec;
import org.roadmapbot.core.Reply;
import org.roadmapbot.knowledge.Entries;
import org.roadmapbot.knowledge.Entry;
import org.roadmapbot.knowledge.data.KnowledgeBase;
import org.roadmapbot.knowledge.data.RoadmapFile.Topic;

/**
 * Pushes a mix of commands through the command core from many threads, as many members would:
 * 70 % /ask, 20 % /progress (half of it writes: done/undo toggles; half reads: show and next),
 * 10 % /leaderboard (or a stand-in until that command exists). Every command must succeed: a
 * reply marked as an error counts as an error, as does anything thrown.
 *
 * <p>Two ways to drive it: closed loop ({@code rate == 0}: every thread sends its next command
 * as soon as the last one answered, which finds the maximum throughput), or open loop at a fixed
 * offered rate, where latency is measured from when a command was due, not when it was sent, so
 * a stall shows up in the percentiles instead of silently lowering the load.
 */
public final class LoadDriver {

    /**
     * Who takes part: client threads and members (each member is driven by one thread only).
     *
     * @param leaderboard use /leaderboard for its 10 % when the command exists; false puts
     *                    /roadmap in its place (to see what the rest of the mix costs)
     */
    public record Settings(int threads, int members, long seed, boolean leaderboard) {
        public Settings {
            if (threads < 1 || members < threads) {
                throw new IllegalArgumentException("need at least one thread and at least as many members as threads");
            }
        }

        public Settings(int threads, int members, long seed) {
            this(threads, members, seed, true);
        }
    }

    /** One timed run after an untimed warm-up. {@code rate} is commands/s over all threads; 0 = as fast as possible. */
    public record Run(Duration warmup, Duration duration, double rate) {}

    /** The kinds of command in the mix, with their share in percent. */
    public enum Kind {
        ASK(70),
        PROGRESS_WRITE(10),
        PROGRESS_READ(10),
        LEADERBOARD(10);

        final int percent;

        Kind(int percent) {
            this.percent = percent;
        }
    }

    /**
     * The live heap: after a full GC (forced, outside the timed run) after the warm-up and after the soak,
     * and during the soak, per window, the least heap a collection left (read from the collectors'
     * notifications, nothing forced; see {@link GcWatch}).
     */
    public record Heap(double afterWarmupMb, double afterSoakMb, List<GcWatch.Window> windows, Duration window) {
        public double growthMb() {
            return afterSoakMb - afterWarmupMb;
        }
    }

    /**
     * The collections during the timed run (the bench forces none there), by collector (e.g. "Copy" and
     * "MarkSweepCompact" for the serial collector): how often the bot stopped for the collector, for how
     * long in all and at most, the pauses a latency percentile includes; and what the young collections
     * promoted to the old generation, whose filling up is what makes a full collection.
     */
    public record Pauses(List<GcWatch.Collection> collections) {
        /** "Copy 1,008 (6.9 s, longest 12 ms), MarkSweepCompact 3 (0.4 s, longest 160 ms)". */
        public String show() {
            Map<String, List<GcWatch.Collection>> byCollector = new LinkedHashMap<>();
            collections.forEach(c -> byCollector
                    .computeIfAbsent(c.collector(), k -> new ArrayList<>())
                    .add(c));
            List<String> parts = new ArrayList<>();
            byCollector.forEach((name, list) -> parts.add(String.format(
                    Locale.ROOT,
                    "%s %,d (%.1f s, longest %,d ms)",
                    name,
                    list.size(),
                    list.stream().mapToLong(GcWatch.Collection::pauseMillis).sum() / 1000.0,
                    list.stream()
                            .mapToLong(GcWatch.Collection::pauseMillis)
                            .max()
                            .orElse(0))));
            return parts.isEmpty() ? "none" : String.join(", ", parts);
        }

        /** Collections of the whole heap (all of them the collector's own: the bench forces none in the run). */
        public long full() {
            return collections.stream().filter(GcWatch.Collection::full).count();
        }

        /** MB the young collections moved into the old generation. */
        public double promotedMb() {
            return collections.stream().mapToLong(GcWatch.Collection::promoted).sum() / (1024.0 * 1024.0);
        }
    }

    public record Result(
            Run run,
            long commands,
            long errors,
            List<String> errorSamples,
            double seconds,
            Histogram latency,
            Map<Kind, Histogram> byKind,
            Heap heap,
            Pauses collections,
            String leaderboardCommand,
            long cpuNanos) {
        public double throughput() {
            return commands / seconds;
        }

        /**
         * CPU time of the whole process per command during the timed run, in ms: the bot's, the
         * collector's, the JIT's and the bench's own clients'. On a machine shared with other work this
         * moves far less than the throughput does, so it is the figure to compare a change by.
         */
        public double cpuMillisPerCommand() {
            return commands == 0 ? 0 : cpuNanos / 1e6 / commands;
        }
    }

    private static final String GUILD = "load-guild";

    private final CommandRouter router;
    private final KnowledgeBase kb;
    private final Settings settings;
    private final List<String> questions;
    private final List<Topic> topics;
    private final Optional<Leaderboard> leaderboard;
    /** Whether each member's toggle topic is marked done now; member m is only ever driven by thread m % threads. */
    private final boolean[] marked;

    private int runs;

    public LoadDriver(CommandRouter router, KnowledgeBase kb, Settings settings) {
        this.router = router;
        this.kb = kb;
        this.settings = settings;
        this.questions = questions(kb);
        this.topics = kb.topicsForTrack("python");
        this.leaderboard = settings.leaderboard() ? Leaderboard.find(router) : Optional.empty();
        this.marked = new boolean[settings.members()];
    }

    /** Questions members ask: every entry's question hints and titles, plus off-topic ones. */
    public static List<String> questions(KnowledgeBase kb) {
        List<String> pool = new ArrayList<>();
        for (Entry e : Entries.of(kb)) {
            pool.addAll(e.askedAs());
            pool.add("what about " + e.title() + "?");
        }
        pool.addAll(List.of(
                "what's the weather tomorrow?",
                "write me a poem about cats",
                "how do I reverse a linked list in java",
                "who won the football game yesterday?"));
        return List.copyOf(pool);
    }

    /** Enrols every member (python track) through the router, as `/progress start` would. */
    public void enrolMembers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < settings.threads(); t++) {
                int first = t;
                futures.add(pool.submit(() -> {
                    for (int m = first; m < settings.members(); m += settings.threads()) {
                        Reply r = router.dispatch(
                                request(m, "progress", "start", Map.of("track", "python", "pace", "part-time")));
                        if (r.error() && !r.content().contains("already on")) {
                            throw new IllegalStateException("could not enrol a load member: " + r.content());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs the warm-up, then the timed run; {@link #enrolMembers()} must have run once before. */
    public Result run(Run run) throws Exception {
        long seed = settings.seed() + 1000L * runs++;
        Phase warm = phase(run.warmup(), run.rate(), seed ^ 0x77);
        if (warm.errors > 0) {
            throw new IllegalStateException("errors during warm-up: " + warm.errorSamples);
        }
        double afterWarmup = Machine.liveHeapMegabytes();
        try (GcWatch gc = GcWatch.start()) {
            long cpuBefore = Machine.processCpuNanos();
            long from = System.nanoTime();
            Phase soak = phase(run.duration(), run.rate(), seed);
            long to = System.nanoTime();
            long cpu = Machine.processCpuNanos() - cpuBefore;
            // The notification of a collection that ended just before `to` may still be on its way.
            Thread.sleep(200);
            List<GcWatch.Collection> collections = gc.between(from, to);
            Duration window = window(run.duration());
            int windows = (int) Math.max(1, run.duration().toNanos() / window.toNanos());
            double afterSoak = Machine.liveHeapMegabytes();
            return new Result(
                    run,
                    soak.commands,
                    soak.errors,
                    soak.errorSamples,
                    soak.seconds,
                    soak.latency,
                    soak.byKind,
                    new Heap(afterWarmup, afterSoak, GcWatch.windows(collections, from, to, windows), window),
                    new Pauses(collections),
                    leaderboardLabel(),
                    cpu);
        }
    }

    /** Members whose toggle topic the driver left marked done (what the database must hold). */
    public int membersMarked() {
        int n = 0;
        for (boolean m : marked) {
            n += m ? 1 : 0;
        }
        return n;
    }

    /**
     * How many different questions the mix draws /ask's from. Members of a real server ask far more
     * different questions, so /ask's answer cache hits more often here than there.
     */
    public int distinctQuestions() {
        return (int) questions.stream().distinct().count();
    }

    /** The guild every load member is in. */
    public static String guild() {
        return GUILD;
    }

    public String leaderboardLabel() {
        return leaderboard.map(l -> "`/" + l.path() + "`").orElse("`/roadmap` (in place of /leaderboard)");
    }

    private static Duration window(Duration soak) {
        long seconds = Math.max(1, soak.toSeconds() / 10);
        return Duration.ofSeconds(Math.min(60, seconds));
    }

    /** The results of one timed run. */
    private static final class Phase {
        long commands;
        long errors;
        double seconds;
        final List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
        final Histogram latency = Latencies.histogram();
        final Map<Kind, Histogram> byKind = new LinkedHashMap<>();
    }

    private Phase phase(Duration length, double rate, long seed) throws Exception {
        int threads = settings.threads();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Worker>> futures = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + length.toNanos();
        try {
            for (int t = 0; t < threads; t++) {
                Worker w = new Worker(t, new SplittableRandom(seed + t), rate, start, end, stop);
                futures.add(pool.submit(() -> {
                    w.run();
                    return w;
                }));
            }
            Phase phase = new Phase();
            for (Kind k : Kind.values()) {
                phase.byKind.put(k, Latencies.histogram());
            }
            for (Future<Worker> f : futures) {
                Worker w = f.get();
                phase.commands += w.commands;
                phase.errors += w.errors;
                for (Kind k : Kind.values()) {
                    phase.byKind.get(k).add(w.byKind.get(k));
                    phase.latency.add(w.byKind.get(k));
                }
                w.errorSamples.stream()
                        .limit(5 - Math.min(5, phase.errorSamples.size()))
                        .forEach(phase.errorSamples::add);
            }
            phase.seconds = (System.nanoTime() - start) / 1e9;
            return phase;
        } finally {
            stop.set(true);
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    /**
     * One simulated client: its own members (so its toggles never race another thread's), its own histograms,
     * one per kind of command (merged into the run's overall latency afterwards: a histogram is ~200 KB of the
     * heap the bench measures).
     */
    private final class Worker {
        final int id;
        final SplittableRandom random;
        final long start;
        final long end;
        final AtomicBoolean stop;
        final Map<Kind, Histogram> byKind = new LinkedHashMap<>();
        final List<String> errorSamples = new ArrayList<>();
        final int memberCount;
        final double rate;
        long commands;
        long errors;

        Worker(int id, SplittableRandom random, double rate, long start, long end, AtomicBoolean stop) {
            this.id = id;
            this.rate = rate;
            this.random = random;
            this.start = start;
            this.end = end;
            this.stop = stop;
            for (Kind k : Kind.values()) {
                byKind.put(k, Latencies.histogram());
            }
            memberCount = (settings.members() - id + settings.threads() - 1) / settings.threads();
        }

        void run() {
            double perThreadInterval = rate > 0 ? settings.threads() * 1e9 / rate : 0;
            // Stagger the threads' schedules evenly over one interval.
            long due = start + (long) (perThreadInterval * id / settings.threads());
            while (!stop.get()) {
                long now = System.nanoTime();
                if (now >= end) {
                    return;
                }
                if (perThreadInterval > 0) {
                    if (due >= end) {
                        return;
                    }
                    while ((now = System.nanoTime()) < due) {
                        LockSupport.parkNanos(due - now);
                    }
                }
                long from = perThreadInterval > 0 ? due : now;
                Kind kind = pick();
                boolean ok;
                String problem = null;
                try {
                    Reply reply = send(kind);
                    ok = !reply.error();
                    if (!ok) {
                        problem = kind + ": " + reply.content();
                    }
                } catch (RuntimeException e) {
                    ok = false;
                    problem = kind + ": " + e;
                }
                long latency = System.nanoTime() - from;
                Latencies.record(byKind.get(kind), latency);
                commands++;
                if (!ok) {
                    errors++;
                    if (errorSamples.size() < 5) {
                        errorSamples.add(problem);
                    }
                }
                due += (long) perThreadInterval;
            }
        }

        private Kind pick() {
            int roll = random.nextInt(100);
            for (Kind k : Kind.values()) {
                roll -= k.percent;
                if (roll < 0) {
                    return k;
                }
            }
            return Kind.ASK;
        }

        private Reply send(Kind kind) {
            int member = id + random.nextInt(memberCount) * settings.threads();
            return switch (kind) {
                case ASK ->
                    router.dispatch(request(
                            member, "ask", null, Map.of("question", questions.get(random.nextInt(questions.size())))));
                case PROGRESS_WRITE -> {
                    // Each member toggles a topic of its own: done, then undo, so every write is a real change.
                    boolean done = !marked[member];
                    Reply r = router.dispatch(request(
                            member,
                            "progress",
                            done ? "done" : "undo",
                            Map.of("topic", topics.get(member % topics.size()).id())));
                    if (!r.error()) {
                        marked[member] = done;
                    }
                    yield r;
                }
                case PROGRESS_READ ->
                    router.dispatch(request(member, "progress", random.nextBoolean() ? "show" : "next", Map.of()));
                case LEADERBOARD ->
                    leaderboard
                            .map(l -> router.dispatch(request(member, l.command(), l.subcommand(), Map.of())))
                            .orElseGet(() -> router.dispatch(request(member, "roadmap", null, Map.of("phase", (long)
                                    (1 + random.nextInt(kb.phases().size()))))));
            };
        }
    }

    private static CommandRequest request(int member, String command, String sub, Map<String, Object> options) {
        String id = String.valueOf(300_000_000_000_000_000L + member);
        return new CommandRequest(GUILD, id, "Load " + member, false, command, sub, options);
    }

    /**
     * The /leaderboard command once it exists: the command itself if it takes no required
     * option, else its first public subcommand without required options (a "show"-like one first).
     */
    record Leaderboard(String command, String subcommand) {
        String path() {
            return subcommand == null ? command : command + " " + subcommand;
        }

        static Optional<Leaderboard> find(CommandRouter router) {
            return router.spec("leaderboard").flatMap(Leaderboard::of);
        }

        private static Optional<Leaderboard> of(CommandSpec spec) {
            if (spec.moderatorOnly()) {
                return Optional.empty();
            }
            if (spec.subcommands().isEmpty()) {
                return spec.options().stream().anyMatch(o -> o.required())
                        ? Optional.empty()
                        : Optional.of(new Leaderboard(spec.name(), null));
            }
            List<CommandSpec.SubcommandSpec> usable = spec.subcommands().stream()
                    .filter(s -> !s.moderatorOnly() && s.options().stream().noneMatch(o -> o.required()))
                    .toList();
            return usable.stream()
                    .filter(s -> List.of("show", "view", "top", "week").contains(s.name()))
                    .findFirst()
                    .or(() -> usable.stream().findFirst())
                    .map(s -> new Leaderboard(spec.name(), s.name()));
        }
    }
}
