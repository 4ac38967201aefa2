package org.roadmapbot.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapbot.leaderboard.LeaderboardBot.G;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronTrigger;
import org.quartz.Trigger;
import org.roadmapbot.core.Messenger.DeliveryException;
import org.roadmapbot.core.Reply;
import org.roadmapbot.testing.Series;
import org.roadmapbot.testing.TestBot;

/** Posting to channels, now and weekly: moderators only, never lost silently, surviving restarts. */
class LeaderboardPostTest {

    static final String MOD = "mod-1";
    static final String GENERAL = "200";
    static final String LOCKED = "201";

    @TempDir
    Path dir;

    @Test
    void nonModeratorIsRefusedPostScheduleAndUnscheduleWhateverTheirClientShowed() {
        try (LeaderboardBot bot = new LeaderboardBot(dir)) {
            // The request names the moderator subcommands as if Discord had shown them: the core still refuses.
            Reply post = bot.run("alice", false, "leaderboard", "post", "channel", GENERAL);
            Reply schedule = bot.run(
                    "alice",
                    false,
                    "leaderboard",
                    "schedule",
                    "channel",
                    GENERAL,
                    "day",
                    "friday",
                    "hour",
                    18L,
                    "timezone",
                    "UTC");
            Reply unschedule = bot.run("alice", false, "leaderboard", "unschedule");

            for (Reply r : List.of(post, schedule, unschedule)) {
                assertThat(r.error()).isTrue();
                assertThat(r.ephemeral()).isTrue();
                assertThat(r.content()).startsWith("Only moderators");
            }
            assertThat(bot.messenger.posts).isEmpty();
            assertThat(bot.posts.store().find(G)).isEmpty();
            assertThat(bot.posts.nextPost(G)).isEmpty();
            // Anyone may look.
            assertThat(bot.run("alice", false, "leaderboard", "show").error()).isFalse();
        }
    }

    @Test
    void moderatorPostsTheBoardWithItsPicture() {
        try (LeaderboardBot bot = new LeaderboardBot(dir)) {
            bot.start("alice");
            bot.done("alice", 0);
            Reply reply =
                    bot.run(MOD, true, "leaderboard", "post", "channel", GENERAL, "period", "all-time", "top", 5L);

            assertThat(reply.error()).isFalse();
            assertThat(reply.ephemeral()).isTrue();
            assertThat(reply.content()).contains("Posted the all-time leaderboard (top 5) in <#" + GENERAL + ">");
            List<Reply> posted = bot.messenger.postsTo(GENERAL);
            assertThat(posted).hasSize(1);
            assertThat(posted.get(0).ephemeral()).isFalse();
            assertThat(posted.get(0).content()).contains("#1", "Member …lice", "1 topic");
            assertThat(posted.get(0).attachments())
                    .extracting(Reply.Attachment::fileName)
                    .containsExactly("leaderboard.png");
            assertThat(posted.get(0).content()).doesNotContain("Your rank");
            assertThat(Series.value(
                            bot.metrics.scrape(),
                            "roadmapbot_leaderboard_posts_total",
                            "outcome=\"posted\",trigger=\"manual\""))
                    .isEqualTo(1);
        }
    }

    @Test
    void postToAChannelTheBotCannotWriteToIsReportedAndRecorded() {
        try (LeaderboardBot bot = new LeaderboardBot(dir)) {
            bot.messenger.blocked.add(LOCKED);
            Reply reply = bot.run(MOD, true, "leaderboard", "post", "channel", LOCKED);

            assertThat(reply.error()).isTrue();
            assertThat(reply.ephemeral()).isTrue();
            assertThat(reply.content())
                    .contains(
                            "I couldn't post the leaderboard in <#" + LOCKED + ">",
                            "Send Messages",
                            "Nothing was posted");
            assertThat(bot.messenger.posts).isEmpty();
            List<ScheduleStore.Failure> failures = bot.posts.store().failures(G);
            assertThat(failures).singleElement().satisfies(f -> {
                assertThat(f.channelId()).isEqualTo(LOCKED);
                assertThat(f.moderatorId()).isEqualTo(MOD);
                assertThat(f.scheduled()).isFalse();
                assertThat(f.reason()).isEqualTo(DeliveryException.Reason.NO_PERMISSION.name());
            });
            assertThat(Series.value(
                            bot.metrics.scrape(),
                            "roadmapbot_leaderboard_posts_total",
                            "outcome=\"failed\",trigger=\"manual\""))
                    .isEqualTo(1);
        }
    }

