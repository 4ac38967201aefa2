package org.roadmapbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapbot.discord.DiscordEndToEndTest.assertNoMentions;
import static org.roadmapbot.discord.fake.FakeDiscord.option;
import static org.roadmapbot.discord.fake.FakeDiscord.subcommand;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CalendarIntervalScheduleBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.listeners.JobListenerSupport;
import org.roadmapbot.app.AppConfig;
import org.roadmapbot.app.BotProcess;
import org.roadmapbot.discord.fake.FakeDiscord;
import org.roadmapbot.discord.fake.FakeDiscord.Interaction;
import org.roadmapbot.discord.fake.FakeDiscord.Member;
import org.roadmapbot.discord.fake.RestCall;
import org.roadmapbot.nudges.NudgeConfig;
import org.roadmapbot.nudges.NudgeService;
import org.roadmapbot.nudges.NudgeSettings;
import org.roadmapbot.nudges.SentLog;
import org.roadmapbot.progress.ProgressCommand;

/**
 * The real features through the real bot (the same start-up as `run`: Quartz started with the
 * Discord messenger) against the fake Discord: progress buttons, weekly nudges as DMs with their
 * fallback and disable paths, and the up-front deferral of file replies. Every member here is
 * used by one test only, so the tests do not depend on their order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordFeatureEndToEndTest {

    /** Every data directory and file the test makes, deleted by JUnit after the class. */
    @TempDir
    static Path temp;

    static final String GUILD = FakeDiscord.GUILD_ID;
    static final Member FRANK = Member.regular("500000000000000011", "frank");
    static final Member GINA = Member.regular("500000000000000012", "gina");
    static final Member HANK = Member.regular("500000000000000013", "hank");
    static final Member IVY = Member.regular("500000000000000014", "ivy");
    static final Member JUDY = Member.regular("500000000000000015", "judy");

    private FakeDiscord discord;
    private BotProcess bot;
    private Path dataDir;

    @BeforeAll
    void startBot() throws Exception {
        discord = new FakeDiscord();
        dataDir = Files.createTempDirectory(temp, "roadmap-bot-e2e-features");
        DiscordConfig config = new DiscordConfig(
                DiscordConfig.TokenSource.of(FakeDiscord.TOKEN),
                Optional.of(discord.restUrl()),
                Optional.of(discord.gatewayUrl()),
                List.of(),
                Set.of(FakeDiscord.MOD_ROLE_ID));
        // Study channels for members with closed DMs: the locked one (the bot may not send there) first.
        NudgeConfig nudges = NudgeConfig.defaults()
                .withStudyChannels(List.of(FakeDiscord.LOCKED_CHANNEL, FakeDiscord.GENERAL_CHANNEL))
                .withRetryBackoff(List.of());
        bot = BotProcess.start(new AppConfig(dataDir, Optional.empty())
                .withDiscord(Optional.of(config))
                .withNudges(nudges));
    }

    @AfterAll
    void stopBot() throws Exception {
        if (bot != null) {
            bot.close();
        }
        discord.close();
    }

    // ---------------------------------------------------------------- progress buttons

    @Test
    void aButtonPressMarksATopicDoneInTheDatabase() {
        startRoadmap(FRANK);
        RestCall next = discord.awaitCallback(discord.slash(FRANK, "progress", subcommand("next")));
        assertThat(next.visibleText()).contains("What to study next");
        List<JsonNode> buttons = buttons(next.message());
        assertThat(buttons).hasSize(3);
        String customId = buttons.get(0).path("custom_id").asText();
        assertThat(customId).startsWith("2:progress:done:");
        String topic = customId.substring("2:progress:done:".length());
        assertThat(buttons.get(0).path("label").asText()).startsWith("Mark ").endsWith(" done");
        assertThat(topicState(FRANK, topic)).isEmpty();

        RestCall pressed = discord.awaitCallback(discord.pressButton(FRANK, customId));
        assertThat(pressed.visibleText()).startsWith("✅ Marked **").contains("done");
        assertThat(pressed.ephemeral()).isTrue();
        assertNoMentions(pressed);
        assertThat(topicState(FRANK, topic)).contains("done");
        // Pressed again: nothing changes, and the member is told so.
        RestCall again = discord.awaitCallback(discord.pressButton(FRANK, customId));
        assertThat(again.visibleText()).contains("already marked done");
        assertThat(topicState(FRANK, topic)).contains("done");
    }

    @Test
    void aButtonOnANudgeInADirectMessageMarksTheTopicInItsServer() {
        startRoadmap(JUDY);
        String topic = "variables-functions-control-flow";
        RestCall pressed =
                discord.awaitCallback(discord.pressButtonInDm(JUDY, ProgressCommand.doneButtonId(GUILD, topic)));
        assertThat(pressed.visibleText()).startsWith("✅ Marked **");
        assertThat(topicState(JUDY, topic)).contains("done");

        // A server the member has not started in: a polite private refusal, nothing stored there.
        String elsewhere = "100000000000000777";
        RestCall refused =
                discord.awaitCallback(discord.pressButtonInDm(JUDY, ProgressCommand.doneButtonId(elsewhere, topic)));
        assertThat(refused.visibleText()).contains("Start first");
        assertThat(refused.ephemeral()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM topic_progress WHERE guild_id = ?", elsewhere))
                .isZero();
    }

    // ---------------------------------------------------------------- nudges

    @Test
    void aDueNudgeArrivesAsADirectMessageWhoseButtonMarksTheTopic() throws Exception {
        startRoadmap(GINA);
        turnNudgesOnForThisHour(GINA);
        fireNudgeNow(GINA);

        RestCall open = discord.awaitCall(
                "a DM channel for gina",
                c -> c.method().equals("POST")
                        && c.path().equals("users/@me/channels")
                        && c.json().path("recipient_id").asText().equals(GINA.id()));
        assertThat(open.authorization()).isEqualTo("Bot " + FakeDiscord.TOKEN);
        RestCall dm = discord.awaitCall(
                "the nudge DM",
                c -> c.method().equals("POST") && c.path().equals("channels/" + dmChannel(GINA) + "/messages"));
        JsonNode embed = dm.message().path("embeds").get(0);
        assertThat(embed.path("title").asText()).isEqualTo("Your weekly roadmap nudge");
        assertThat(embed.path("description").asText()).contains("Phase 1 of").contains("Next up:");
        assertThat(embed.path("footer").path("text").asText()).startsWith("Weekly nudge");
        assertNoMentions(dm);

        List<JsonNode> buttons = buttons(dm.message());
        assertThat(buttons).isNotEmpty();
        String customId = buttons.get(0).path("custom_id").asText();
        assertThat(customId).startsWith("2:progress:done:" + GUILD + ":");
        assertThat(buttons.get(0).path("label").asText()).startsWith("Mark ").endsWith(" done");

        SentLog sent =
                bot.application().nudges().repository().latest(GUILD, GINA.id()).orElseThrow();
        assertThat(sent.state()).isEqualTo(SentLog.SENT);
        assertThat(sent.deliveredVia()).contains(SentLog.VIA_DM);
        // The delivery key travels as an enforced nonce, so a retry after a crash is dropped by Discord.
        assertThat(dm.message().path("nonce").asText())
                .isEqualTo(DiscordMessenger.nonce(NudgeService.deliveryKey(GUILD, GINA.id(), sent.isoWeek())));
        assertThat(dm.message().path("enforce_nonce").asBoolean()).isTrue();

        // The member presses the button in the DM: no server there, the custom id carries it.
        String topic = customId.substring(customId.lastIndexOf(':') + 1);
        RestCall pressed = discord.awaitCallback(discord.pressButtonInDm(GINA, customId));
        assertThat(pressed.visibleText()).startsWith("✅ Marked **");
        assertThat(topicState(GINA, topic)).contains("done");
    }

    @Test
    void closedDirectMessagesFallBackToTheFirstStudyChannelTheBotCanPostIn() throws Exception {
        discord.closeDmsOf(HANK.id());
        turnNudgesOnForThisHour(HANK);
        fireNudgeNow(HANK);

        RestCall refusedDm = discord.awaitCall(
                "the refused DM",
                c -> c.method().equals("POST") && c.path().equals("channels/" + dmChannel(HANK) + "/messages"));
        assertThat(refusedDm.message().path("embeds").size()).isEqualTo(1);
        RestCall post = discord.awaitCall(
                "the nudge in the study channel",
                c -> c.method().equals("POST")
                        && c.path().equals("channels/" + FakeDiscord.GENERAL_CHANNEL + "/messages")
                        && c.visibleText().contains("<@" + HANK.id() + ">, your weekly roadmap nudge"));
        assertThat(post.visibleText())
                .contains("I couldn't DM you")
                .contains("`/nudge off`")
                .contains("Start here");
        // No buttons in a channel (anyone could press them), and the name is shown without a ping.
        assertThat(post.message().path("components").size()).isZero();
        assertNoMentions(post);
        // The locked channel was skipped on the bot's permissions, without a request.
        assertThat(discord.calls())
                .noneMatch(c -> c.path().equals("channels/" + FakeDiscord.LOCKED_CHANNEL + "/messages"));

        SentLog sent =
                bot.application().nudges().repository().latest(GUILD, HANK.id()).orElseThrow();
        assertThat(sent.state()).isEqualTo(SentLog.SENT);
        assertThat(sent.deliveredVia()).contains(SentLog.VIA_CHANNEL);
        assertThat(bot.application()
                        .nudges()
                        .settings(GUILD, HANK.id())
                        .orElseThrow()
                        .enabled())
                .isTrue();

        RestCall show = discord.awaitCallback(discord.slash(HANK, "nudge", subcommand("show")));
        assertThat(show.visibleText()).contains("in the study channel (your DMs were closed)");
    }

    @Test
    void closedDirectMessagesWithNoStudyChannelToPostInTurnNudgesOffWithTheReason() throws Exception {
        discord.closeDmsOf(IVY.id());
        turnNudgesOnForThisHour(IVY);
        discord.refusePostsIn(FakeDiscord.GENERAL_CHANNEL, true);
        try {
            fireNudgeNow(IVY);
        } finally {
            discord.refusePostsIn(FakeDiscord.GENERAL_CHANNEL, false);
        }
        discord.awaitCall(
                "the refused DM",
                c -> c.method().equals("POST") && c.path().equals("channels/" + dmChannel(IVY) + "/messages"));

        NudgeSettings settings =
                bot.application().nudges().settings(GUILD, IVY.id()).orElseThrow();
        assertThat(settings.enabled()).isFalse();
        assertThat(settings.disabledReason()).contains(NudgeSettings.DMS_CLOSED);
        SentLog log =
                bot.application().nudges().repository().latest(GUILD, IVY.id()).orElseThrow();
        assertThat(log.state()).isEqualTo(SentLog.FAILED);
        assertThat(log.detail().orElseThrow()).contains("DMs closed");
        assertThat(bot.application().scheduler().quartz().checkExists(NudgeService.jobKey(GUILD, IVY.id())))
                .isFalse();

        RestCall show = discord.awaitCallback(discord.slash(IVY, "nudge", subcommand("show")));
        assertThat(show.visibleText()).contains("**off**").contains("your DMs are closed");
        assertThat(show.ephemeral()).isTrue();
    }

    // ---------------------------------------------------------------- leaderboard posts

    /**
     * The command hands the post to Discord and answers without waiting; Discord then refuses it
     * (a moderator changed the channel meanwhile): the moderator is told by DM and the failure is
     * recorded, never lost silently.
     */
    @Test
    void aPostDiscordRefusesAfterTheReplyIsReportedToTheModeratorByDmAndRecorded() throws Exception {
        Member mod = Member.regular("500000000000000017", "moderator-lee").withRole(FakeDiscord.MOD_ROLE_ID);
        discord.refusePostsIn(FakeDiscord.GENERAL_CHANNEL, true);
        try {
            Interaction post = discord.slash(
                    mod,
                    "leaderboard",
                    subcommand(
                            "post",
                            option("channel", 7, FakeDiscord.GENERAL_CHANNEL),
                            option("period", 3, "all-time")));
            assertThat(discord.awaitOriginalEdit(post).visibleText()).contains("Posting the all-time leaderboard");
            RestCall dm = discord.awaitCall(
                    "the DM to the moderator",
                    c -> c.method().equals("POST") && c.path().equals("channels/" + dmChannel(mod) + "/messages"));
            assertThat(dm.visibleText())
                    .contains("I couldn't post the leaderboard in <#" + FakeDiscord.GENERAL_CHANNEL + ">")
                    .contains("50001");
            assertThat(bot.application().leaderboardPosts().awaitPosts(Duration.ofSeconds(20)))
                    .isTrue();
        } finally {
            discord.refusePostsIn(FakeDiscord.GENERAL_CHANNEL, false);
        }
        assertThat(bot.application().leaderboardPosts().store().failures(GUILD)).anySatisfy(f -> {
            assertThat(f.moderatorId()).isEqualTo(mod.id());
            assertThat(f.scheduled()).isFalse();
            assertThat(f.reason()).isEqualTo("NO_PERMISSION");
            assertThat(f.notified()).isTrue();
        });
    }

    // ---------------------------------------------------------------- deferral and moderators

    @Test
    void privacyExportIsDeferredPrivatelyThenTheOriginalCarriesTheFile() {
        Member kim = Member.regular("500000000000000016", "kim");
        startRoadmap(kim);
        Interaction export = discord.slash(kim, "privacy", subcommand("export"));
        RestCall deferred = discord.awaitCallback(export);
        assertThat(deferred.callbackType()).isEqualTo(5);
        assertThat(deferred.ephemeral()).isTrue();
        RestCall edit = discord.awaitOriginalEdit(export);
        assertThat(edit.files()).singleElement().satisfies(f -> {
            assertThat(f.fileName()).isEqualTo("roadmap-bot-data-" + GUILD + "-" + kim.id() + ".json");
            assertThat(new String(f.data(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("member_track");
        });
        assertNoMentions(edit);
    }

    // ---------------------------------------------------------------- helpers

    private void startRoadmap(Member member) {
        RestCall started = discord.awaitCallback(discord.slash(
                member, "progress", subcommand("start", option("track", 3, "python"), option("pace", 3, "part-time"))));
        assertThat(started.visibleText()).contains("You're on the **Python** track");
    }

    /** The real /nudge on, for today at the current UTC hour: that slot is this week's due time. */
    private void turnNudgesOnForThisHour(Member member) {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        RestCall on = discord.awaitCallback(discord.slash(
                member,
                "nudge",
                subcommand(
                        "on",
                        option("day", 3, now.getDayOfWeek().name().toLowerCase(Locale.ROOT)),
                        option("hour", 4, now.getHour()),
                        option("timezone", 3, "UTC"))));
        assertThat(on.visibleText()).contains("Weekly nudges on");
        assertThat(on.ephemeral()).isTrue();
        assertThat(bot.application()
                        .nudges()
                        .settings(GUILD, member.id())
                        .orElseThrow()
                        .enabled())
                .isTrue();
    }

    /**
     * Makes the member's nudge fire now through real Quartz, and waits for its outcome to be recorded.
     * The settings are dated a day back (as if /nudge on ran yesterday), so this hour's slot
     * counts as due; the member's trigger is replaced by a weekly one whose first fire is in half a second.
     */
    private void fireNudgeNow(Member member) throws Exception {
        NudgeService nudges = bot.application().nudges();
        NudgeSettings s = nudges.settings(GUILD, member.id()).orElseThrow();
        nudges.repository()
                .save(NudgeSettings.on(
                        GUILD, member.id(), s.schedule(), Instant.now().minus(Duration.ofDays(1))));
        Scheduler quartz = bot.application().scheduler().quartz();
        JobKey job = NudgeService.jobKey(GUILD, member.id());
        CountDownLatch finished = new CountDownLatch(1);
        String listener = "e2e-" + member.id();
        quartz.getListenerManager().addJobListener(new JobListenerSupport() {
            @Override
            public String getName() {
                return listener;
            }

            @Override
            public void jobWasExecuted(JobExecutionContext context, JobExecutionException e) {
                if (context.getJobDetail().getKey().equals(job)) {
                    finished.countDown();
                }
            }
        });
        try {
            // Weekly like the stored one, but starting in half a second: afterwards it waits a week, as in production.
            Trigger soon = TriggerBuilder.newTrigger()
                    .withIdentity(NudgeService.triggerKey(GUILD, member.id()))
                    .forJob(job)
                    .startAt(Date.from(Instant.now().plusMillis(500)))
                    .withSchedule(CalendarIntervalScheduleBuilder.calendarIntervalSchedule()
                            .withIntervalInWeeks(1)
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
            assertThat(quartz.rescheduleJob(soon.getKey(), soon))
                    .as("the trigger /nudge on stored")
                    .isNotNull();
            assertThat(finished.await(30, TimeUnit.SECONDS))
                    .as("the nudge job ran")
                    .isTrue();
            // The job hands the DM to JDA and returns; the outcome is recorded when Discord answers.
            assertThat(nudges.awaitDeliveries(Duration.ofSeconds(30)))
                    .as("the nudge's outcome recorded")
                    .isTrue();
        } finally {
            quartz.getListenerManager().removeJobListener(listener);
        }
    }

    private static String dmChannel(Member member) {
        return "7" + member.id().substring(1);
    }

    private static List<JsonNode> buttons(JsonNode message) {
        List<JsonNode> buttons = new ArrayList<>();
        for (JsonNode row : message.path("components")) {
            row.path("components").forEach(buttons::add);
        }
        return buttons;
    }

    private Optional<String> topicState(Member member, String topic) {
        try (Connection c = bot.application().database().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT state FROM topic_progress WHERE guild_id = ? AND member_id = ? AND topic_id = ?")) {
            ps.setString(1, GUILD);
            ps.setString(2, member.id());
            ps.setString(3, topic);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, String arg) {
        try (Connection c = bot.application().database().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
