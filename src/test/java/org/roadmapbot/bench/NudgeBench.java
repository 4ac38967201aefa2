package org.roadmapbot.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.quartz.impl.matchers.GroupMatcher;
import org.roadmapbot.app.Application;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.Messenger;
import org.roadmapbot.core.Reply;
import org.roadmapbot.nudges.NudgeCommand;
import org.roadmapbot.nudges.NudgeService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `bench nudges`: the time to schedule weekly nudges for many members (in bulk: settings rows, then
 * the Quartz jobs and triggers as start-up reconciliation stores them; and one `/nudge on` at a
 * time), `/nudge show` latency, and the heap in use (after GC) before and after, and with the
 * scheduler started over that many triggers. Uses a fresh temporary data directory unless
 * --data-dir is given.
 */
@Command(name = "nudges", description = "Measure scheduling nudges for many members, and the scheduler's heap.")
public final class NudgeBench implements Callable<Integer> {

    private static final String GUILD = "900000000000000001";
    private static final String[] ZONES = {
        "Europe/Berlin",
        "America/New_York",
        "Asia/Kolkata",
        "UTC",
        "America/Sao_Paulo",
        "Australia/Sydney",
        "Africa/Lagos",
        "Asia/Tokyo"
    };
    private static final String[] DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

    @Option(
            names = "--members",
            description = "Members to schedule (default: ${DEFAULT-VALUE}).",
            defaultValue = "50000")
    int members;

    @Option(
            names = "--commands",
            description = "Further members scheduled one `/nudge on` at a time, timed (default: ${DEFAULT-VALUE}).",
            defaultValue = "5000")
    int commands;

    @Option(
            names = "--shows",
            description = "/nudge show calls to time (default: ${DEFAULT-VALUE}).",
            defaultValue = "2000")
    int shows;

    @Mixin
    BenchSetup setup;

    @Override
    public Integer call() throws Exception {
        try (BenchSetup.Run run = setup.start("roadmap-bot-bench")) {
            Application app = run.app();
            long heapBefore = usedHeapAfterGc();
            long bulkStart = System.nanoTime();
            storeSettings(app);
            double settingsSeconds = (System.nanoTime() - bulkStart) / 1e9;
            app.nudges().reconcile(); // one Quartz job + trigger per member, 500 per transaction
            double bulkSeconds = (System.nanoTime() - bulkStart) / 1e9;
            long heapScheduled = usedHeapAfterGc();

            long[] onNanos = schedule(app);
            double commandSeconds = Arrays.stream(onNanos).sum() / 1e9;
            int jobs = app.scheduler()
                    .quartz()
                    .getJobKeys(GroupMatcher.jobGroupEquals(NudgeService.GROUP))
                    .size();
            long[] showNanos = showLatencies(app);

            AtomicInteger delivered = new AtomicInteger();
            long startupStart = System.nanoTime();
            app.startScheduler(counting(delivered)); // reconcile over every member, then Quartz starts
            double startupMs = (System.nanoTime() - startupStart) / 1e6;
            Thread.sleep(2000); // let the scheduler settle (misfire scan, first acquisition)
            long heapRunning = usedHeapAfterGc();

            BenchSetup.header();
            System.out.printf(
                    Locale.ROOT,
                    "| database | %s |%n",
                    app.database().isH2() ? "embedded H2 file, WRITE_DELAY=0" : "external (ROADMAP_BOT_DB_URL)");
            System.out.printf(
                    Locale.ROOT,
                    "| schedule %,d members' weekly nudges in bulk (settings rows, then one Quartz job + "
                            + "trigger each, 500 per transaction) | %.1f s (settings %.1f s + Quartz %.1f s; %,.0f members/s) |%n",
                    members,
                    bulkSeconds,
                    settingsSeconds,
                    bulkSeconds - settingsSeconds,
                    members / bulkSeconds);
            System.out.printf(
                    Locale.ROOT,
                    "| `/nudge on` one member at a time (%,d more members: settings commit + Quartz commit + reply) "
                            + "| %,.0f members/s · p50 %.2f ms · p99 %.2f ms |%n",
                    commands,
                    commands / commandSeconds,
                    percentile(onNanos, 50) / 1e6,
                    percentile(onNanos, 99) / 1e6);
            System.out.printf(Locale.ROOT, "| Quartz jobs stored | %,d |%n", jobs);
            System.out.printf(
                    Locale.ROOT,
                    "| `/nudge show` p50 / p99 (%d calls) | %.3f ms / %.3f ms |%n",
                    shows,
                    percentile(showNanos, 50) / 1e6,
                    percentile(showNanos, 99) / 1e6);
            System.out.printf(
                    Locale.ROOT,
                    "| scheduler start with %,d nudges (reconcile + Quartz start) | %.0f ms |%n",
                    members,
                    startupMs);
            System.out.printf(
                    Locale.ROOT,
                    "| heap used after GC: before / after scheduling / scheduler running | %s / %s / %s |%n",
                    mb(heapBefore),
                    mb(heapScheduled),
                    mb(heapRunning));
            System.out.printf(
                    Locale.ROOT, "| nudges that came due during the run and were delivered | %d |%n", delivered.get());
            System.out.printf(
                    Locale.ROOT,
                    "| machine | %d cores, Java %s, max heap %s |%n",
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"),
                    mb(Runtime.getRuntime().maxMemory()));
        }
        return 0;
    }