    @Test
    void weeklyScheduleSurvivesARestartAndPostsWhenItFires() throws Exception {
        Date next;
        try (LeaderboardBot bot = new LeaderboardBot(dir)) {
            Reply reply = bot.run(
                    MOD,
                    true,
                    "leaderboard",
                    "schedule",
                    "channel",
                    GENERAL,
                    "day",
                    "friday",
                    "hour",
                    18L,
                    "timezone",
                    "Europe/Berlin");
            assertThat(reply.error()).isFalse();
            assertThat(reply.content())
                    .contains("Every Friday at 18:00 (Europe/Berlin)", "<#" + GENERAL + ">", "First post: Friday");
            Trigger trigger = bot.posts.quartz().getTrigger(LeaderboardPosts.triggerKey(G));
            next = trigger.getNextFireTime();
            // Scheduling again replaces, never duplicates.
            bot.run(
                    MOD,
                    true,
                    "leaderboard",
                    "schedule",
                    "channel",
                    GENERAL,
                    "day",
                    "friday",
                    "hour",
                    18L,
                    "timezone",
                    "Europe/Berlin");
            assertThat(bot.posts
                            .quartz()
                            .getTriggerKeys(
                                    org.quartz.impl.matchers.GroupMatcher.triggerGroupEquals(LeaderboardPosts.GROUP)))
                    .hasSize(1);
        }
        try (LeaderboardBot bot = new LeaderboardBot(dir)) {
            CronTrigger stored = (CronTrigger) bot.posts.quartz().getTrigger(LeaderboardPosts.triggerKey(G));
            assertThat(stored).isNotNull();
            assertThat(stored.getNextFireTime()).isEqualTo(next);
            assertThat(stored.getTimeZone().getID()).isEqualTo("Europe/Berlin");
            assertThat(bot.posts.store().find(G)).hasValueSatisfying(s -> {
                assertThat(s.channelId()).isEqualTo(GENERAL);
                assertThat(s.moderatorId()).isEqualTo(MOD);
            });
            bot.clock.advance(Duration.ofDays(3)); // Thursday: the weekly post shows this week so far
            bot.start("alice");
            bot.done("alice", 0);
            bot.posts.reconcile();
            bot.scheduler.start();
            bot.posts.quartz().triggerJob(LeaderboardPosts.jobKey(G));
            awaitTrue(() -> !bot.messenger.postsTo(GENERAL).isEmpty());
            assertThat(bot.messenger.postsTo(GENERAL).get(0).content()).contains("Member …lice");

            Reply stop = bot.run(MOD, true, "leaderboard", "unschedule");
            assertThat(stop.error()).as(stop.content()).isFalse();
            assertThat(bot.posts.quartz().getTrigger(LeaderboardPosts.triggerKey(G)))
                    .isNull();
            assertThat(bot.run(MOD, true, "leaderboard", "unschedule").error()).isTrue();
        }
    }

    @Test
    void scheduledPostThatCannotBeMadeIsRecordedAndTheModeratorIsTold() throws Exception {
        try (LeaderboardBot bot = new LeaderboardBot(dir)) {
            bot.run(
                    MOD,
                    true,
                    "leaderboard",
                    "schedule",
                    "channel",
                    LOCKED,
                    "day",
                    "monday",
                    "hour",
                    9L,
                    "timezone",
                    "UTC");
            bot.messenger.blocked.add(LOCKED);
            bot.scheduler.start();
            bot.posts.quartz().triggerJob(LeaderboardPosts.jobKey(G));
            awaitTrue(() -> !bot.messenger.dms.isEmpty());

            String[] dm = bot.messenger.dms.get(0);
            assertThat(dm[1]).isEqualTo(MOD);
            assertThat(dm[2])
                    .contains("I couldn't post this week's leaderboard in <#" + LOCKED + ">", "/leaderboard schedule");
            assertThat(bot.messenger.posts).isEmpty();
            awaitTrue(() -> !bot.posts.store().failures(G).isEmpty());
            assertThat(bot.posts.store().failures(G)).singleElement().satisfies(f -> {
                assertThat(f.scheduled()).isTrue();
                assertThat(f.notified()).isTrue();
                assertThat(f.moderatorId()).isEqualTo(MOD);
            });

            // With the moderator's DMs closed too, the failure is still recorded, as not notified.
            bot.messenger.dmsClosed.add(MOD);
            bot.posts.quartz().triggerJob(LeaderboardPosts.jobKey(G));
            awaitTrue(() -> bot.posts.store().failures(G).size() == 2);
            assertThat(bot.posts.store().failures(G).get(0).notified()).isFalse();
            assertThat(Series.value(
                            bot.metrics.scrape(),
                            "roadmapbot_leaderboard_posts_total",
                            "outcome=\"failed\",trigger=\"scheduled\""))
                    .isEqualTo(2);
        }
    }

