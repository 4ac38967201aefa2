package org.roadmapbot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.roadmapbot.app.AppConfig;
import org.roadmapbot.app.Application;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.db.DatabaseConfig;
import org.roadmapbot.discord.fake.FakeDiscord;
import org.roadmapbot.discord.fake.FakeDiscord.Member;
import org.roadmapbot.discord.fake.RestCall;
import org.roadmapbot.leaderboard.LeaderboardPosts;
import org.roadmapbot.leaderboard.ScheduleStore;
import org.roadmapbot.testing.ChildJvm;
import org.roadmapbot.testing.TestPostgres;

/**
 * Two bot processes (separate JVMs, real JDA) on one PostgreSQL with Quartz clustering, sharing
 * one fake Discord: process A runs shard 0, which holds the server; B runs shard 1. The server's
 * weekly leaderboard post is a clustered Quartz job, so it fires on one process, either one. It
 * is delivered exactly once whichever fires it: when B fires it (A in standby), B posts by
 * channel id over REST and looks the names up over REST, without the server's gateway session;
 * when A fires it (B in standby), A posts; with both firing, each run posts once.
 */
class ClusterLeaderboardPostTest {

    @TempDir
    Path dir;

    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void aWeeklyPostIsDeliveredExactlyOnceWhicheverProcessFiresIt() throws Exception {
        DatabaseConfig database = TestPostgres.freshDatabase();
        String url = database.url().orElseThrow();
        // Ada completes a topic now, Bea a week ago: the weekly post covers last week on Mondays and
        // Tuesdays, else this week, so one of them is on it whatever day the test runs.
        Member ada = Member.regular("500000000000000077", "ada").withNick("Ada the Learner");
        Member bea = Member.regular("500000000000000079", "bea").withNick("Bea the Builder");
        Member moderator = Member.regular("500000000000000078", "mod");
        DayOfWeek today = Instant.now().atZone(ZoneOffset.UTC).getDayOfWeek();
        String onTheBoard =
                today == DayOfWeek.MONDAY || today == DayOfWeek.TUESDAY ? "Bea the Builder" : "Ada the Learner";
        try (FakeDiscord discord = new FakeDiscord(new FakeDiscord.Realism(Duration.ofMillis(20), 0))) {
            discord.addGuildMember(ada);
            discord.addGuildMember(bea);
            progress(database, Clock.offset(Clock.systemUTC(), Duration.ofDays(-7)), bea);
            progress(database, Clock.systemUTC(), ada);
            try (Application setup =
                    Application.start(new AppConfig(dir.resolve("setup"), Optional.empty()).withDatabase(database))) {
                // The weekly schedule as /leaderboard schedule stores it (its own trigger is days away).
                setup.leaderboardPosts()
                        .schedule(new ScheduleStore.Schedule(
                                FakeDiscord.GUILD_ID,
                                FakeDiscord.GENERAL_CHANNEL,
                                DayOfWeek.MONDAY,
                                9,
                                ZoneOffset.UTC,
                                moderator.id(),
                                Instant.now()));
            }

            Process a = ChildJvm.start(
                    ClusterBotNode.class,
                    url,
                    dir.resolve("a").toString(),
                    discord.restUrl(),
                    discord.gatewayUrl(),
                    "0");
            Process b = ChildJvm.start(
                    ClusterBotNode.class,
                    url,
                    dir.resolve("b").toString(),
                    discord.restUrl(),
                    discord.gatewayUrl(),
                    "1");
            try (Application control =
                    Application.start(new AppConfig(dir.resolve("control"), Optional.empty()).withDatabase(database))) {
                BufferedReader aOut = ChildJvm.stdout(a);
                BufferedReader bOut = ChildJvm.stdout(b);
                ChildJvm.awaitLineStartingWith(aOut, "READY");
                ChildJvm.awaitLineStartingWith(bOut, "READY");
                PrintStream aIn = new PrintStream(a.getOutputStream(), true, StandardCharsets.UTF_8);
                PrintStream bIn = new PrintStream(b.getOutputStream(), true, StandardCharsets.UTF_8);

                // 1. Only B fires: the process without the server's shard.
                tell(aIn, aOut, "standby", "STANDBY");
                fireThePostOnce(control, discord, 1);
                RestCall byB = posts(discord).get(0);
                assertThat(byB.visibleText()).as("names looked up over REST").contains(onTheBoard);

                // 2. Only A fires: the process with the server's shard.
                tell(aIn, aOut, "start", "STARTED");
                tell(bIn, bOut, "standby", "STANDBY");
                fireThePostOnce(control, discord, 2);

                // 3. Both fire: each run is taken by one process and posted once.
                tell(bIn, bOut, "start", "STARTED");
                for (int i = 0; i < 3; i++) {
                    fireThePostOnce(control, discord, 3 + i);
                }
                Thread.sleep(2000); // a second post of any run would show up now

                List<RestCall> posts = posts(discord);
                assertThat(posts).hasSize(5);
                assertThat(posts.stream()
                                .map(p -> p.message().path("nonce").asText())
                                .distinct())
                        .as("one nonce per run")
                        .hasSize(5);
                assertThat(posts).allSatisfy(p -> {
                    assertThat(p.message().path("enforce_nonce").asBoolean()).isTrue();
                    assertThat(p.files())
                            .extracting(RestCall.FilePart::fileName)
                            .containsExactly("leaderboard.png");
                    assertThat(p.visibleText()).contains(onTheBoard);
                });
                assertThat(discord.duplicateMessages()).isZero();
                // Nothing failed, so nothing was recorded as failed and no moderator was DMed.
                assertThat(discord.calls()).noneMatch(c -> c.path().equals("users/@me/channels"));

                aIn.close();
                bIn.close();
                ChildJvm.awaitLine(aOut, "STOPPED");
                ChildJvm.awaitLine(bOut, "STOPPED");
                assertThat(a.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(b.waitFor(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                a.destroyForcibly();
                b.destroyForcibly();
            }
        }
    }

    /** The member starts the roadmap and completes a topic, at the clock's time. */
    private void progress(DatabaseConfig database, Clock clock, Member m) {
        try (Application app = Application.start(
                new AppConfig(dir.resolve("seed-" + m.id()), Optional.empty()).withDatabase(database), clock)) {
            for (Object[] c : new Object[][] {
                {"start", Map.of("track", "python", "pace", "part-time")}, {"done", Map.of("topic", "http-basics")}
            }) {
                @SuppressWarnings("unchecked")
                Map<String, Object> options = (Map<String, Object>) c[1];
                assertThat(app.router()
                                .dispatch(new CommandRequest(
                                        FakeDiscord.GUILD_ID,
                                        m.id(),
                                        m.username(),
                                        false,
                                        "progress",
                                        (String) c[0],
                                        options))
                                .error())
                        .isFalse();
            }
        }
    }

    /** A one-shot run of the server's weekly post job two seconds from now; waits until the fake has that many posts. */
    private void fireThePostOnce(Application control, FakeDiscord discord, int expectedPosts) throws Exception {
        control.scheduler()
                .quartz()
                .scheduleJob(TriggerBuilder.newTrigger()
                        .withIdentity("run-" + runs.incrementAndGet(), "cluster-test")
                        .forJob(LeaderboardPosts.jobKey(FakeDiscord.GUILD_ID))
                        .startAt(Date.from(Instant.now().plusSeconds(2)))
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                        .build());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (posts(discord).size() < expectedPosts) {
            assertThat(System.nanoTime())
                    .as("post %d delivered within 60 s", expectedPosts)
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static List<RestCall> posts(FakeDiscord discord) {
        return discord.calls().stream()
                .filter(c -> c.method().equals("POST")
                        && c.path().equals("channels/" + FakeDiscord.GENERAL_CHANNEL + "/messages"))
                .toList();
    }

    private static void tell(PrintStream in, BufferedReader out, String command, String answer) throws Exception {
        in.println(command);
        ChildJvm.awaitLine(out, answer);
    }
}