    /** Settings rows as `/nudge on` writes them, in batched transactions. */
    private void storeSettings(Application app) throws SQLException {
        SplittableRandom random = new SplittableRandom(42);
        OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
        try (Connection c = app.database().dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO nudge_settings (guild_id, member_id, send_day, send_hour, "
                            + "zone_id, enabled, schedule_from, updated_at) VALUES (?, ?, ?, ?, ?, TRUE, ?, ?)")) {
                for (int m = 0; m < members; m++) {
                    ps.setString(1, GUILD);
                    ps.setString(2, member(m));
                    ps.setInt(3, 1 + random.nextInt(7));
                    ps.setInt(4, random.nextInt(24));
                    ps.setString(5, ZONES[random.nextInt(ZONES.length)]);
                    ps.setObject(6, now);
                    ps.setObject(7, now);
                    ps.addBatch();
                    if (m % 2000 == 1999 || m == members - 1) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
            }
        }
    }

    /** `/nudge on` for {@code commands} further members, one after another; returns each call's time. */
    private long[] schedule(Application app) {
        SplittableRandom random = new SplittableRandom(7);
        long[] nanos = new long[commands];
        for (int i = 0; i < commands; i++) {
            CommandRequest request = request(
                    members + i,
                    NudgeCommand.ON,
                    Map.of(
                            NudgeCommand.DAY, DAYS[random.nextInt(DAYS.length)],
                            NudgeCommand.HOUR, (long) random.nextInt(24),
                            NudgeCommand.TIMEZONE, ZONES[random.nextInt(ZONES.length)]));
            long start = System.nanoTime();
            Reply reply = app.router().dispatch(request);
            nanos[i] = System.nanoTime() - start;
            if (reply.error()) {
                throw new IllegalStateException("benchmark /nudge on refused: " + reply.content());
            }
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private long[] showLatencies(Application app) {
        SplittableRandom random = new SplittableRandom(7);
        long[] nanos = new long[shows];
        for (int i = 0; i < shows; i++) {
            CommandRequest request = request(random.nextInt(members), NudgeCommand.SHOW, Map.of());
            long start = System.nanoTime();
            Reply reply = app.router().dispatch(request);
            nanos[i] = System.nanoTime() - start;
            if (reply.error() || !reply.content().contains("Next:")) {
                throw new IllegalStateException("benchmark /nudge show failed: " + reply.content());
            }
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static Messenger counting(AtomicInteger delivered) {
        return new Messenger() {
            @Override
            public java.util.concurrent.CompletableFuture<Void> sendDirect(
                    String guildId, String memberId, Reply message, String deliveryKey) {
                delivered.incrementAndGet();
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            }

            @Override
            public java.util.concurrent.CompletableFuture<Void> postToChannel(
                    String guildId, String channelId, Reply message, String deliveryKey) {
                delivered.incrementAndGet();
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            }

            @Override
            public boolean canPost(String guildId, String channelId) {
                return false;
            }
        };
    }

    private static CommandRequest request(int member, String sub, Map<String, Object> options) {
        return new CommandRequest(GUILD, member(member), "Bench", false, NudgeCommand.NAME, sub, options);
    }

    private static String member(int n) {
        return String.valueOf(100_000_000_000_000_000L + n);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