    @Test
    void scheduleTakesZonesAsNudgesDoAndSaysWhatItReplaced() {
        try (LeaderboardBot bot = new LeaderboardBot(dir)) {
            Reply first = bot.run(
                    MOD,
                    true,
                    "leaderboard",
                    "schedule",
                    "channel",
                    GENERAL,
                    "day",
                    "friday",
                    "hour",
                    18L,
                    "timezone",
                    "europe/berlin");
            assertThat(first.error()).as(first.content()).isFalse();
            assertThat(first.content())
                    .contains("Every Friday at 18:00 (Europe/Berlin)")
                    .doesNotContain("replaces");

            Reply second = bot.run(
                    MOD,
                    true,
                    "leaderboard",
                    "schedule",
                    "channel",
                    LOCKED,
                    "day",
                    "monday",
                    "hour",
                    9L,
                    "timezone",
                    "EST");
            assertThat(second.error()).as(second.content()).isFalse();
            assertThat(second.content())
                    .contains("EST → America/New_York")
                    .contains("This replaces the earlier schedule: <#" + GENERAL
                            + "> every Friday at 18:00 (Europe/Berlin)" + " → <#" + LOCKED
                            + "> every Monday at 09:00 (America/New_York)");
            assertThat(bot.posts.store().find(G)).hasValueSatisfying(s -> {
                assertThat(s.channelId()).isEqualTo(LOCKED);
                assertThat(s.zone()).isEqualTo(java.time.ZoneId.of("America/New_York"));
            });
        }
    }

    @Test
    void aModeratorsPrivacyDeleteKeepsTheServersScheduleAndOnlyDropsTheirName() throws Exception {
        try (LeaderboardBot bot = new LeaderboardBot(dir)) {
            bot.run(
                    MOD,
                    true,
                    "leaderboard",
                    "schedule",
                    "channel",
                    LOCKED,
                    "day",
                    "friday",
                    "hour",
                    18L,
                    "timezone",
                    "UTC");
            Reply confirm = bot.run(MOD, true, "privacy", "delete");
            assertThat(confirm.content()).contains("The server's weekly leaderboard post you set up stays");
            bot.press(MOD, "privacy:confirm-delete");

            assertThat(bot.posts.store().find(G)).hasValueSatisfying(s -> {
                assertThat(s.channelId()).isEqualTo(LOCKED);
                assertThat(s.moderatorId()).isNull();
            });
            assertThat(bot.posts.quartz().getTrigger(LeaderboardPosts.triggerKey(G)))
                    .isNotNull();
            String export = new String(
                    bot.run(MOD, true, "privacy", "export").attachments().get(0).data(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(export).doesNotContain("\"" + LOCKED + "\"");

            // A failed post of a schedule nobody owns is recorded, and no one is DMed.
            bot.messenger.blocked.add(LOCKED);
            bot.scheduler.start();
            bot.posts.quartz().triggerJob(LeaderboardPosts.jobKey(G));
            awaitTrue(() -> !bot.posts.store().failures(G).isEmpty());
            assertThat(bot.posts.store().failures(G)).singleElement().satisfies(f -> {
                assertThat(f.moderatorId()).isNull();
                assertThat(f.notified()).isFalse();
            });
            assertThat(bot.messenger.dms).isEmpty();

            // Another moderator still finds the schedule to stop.
            Reply stop = bot.run("mod2", true, "leaderboard", "unschedule");
            assertThat(stop.error()).as(stop.content()).isFalse();
            assertThat(bot.posts.store().find(G)).isEmpty();
        }
    }

    @Test
    void scheduleRejectsAnUnknownTimeZoneAndChangesNothing() {
        try (LeaderboardBot bot = new LeaderboardBot(dir)) {
            Reply reply = bot.run(
                    MOD,
                    true,
                    "leaderboard",
                    "schedule",
                    "channel",
                    GENERAL,
                    "day",
                    "friday",
                    "hour",
                    18L,
                    "timezone",
                    "Mars/Olympus");
            assertThat(reply.error()).isTrue();
            assertThat(reply.content()).contains("isn't a time zone I know").contains("Nothing was changed");
            assertThat(bot.posts.store().find(G)).isEmpty();
            assertThat(bot.router.autocomplete(
                            new org.roadmapbot.core.CommandRequest(
                                    G, MOD, "m", true, "leaderboard", "schedule", java.util.Map.of()),
                            "timezone",
                            "berl"))
                    .extracting(c -> c.value())
                    .contains("Europe/Berlin");
        }
    }

    @Test
    void weeklyPostsCoverTheWeekJustEndedAtTheStartOfAWeek() {
        try (LeaderboardBot bot =
                new LeaderboardBot(dir, new LeaderboardConfig(ZoneId.of("UTC"), Set.of()), TestBot.T0)) {
            assertThat(bot.service.scheduledPeriod()).isEqualTo(Period.LAST_WEEK); // T0 is a Monday
            bot.clock.advance(Duration.ofDays(4));
            assertThat(bot.service.scheduledPeriod()).isEqualTo(Period.WEEK);
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(50);
        }
    }
}
