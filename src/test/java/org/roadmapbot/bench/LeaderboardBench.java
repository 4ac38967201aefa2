package org.roadmapbot.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
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
import java.util.function.IntFunction;
import org.roadmapbot.app.Application;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.Reply;
import org.roadmapbot.images.ProgressCardImage;
import org.roadmapbot.knowledge.data.RoadmapFile.Pace;
import org.roadmapbot.knowledge.data.RoadmapFile.Topic;
import org.roadmapbot.leaderboard.Board;
import org.roadmapbot.leaderboard.LeaderboardImage;
import org.roadmapbot.leaderboard.LeaderboardService;
import org.roadmapbot.leaderboard.Period;
import org.roadmapbot.progress.TopicChange;
import org.roadmapbot.progress.TopicState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `bench leaderboard`: a server of 100,000 members with a year of progress events over 60
 * topics (the roadmap's own topics, then synthetic ids), then the time to compute its
 * leaderboards and to draw them. Uses a fresh temporary data directory unless --data-dir is
 * given, so the figures are for the embedded default (H2 file).
 */
@Command(name = "leaderboard", description = "Measure leaderboard computation and PNG rendering for a large server.")
public final class LeaderboardBench implements Callable<Integer> {

    private static final String GUILD = "bench-guild";

    @Option(
            names = "--members",
            description = "Members in the server (default: ${DEFAULT-VALUE}).",
            defaultValue = "100000")
    int members;

    @Option(
            names = "--topics",
            description = "Topics a member can complete (default: ${DEFAULT-VALUE}).",
            defaultValue = "60")
    int topicCount;

    @Option(
            names = "--boards",
            description = "Leaderboards to time per period (default: ${DEFAULT-VALUE}).",
            defaultValue = "300")
    int boards;

    @Mixin
    BenchSetup setup;

    @Override
    public Integer call() throws Exception {
        try (BenchSetup.Run run = setup.start("roadmap-bot-bench")) {
            Application app = run.app();
            List<String> topics = topicIds(app);
            long seedStart = System.nanoTime();
            long[] rows = seed(app, topics);
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            long rebuildStart = System.nanoTime();
            app.leaderboards().scores().rebuild();
            double rebuildSeconds = (System.nanoTime() - rebuildStart) / 1e9;
            LeaderboardService service = app.leaderboards();

            long[] groupCold = time(20, i -> {
                service.clearCache();
                return service.group(GUILD);
            });
            SplittableRandom random = new SplittableRandom(11);
            String writer = member(0);
            String topic = topics.get(topics.size() - 1);
            // Every timed board follows a member's change, as on a busy server: H2 cannot answer from
            // its result cache, and the scores' version moves (counts recounted in the background).
            Changes changes = i -> app.progress()
                    .change(
                            i % 2 == 0
                                    ? TopicChange.set(GUILD, writer, topic, TopicState.DONE)
                                    : TopicChange.clear(GUILD, writer, topic));
            List<Object[]> perPeriod = new ArrayList<>();
            for (Period period : List.of(Period.WEEK, Period.MONTH, Period.ALL)) {
                afterChange(
                        changes,
                        Math.min(boards, 100),
                        i -> service.board(
                                GUILD,
                                period,
                                1,
                                LeaderboardService.PAGE_SIZE,
                                member(random.nextInt(members)),
                                "Bench"));
                long[] nanos = afterChange(
                        changes,
                        boards,
                        i -> service.board(
                                GUILD,
                                period,
                                1,
                                LeaderboardService.PAGE_SIZE,
                                member(random.nextInt(members)),
                                "Bench"));
                Board sample = service.board(GUILD, period, 1, LeaderboardService.PAGE_SIZE, null, null);
                perPeriod.add(new Object[] {period, nanos, sample.ranked()});
            }
            long[] page5 = afterChange(
                    changes,
                    boards,
                    i -> service.board(
                            GUILD,
                            Period.ALL,
                            5,
                            LeaderboardService.PAGE_SIZE,
                            member(random.nextInt(members)),
                            "Bench"));
            // The recount of members per count, which runs in the background (at most once a second).
            long[] recount = afterChange(
                    changes,
                    Math.min(boards, 50),
                    i -> app.leaderboards()
                            .scores()
                            .histogram(
                                    GUILD,
                                    Period.ALL.key(
                                            app.leaderboards().clock().instant(),
                                            app.leaderboards().config().zone())));
            // Nothing cached: the first board of a server after start awaits the counts and the group view.
            long[] coldAll = afterChange(changes, Math.min(boards, 50), i -> {
                service.clearCache();
                return service.board(
                        GUILD, Period.ALL, 1, LeaderboardService.PAGE_SIZE, member(random.nextInt(members)), "Bench");
            });
            long[] command = afterChange(changes, boards, i -> {
                Reply r = app.router()
                        .dispatch(new CommandRequest(
                                GUILD,
                                member(random.nextInt(members)),
                                "Bench",
                                false,
                                "leaderboard",
                                "show",
                                Map.of("period", "week")));
                if (r.error() || r.attachments().isEmpty()) {
                    throw new IllegalStateException("benchmark /leaderboard show failed: " + r.content());
                }
                return r;
            });
            Board top10 = service.board(GUILD, Period.WEEK, 1, 10, null, null);
            Board top25 = service.board(GUILD, Period.WEEK, 1, 25, null, null);
            time(50, i -> LeaderboardImage.render(top10, null));
            long[] png10 = time(200, i -> LeaderboardImage.render(top10, null));
            long[] png25 = time(200, i -> LeaderboardImage.render(top25, null));
            byte[] sampleBytes = LeaderboardImage.render(top10, null);
            ProgressCardImage.Card card = new ProgressCardImage.Card(
                    "Bench member",
                    "Member",
                    "Python track · part-time pace",
                    "42% · on track",
                    42,
                    app.knowledge().phases().stream()
                            .map(p -> new ProgressCardImage.PhaseBar("Phase " + p.number() + " · " + p.title(), 3, 7))
                            .toList());
            time(50, i -> ProgressCardImage.render(card));
            long[] cardNanos = time(200, i -> ProgressCardImage.render(card));

            BenchSetup.header();
            System.out.printf(
                    Locale.ROOT,
                    "| database | %s |%n",
                    app.database().isH2() ? "embedded H2 file" : "external (ROADMAP_BOT_DB_URL)");
            System.out.printf(
                    Locale.ROOT,
                    "| server | %,d members, %d topics, %,d progress events over a year, %,d topic rows (seeded in %.0f s) |%n",
                    members,
                    topics.size(),
                    rows[0],
                    rows[1],
                    seedSeconds);
            System.out.printf(
                    Locale.ROOT,
                    "| scores built from the history (first start after upgrading) | %.1f s |%n",
                    rebuildSeconds);
            for (Object[] p : perPeriod) {
                long[] nanos = (long[]) p[1];
                System.out.printf(
                        Locale.ROOT,
                        "| leaderboard `%s` (top 10 + asker's rank, after a change; %,d ranked), p50 / p99 / max | %.2f / %.2f / %.2f ms |%n",
                        ((Period) p[0]).id(),
                        (long) p[2],
                        ms(nanos, 50),
                        ms(nanos, 99),
                        nanos[nanos.length - 1] / 1e6);
            }
            System.out.printf(
                    Locale.ROOT,
                    "| leaderboard `all-time` page 5, p50 / p99 | %.2f / %.2f ms |%n",
                    ms(page5, 50),
                    ms(page5, 99));
            System.out.printf(
                    Locale.ROOT,
                    "| members-per-count recount, `all-time` (runs in the background, at most once a second), p50 / p99 | %.1f / %.1f ms |%n",
                    ms(recount, 50),
                    ms(recount, 99));
            System.out.printf(
                    Locale.ROOT,
                    "| leaderboard `all-time`, nothing cached (first board of a server after start: counts and group view awaited), p50 / p99 | %.1f / %.1f ms |%n",
                    ms(coldAll, 50),
                    ms(coldAll, 99));
            System.out.printf(
                    Locale.ROOT,
                    "| group view uncached (members per phase, on track, week total), p50 / p99 | %.1f / %.1f ms |%n",
                    ms(groupCold, 50),
                    ms(groupCold, 99));
            System.out.printf(
                    Locale.ROOT,
                    "| `/leaderboard show` full command (board + text + PNG), p50 / p99 | %.1f / %.1f ms |%n",
                    ms(command, 50),
                    ms(command, 99));
            System.out.printf(
                    Locale.ROOT,
                    "| leaderboard PNG render, 10 rows (%,d bytes), p50 / p99 | %.1f / %.1f ms |%n",
                    sampleBytes.length,
                    ms(png10, 50),
                    ms(png10, 99));
            System.out.printf(
                    Locale.ROOT,
                    "| leaderboard PNG render, 25 rows, p50 / p99 | %.1f / %.1f ms |%n",
                    ms(png25, 50),
                    ms(png25, 99));
            System.out.printf(
                    Locale.ROOT,
                    "| progress card PNG render, p50 / p99 | %.1f / %.1f ms |%n",
                    ms(cardNanos, 50),
                    ms(cardNanos, 99));
            System.out.printf(
                    Locale.ROOT,
                    "| machine | %d cores, Java %s |%n",
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
        }
        return 0;
    }

    /** The Python track's topics, then synthetic ids up to --topics (they count on boards, not in percents). */
    private List<String> topicIds(Application app) {
        List<String> ids = new ArrayList<>(
                app.knowledge().topicsForTrack("python").stream().map(Topic::id).toList());
        for (int i = ids.size(); i < topicCount; i++) {
            ids.add(String.format(Locale.ROOT, "bench-topic-%02d", i));
        }
        return ids.subList(0, topicCount);
    }

    /**
     * Each member starts somewhere in the past year and completes a share of the topics spread
     * evenly until now (most members few, some all: u² of the topics); one completion in twenty
     * is undone and redone. Rows go straight into the progress tables in big batches.
     *
     * @return events, topic rows
     */
    private long[] seed(Application app, List<String> topics) throws SQLException {
        SplittableRandom random = new SplittableRandom(42);
        Instant now = app.leaderboards().clock().instant();
        long yearSeconds = Duration.ofDays(365).toSeconds();
        List<String> paces =
                app.knowledge().roadmap().paces().stream().map(Pace::id).toList();
        long events = 0;
        long topicRows = 0;
        try (Connection c = app.database().dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement track = c.prepareStatement(
                            "INSERT INTO member_track (guild_id, member_id, track_id, pace_id, started_at, updated_at) VALUES (?, ?, 'python', ?, ?, ?)");
                    PreparedStatement topic = c.prepareStatement(
                            "INSERT INTO topic_progress (guild_id, member_id, topic_id, state, updated_at) VALUES (?, ?, ?, 'done', ?)");
                    PreparedStatement event = c.prepareStatement(
                            "INSERT INTO progress_event (guild_id, member_id, kind, topic_id, previous_state, occurred_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int m = 0; m < members; m++) {
                    String member = member(m);
                    long startOffset = random.nextLong(yearSeconds);
                    OffsetDateTime started =
                            now.minusSeconds(yearSeconds - startOffset).atOffset(ZoneOffset.UTC);
                    track.setString(1, GUILD);
                    track.setString(2, member);
                    track.setString(3, paces.get(random.nextInt(paces.size())));
                    track.setObject(4, started);
                    track.setObject(5, started);
                    track.addBatch();
                    double u = random.nextDouble();
                    int done = (int) Math.floor(u * u * (topics.size() + 1));
                    long span = yearSeconds - startOffset;
                    for (int t = 0; t < Math.min(done, topics.size()); t++) {
                        OffsetDateTime at = started.plusSeconds((long) (span * (t + random.nextDouble()) / (done + 1)));
                        events += addEvent(event, member, "done", topics.get(t), null, at);
                        if (random.nextInt(20) == 0) {
                            events += addEvent(event, member, "undo", topics.get(t), "done", at.plusMinutes(1));
                            at = at.plusMinutes(2);
                            events += addEvent(event, member, "done", topics.get(t), null, at);
                        }
                        topic.setString(1, GUILD);
                        topic.setString(2, member);
                        topic.setString(3, topics.get(t));
                        topic.setObject(4, at);
                        topic.addBatch();
                        topicRows++;
                    }
                    if (m % 1000 == 999 || m == members - 1) {
                        track.executeBatch();
                        topic.executeBatch();
                        event.executeBatch();
                        c.commit();
                    }
                }
            }
        }
        return new long[] {events, topicRows};
    }

    private static int addEvent(
            PreparedStatement ps, String member, String kind, String topic, String previous, OffsetDateTime at)
            throws SQLException {
        ps.setString(1, GUILD);
        ps.setString(2, member);
        ps.setString(3, kind);
        ps.setString(4, topic);
        ps.setString(5, previous);
        ps.setObject(6, at);
        ps.addBatch();
        return 1;
    }

    private interface Changes {
        void make(int i);
    }

    /** Times {@code work}, each run right after an (untimed) progress change. */
    private static long[] afterChange(Changes changes, int n, IntFunction<Object> work) {
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            changes.make(i);
            long start = System.nanoTime();
            Object result = work.apply(i);
            nanos[i] = System.nanoTime() - start;
            if (result == null) {
                throw new IllegalStateException("benchmark step returned nothing");
            }
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static long[] time(int n, IntFunction<Object> work) {
        return afterChange(i -> {}, n, work);
    }

    private static double ms(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static String member(int n) {
        return String.valueOf(100_000_000_000_000_000L + n);
    }
}
