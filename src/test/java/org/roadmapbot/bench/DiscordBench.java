package org.roadmapbot.bench;

import static org.roadmapbot.bench.BenchSetup.row;
import static org.roadmapbot.discord.fake.FakeDiscord.focused;
import static org.roadmapbot.discord.fake.FakeDiscord.option;
import static org.roadmapbot.discord.fake.FakeDiscord.subcommand;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import org.roadmapbot.app.AppConfig;
import org.roadmapbot.app.BotProcess;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.Reply;
import org.roadmapbot.discord.DiscordConfig;
import org.roadmapbot.discord.fake.FakeDiscord;
import org.roadmapbot.discord.fake.FakeDiscord.Interaction;
import org.roadmapbot.discord.fake.FakeDiscord.Member;
import org.roadmapbot.discord.fake.FakeDiscord.Realism;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench discord}: the real bot (`run`'s start-up, real JDA) against the fake Discord at
 * 50 ms per REST call and per gateway member request, one request at a time per rate-limit
 * bucket. After a warm-up of every command type but the leaderboard (600 commands: the JIT compiles
 * the paths, as in a bot that has been up a while), a burst of 200 mixed commands from 50 members
 * within one second, the member cache cold;
 * acknowledgement latency is the fake's own measure, from dispatching an interaction to answering
 * its first callback (Discord's 3-second window). Prints rows of the README's benchmark table.
 *
 * <p>{@code -Dbench.trace} prints, per interaction, when its first callback reached the fake and when it was answered.
 */
@Command(
        name = "discord",
        description = "Measure Discord acknowledgement latency of the real bot against the fake Discord.")
public final class DiscordBench implements Callable<Integer> {

    static final Duration WINDOW = Duration.ofSeconds(3);

    @Option(
            names = "--commands",
            description = "Commands in the burst (default: ${DEFAULT-VALUE}).",
            defaultValue = "200")
    int commands;

    @Option(
            names = "--seconds",
            description = "The burst is sent within this many seconds (default: ${DEFAULT-VALUE}).",
            defaultValue = "1")
    double seconds;

    @Option(
            names = "--latency-ms",
            description = "The fake's time per REST call and member request (default: ${DEFAULT-VALUE}).",
            defaultValue = "50")
    int latencyMs;

    @Option(
            names = "--warm-up",
            description = "Commands before the burst, over 10 ms each (default: ${DEFAULT-VALUE}).",
            defaultValue = "600")
    int warmUp;

    @Mixin
    BenchSetup setup;

    @Override
    public Integer call() throws Exception {
        int members = 50;
        try (BenchDirectory directory = setup.directory("roadmap-bot-bench-discord");
                FakeDiscord discord = new FakeDiscord(new Realism(Duration.ofMillis(latencyMs), 0))) {
            Path dir = directory.path();
            DiscordConfig config = new DiscordConfig(
                    DiscordConfig.TokenSource.of(FakeDiscord.TOKEN),
                    Optional.of(discord.restUrl()),
                    Optional.of(discord.gatewayUrl()),
                    List.of(),
                    Set.of());
            try (BotProcess bot =
                    BotProcess.start(new AppConfig(dir, Optional.empty()).withDiscord(Optional.of(config)))) {
                List<Member> learners = seed(bot, discord, members);
                // A warm-up of every command type but the leaderboard (class loading, Java2D's fonts for the
                // pictures), so the burst measures a running bot; the member cache stays cold for the burst.
                // 600 over 6 s: the JIT compiles JDA's and the bot's paths, as in a bot that has been up a while.
                List<Interaction> warm = new ArrayList<>();
                for (int i = 0; i < warmUp; i++) {
                    int roll = new int[] {0, 70, 85, 95}[i % 4];
                    warm.add(command(discord, learners.get(i % members), roll));
                    Thread.sleep(10);
                }
                warm.forEach(discord::awaitCallback);
                Thread.sleep(3000);

                Random random = new Random(13);
                List<Interaction> burst = new ArrayList<>();
                long start = System.nanoTime();
                long gap = (long) (seconds * 1e9 / commands);
                for (int i = 0; i < commands; i++) {
                    LockSupport.parkNanos(Math.max(0, start + i * gap - System.nanoTime()));
                    burst.add(command(discord, learners.get(random.nextInt(members)), random.nextInt(100)));
                }
                double sentIn = (System.nanoTime() - start) / 1e9;
                long[] ms = new long[commands];
                for (int i = 0; i < commands; i++) {
                    discord.awaitCallback(burst.get(i));
                    ms[i] = discord.acknowledgedAfter(burst.get(i))
                            .orElseThrow()
                            .toMillis();
                }
                if (System.getProperty("bench.trace") != null) {
                    for (Interaction i : burst) {
                        System.out.println(i.id() + " arrived "
                                + discord.callbackArrivedAfter(i).orElseThrow().toMillis() + " acked "
                                + discord.acknowledgedAfter(i).orElseThrow().toMillis() + " type "
                                + discord.awaitCallback(i).callbackType());
                    }
                }
                Arrays.sort(ms);
                long missed =
                        Arrays.stream(ms).filter(m -> m > WINDOW.toMillis()).count();
                long deferred = burst.stream()
                        .filter(i -> discord.awaitCallback(i).callbackType() == 5)
                        .count();
                BenchSetup.header();
                String mix =
                        "50 % `/ask`, 15 % `/leaderboard show`, 15 % `/progress show`, 10 % `/roadmap`, 10 % autocomplete";
                row(
                        "mix",
                        commands + " commands from " + members + " members sent within "
                                + String.format(Locale.ROOT, "%.2f s", sentIn) + " after a warm-up of " + warmUp
                                + ", member cache cold: " + mix);
                row(
                        "fake Discord",
                        latencyMs + " ms per REST call and gateway member request, one request at a time per bucket");
                row(
                        "acknowledgement latency p50 / p99 / max",
                        percentile(ms, 50) + " / " + percentile(ms, 99) + " / " + ms[ms.length - 1] + " ms");
                row("acknowledged later than 3 s (missed)", String.valueOf(missed));
                row(
                        "deferred (\"thinking…\", then edited) / answered directly",
                        deferred + " / " + (commands - deferred));
                BenchSetup.machine();
            }
        }
        return 0;
    }

    private static Interaction command(FakeDiscord discord, Member m, int roll) {
        if (roll < 50) {
            return discord.slash(m, "ask", option("question", 3, QUESTIONS[roll % QUESTIONS.length]));
        } else if (roll < 65) {
            return discord.slash(m, "leaderboard", subcommand("show", option("period", 3, "all-time")));
        } else if (roll < 80) {
            return discord.slash(m, "progress", subcommand("show"));
        } else if (roll < 90) {
            return discord.slash(m, "roadmap", option("phase", 4, 1 + roll % 4));
        }
        return discord.autocomplete(m, "courses", focused("language", 3, "Py"));
    }

    private static final String[] QUESTIONS = {
        "how much is boot.dev?",
        "how long does the roadmap take?",
        "what is in phase 2?",
        "which course is free?",
        "what does a backend developer earn?"
    };

    /** Members the fake knows by name, each with some progress (through the router: setup, not measured). */
    private static List<Member> seed(BotProcess bot, FakeDiscord discord, int members) {
        List<Member> learners = new ArrayList<>();
        List<String> topics = List.of("http-basics", "git-basics", "command-line", "data-structures");
        for (int i = 0; i < members; i++) {
            Member m = Member.regular(String.valueOf(500_000_000_000_100_000L + i), "learner" + i);
            learners.add(m);
            discord.addGuildMember(m);
            dispatch(bot, m, "start", java.util.Map.of("track", "python", "pace", "part-time"));
            for (String topic : topics.subList(0, 1 + i % topics.size())) {
                dispatch(bot, m, "done", java.util.Map.of("topic", topic));
            }
        }
        return learners;
    }

    private static void dispatch(BotProcess bot, Member m, String sub, java.util.Map<String, Object> options) {
        Reply reply = bot.application()
                .router()
                .dispatch(new CommandRequest(
                        FakeDiscord.GUILD_ID, m.id(), m.username(), false, "progress", sub, options));
        if (reply.error()) {
            throw new IllegalStateException("bench setup failed: " + reply.content());
        }
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
