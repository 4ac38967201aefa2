package org.roadmapbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapbot.discord.fake.FakeDiscord.focused;
import static org.roadmapbot.discord.fake.FakeDiscord.option;
import static org.roadmapbot.discord.fake.FakeDiscord.subcommand;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.requests.GatewayIntent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.app.AppConfig;
import org.roadmapbot.app.BotProcess;
import org.roadmapbot.core.CommandSpec;
import org.roadmapbot.core.Messenger.DeliveryException;
import org.roadmapbot.core.OptionSpec;
import org.roadmapbot.core.Reply;
import org.roadmapbot.discord.fake.FakeDiscord;
import org.roadmapbot.discord.fake.FakeDiscord.Interaction;
import org.roadmapbot.discord.fake.FakeDiscord.Member;
import org.roadmapbot.discord.fake.RestCall;
import org.roadmapbot.testing.Series;

/**
 * The real bot (the same start-up as `run`, real JDA) against a fake Discord on loopback.
 * Every check is made on what arrived at the fake: registrations, callbacks, messages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordEndToEndTest {

    /** Every data directory and file the test makes, deleted by JUnit after the class. */
    @TempDir
    static Path temp;

    static final Member ALICE = Member.regular("500000000000000001", "alice");
    static final Member BOB_MOD_ROLE =
            Member.regular("500000000000000002", "bob").withRole(FakeDiscord.MOD_ROLE_ID);
    static final Member CAROL_MANAGER = Member.regular("500000000000000003", "carol")
            .withRole(FakeDiscord.MANAGER_ROLE_ID)
            .withPermissions(Permission.MANAGE_SERVER);
    static final Member MALLORY =
            Member.regular("500000000000000004", "mallory").withNick("@everyone free nitro <@&300000000000000002>");

    private FakeDiscord discord;
    private BotProcess bot;
    private TestCommands testCommands;
    private Path dataDir;

    @BeforeAll
    void startBot() throws Exception {
        discord = new FakeDiscord();
        dataDir = Files.createTempDirectory(temp, "roadmap-bot-e2e");
        testCommands = new TestCommands();
        DiscordConfig config = new DiscordConfig(
                DiscordConfig.TokenSource.of(FakeDiscord.TOKEN),
                Optional.of(discord.restUrl()),
                Optional.of(discord.gatewayUrl()),
                List.of(),
                Set.of(FakeDiscord.MOD_ROLE_ID));
        bot = BotProcess.start(
                new AppConfig(dataDir, Optional.empty()).withDiscord(Optional.of(config)), testCommands.all());
    }

    @AfterAll
    void stopBot() throws Exception {
        if (bot != null) {
            bot.close();
        }
        discord.close();
    }

    @Test
    void connectsWithTheTokenAndNoPrivilegedIntent() {
        assertThat(discord.calls().get(0).path()).isEqualTo("users/@me");
        assertThat(discord.calls().get(0).authorization()).isEqualTo("Bot " + FakeDiscord.TOKEN);
        JsonNode identify = discord.gatewayReceived().stream()
                .filter(p -> p.path("op").asInt() == 2)
                .findFirst()
                .orElseThrow();
        assertThat(identify.path("d").path("token").asText()).isEqualTo(FakeDiscord.TOKEN);
        int intents = identify.path("d").path("intents").asInt();
        int privileged = GatewayIntent.getRaw(
                GatewayIntent.GUILD_MEMBERS, GatewayIntent.GUILD_PRESENCES, GatewayIntent.MESSAGE_CONTENT);
        assertThat(intents & privileged).isZero();
        // GUILDS, and GUILD_MESSAGES for mentions and a help channel (not privileged; their text needs MESSAGE_CONTENT,
        // off).
        assertThat(intents).isEqualTo(GatewayIntent.getRaw(GatewayIntent.GUILD_MESSAGES) | 1);
    }

    @Test
    void registersEveryCommandWithItsOptionsAndPermissions() {
        RestCall put = discord.awaitCall(
                "the bulk command registration",
                c -> c.method().equals("PUT") && c.path().equals("applications/" + FakeDiscord.APP_ID + "/commands"));
        List<CommandSpec> specs = bot.application().router().specs();
        List<String> registered = new ArrayList<>();
        put.json().forEach(c -> registered.add(c.path("name").asText()));
        assertThat(registered)
                .containsExactlyElementsOf(specs.stream().map(CommandSpec::name).toList());
        assertThat(registered).contains("ask", "roadmap", "courses", "projects", "help", "board", "purge");

        for (CommandSpec spec : specs) {
            JsonNode command = find(put.json(), spec.name());
            if (spec.kind() == CommandSpec.Kind.MESSAGE) {
                // A message-menu entry (type 3) has no description or options on Discord: the adapter fills them from
                // the message.
                assertThat(command.path("type").asInt()).as(spec.name()).isEqualTo(3);
                assertThat(command.path("options").size()).as(spec.name()).isZero();
                continue;
            }
            assertThat(command.path("description").asText()).isEqualTo(spec.description());
            assertThat(command.path("contexts")).hasSize(1);
            assertThat(command.path("contexts").get(0).asInt())
                    .as("guild-only context")
                    .isZero();
            if (spec.subcommands().isEmpty()) {
                assertOptions(spec.name(), spec.options(), command.path("options"));
            } else {
                for (CommandSpec.SubcommandSpec sub : spec.subcommands()) {
                    JsonNode subNode = find(command.path("options"), sub.name());
                    assertThat(subNode.path("type").asInt()).isEqualTo(1);
                    assertOptions(spec.name() + " " + sub.name(), sub.options(), subNode.path("options"));
                }
            }
        }
        JsonNode ask = find(put.json(), "ask").path("options").get(0);
        assertThat(ask.path("max_length").asInt()).isEqualTo(500);
        assertThat(ask.path("required").asBoolean()).isTrue();
        assertThat(find(find(put.json(), "courses").path("options"), "language")
                        .path("autocomplete")
                        .asBoolean())
                .isTrue();
        assertThat(find(find(put.json(), "courses").path("options"), "max_price")
                        .path("max_value")
                        .asDouble())
                .isEqualTo(100_000);
        // Moderator-only as a whole: hidden from members without Manage Server (bit 5 = 32).
        assertThat(find(put.json(), "purge").path("default_member_permissions").asText())
                .isEqualTo("32");
        List<String> reasons = new ArrayList<>();
        find(find(put.json(), "purge").path("options"), "reason")
                .path("choices")
                .forEach(c -> reasons.add(c.path("value").asText()));
        assertThat(reasons).containsExactly("spam", "test");
        // Mixed (public show, moderator post): visible to all, the core refuses the moderator part.
        assertThat(find(put.json(), "board").path("default_member_permissions").isNull())
                .isTrue();
        assertThat(find(put.json(), "leaderboard")
                        .path("default_member_permissions")
                        .isNull())
                .isTrue();
        assertThat(find(put.json(), "ask").path("default_member_permissions").isNull())
                .isTrue();
    }

    private static void assertOptions(String path, List<OptionSpec> specs, JsonNode options) {
        assertThat(options.size()).as("options of /" + path).isEqualTo(specs.size());
        for (OptionSpec spec : specs) {
            JsonNode o = find(options, spec.name());
            assertThat(o.path("type").asInt())
                    .as(path + " " + spec.name())
                    .isEqualTo(SlashCommands.type(spec.type()).getKey());
            assertThat(o.path("description").asText()).isEqualTo(spec.description());
            assertThat(o.path("required").asBoolean()).isEqualTo(spec.required());
            assertThat(o.path("autocomplete").asBoolean())
                    .isEqualTo(spec.autocomplete() && spec.choices().isEmpty());
            assertThat(o.path("choices").size()).isEqualTo(spec.choices().size());
            if (spec.minValue() != null) {
                assertThat(o.path("min_value").asDouble()).isEqualTo(spec.minValue());
            }
        }
    }

    private static JsonNode find(JsonNode array, String name) {
        for (JsonNode n : array) {
            if (n.path("name").asText().equals(name)) {
                return n;
            }
        }
        throw new AssertionError("no " + name + " in " + array);
    }

    @Test
    void askGetsTheRightAnswerWithMentionsOff() {
        Interaction asked = discord.slash(
                ALICE, "ask", option("question", 3, "How long does it take to become a backend developer?"));
        RestCall callback = discord.awaitCallback(asked);
        assertThat(callback.callbackType()).isEqualTo(4);
        assertThat(callback.visibleText()).contains("6-10 months").contains("faq-how-long");
        assertThat(callback.ephemeral()).isFalse();
        assertNoMentions(callback);
        // The acknowledgement's latency reaches the operator's metrics once Discord has taken it (none late).
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        double acknowledged = 0;
        while (acknowledged < 1 && System.nanoTime() < deadline) {
            acknowledged = Series.value(
                    bot.application().metrics().scrape(), "roadmapbot_interaction_acknowledgement_seconds_count", "");
            Thread.onSpinWait();
        }
        assertThat(acknowledged).isGreaterThanOrEqualTo(1);
        assertThat(Series.value(
                        bot.application().metrics().scrape(), "roadmapbot_interaction_acknowledgements_late_total", ""))
                .isZero();
    }

    @Test
    void askWithoutAnAnswerRepliesPrivately() {
        Interaction asked = discord.slash(ALICE, "ask", option("question", 3, "what's the weather tomorrow?"));
        RestCall callback = discord.awaitCallback(asked);
        assertThat(callback.visibleText()).contains("won't guess");
        assertThat(callback.ephemeral()).isTrue();
    }

    @Test
    void autocompleteOffersCourseLanguages() {
        Interaction typing = discord.autocomplete(ALICE, "courses", focused("language", 3, "pyt"));
        RestCall callback = discord.awaitCallback(typing);
        assertThat(callback.callbackType()).isEqualTo(8);
        JsonNode choices = callback.json().path("data").path("choices");
        assertThat(choices).hasSize(1);
        assertThat(choices.get(0).path("name").asText()).isEqualTo("Python");
        assertThat(choices.get(0).path("value").asText()).isEqualTo("Python");
    }

    @Test
    void coursesWithOptionsAnswersInAnEmbed() {
        Interaction asked = discord.slash(ALICE, "courses", option("language", 3, "Go"), option("max_price", 10, 50.0));
        RestCall callback = discord.awaitCallback(asked);
        JsonNode embed = callback.message().path("embeds").get(0);
        assertThat(embed.path("title").asText()).isEqualTo("Backend courses");
        assertThat(embed.path("description").asText()).contains("language **Go**");
        // Go at most $50 a month: boot.dev only ($49/mo), as one field.
        assertThat(embed.path("fields").size()).isEqualTo(1);
        assertThat(embed.path("fields").get(0).path("name").asText()).isEqualTo("boot.dev — Backend Learning Path");
        assertThat(embed.path("footer").path("text").asText()).startsWith("Source:");
    }

    @Test
    void nonModeratorIsRefusedPrivately() {
        Interaction post =
                discord.slash(ALICE, "board", subcommand("post", option("channel", 7, FakeDiscord.GENERAL_CHANNEL)));
        RestCall refused = discord.awaitCallback(post);
        assertThat(refused.visibleText()).contains("Only moderators");
        assertThat(refused.ephemeral()).isTrue();

        Interaction purge = discord.slash(ALICE, "purge");
        assertThat(discord.awaitCallback(purge).visibleText()).contains("Only moderators");

        Interaction show = discord.slash(ALICE, "board", subcommand("show", option("page", 4, 2)));
        assertThat(discord.awaitCallback(show).visibleText()).isEqualTo("Board page 2.");
    }

    @Test
    void realLeaderboardPostIsRefusedToANonModeratorAndShowIsPrivateWithAPicture() {
        long postsBefore = leaderboardPosts();
        Interaction post = discord.slash(
                ALICE, "leaderboard", subcommand("post", option("channel", 7, FakeDiscord.GENERAL_CHANNEL)));
        // Leaderboards are acknowledged privately first (a picture may take a moment), then the answer edits it.
        RestCall deferred = discord.awaitCallback(post);
        assertThat(deferred.callbackType()).isEqualTo(5);
        assertThat(deferred.ephemeral()).isTrue();
        RestCall refused = discord.awaitOriginalEdit(post);
        assertThat(refused.visibleText()).contains("Only moderators");
        assertThat(leaderboardPosts()).isEqualTo(postsBefore);

        Interaction show = discord.slash(MALLORY, "leaderboard", subcommand("show"));
        assertThat(discord.awaitCallback(show).ephemeral()).isTrue();
        RestCall shown = discord.awaitOriginalEdit(show);
        assertThat(shown.visibleText()).contains("You haven't completed a topic this week yet");
        assertThat(shown.files()).extracting(RestCall.FilePart::fileName).containsExactly("leaderboard.png");
        assertThat(shown.message()
                        .path("embeds")
                        .get(0)
                        .path("image")
                        .path("url")
                        .asText())
                .isEqualTo("attachment://leaderboard.png");
        assertNoMentions(shown);
    }

    private long leaderboardPosts() {
        return discord.calls().stream()
                .filter(c -> c.method().equals("POST")
                        && c.path().equals("channels/" + FakeDiscord.GENERAL_CHANNEL + "/messages")
                        && c.files().stream().anyMatch(f -> f.fileName().equals("leaderboard.png")))
                .count();
    }

    @Test
    void moderatorPostsTheLeaderboardWithNamesFromDiscordAndMembersWhoLeftLeftOut() {
        Member frank = Member.regular("500000000000000007", "frank").withNick("Frank *the* Learner");
        Member gina = Member.regular("500000000000000008", "gina"); // has progress, then leaves the server
        discord.addGuildMember(frank);
        for (Member m : List.of(frank, gina)) {
            discord.awaitCallback(discord.slash(
                    m, "progress", subcommand("start", option("track", 3, "python"), option("pace", 3, "part-time"))));
            discord.awaitCallback(discord.slash(m, "progress", subcommand("done", option("topic", 3, "http-basics"))));
        }
        Interaction post = discord.slash(
                CAROL_MANAGER,
                "leaderboard",
                subcommand("post", option("channel", 7, FakeDiscord.GENERAL_CHANNEL), option("period", 3, "all-time")));
        // The command hands the post to Discord and answers without waiting for it.
        assertThat(discord.awaitOriginalEdit(post).visibleText()).contains("Posting the all-time leaderboard");
        RestCall posted = discord.awaitCall(
                "the leaderboard post",
                c -> c.method().equals("POST")
                        && c.path().equals("channels/" + FakeDiscord.GENERAL_CHANNEL + "/messages")
                        && c.files().stream().anyMatch(f -> f.fileName().equals("leaderboard.png")));
        assertThat(posted.visibleText())
                .contains("Frank \\*the\\* Learner — 1 topic")
                .doesNotContain("…0008");
        assertThat(posted.message()
                        .path("embeds")
                        .get(0)
                        .path("image")
                        .path("url")
                        .asText())
                .isEqualTo("attachment://leaderboard.png");
        assertNoMentions(posted);
    }

    @Test
    void moderatorsByRoleOrManageServerAreAllowed() {
        Interaction byRole = discord.slash(
                BOB_MOD_ROLE, "board", subcommand("post", option("channel", 7, FakeDiscord.GENERAL_CHANNEL)));
        assertThat(discord.awaitCallback(byRole).visibleText()).startsWith("Posted the board");

        Interaction byPermission = discord.slash(CAROL_MANAGER, "purge", option("reason", 3, "spam"));
        assertThat(discord.awaitCallback(byPermission).visibleText()).isEqualTo("Purged.");
    }

    @Test
    void everyoneInADisplayNameProducesNoMention() {
        Interaction greet = discord.slash(MALLORY, "greet");
        RestCall callback = discord.awaitCallback(greet);
        // The test command echoes the raw name on purpose: the adapter alone must keep it from pinging.
        assertThat(callback.visibleText()).contains("@everyone free nitro");
        assertNoMentions(callback);
    }

    @Test
    void buttonPressReachesTheRouter() throws InterruptedException {
        RestCall greeting = discord.awaitCallback(discord.slash(ALICE, "greet"));
        JsonNode button =
                greeting.message().path("components").get(0).path("components").get(0);
        assertThat(button.path("custom_id").asText()).isEqualTo("2:greet:wave:42");
        assertThat(button.path("label").asText()).isEqualTo("Wave back");

        Interaction press = discord.pressButton(ALICE, "2:greet:wave:42");
        RestCall answer = discord.awaitCallback(press);
        assertThat(answer.visibleText()).isEqualTo("Waved back (wave:42).");
        assertThat(answer.ephemeral()).isTrue();
        assertThat(testCommands.presses.poll(10, TimeUnit.SECONDS))
                .isEqualTo(FakeDiscord.GUILD_ID + "/" + ALICE.id() + "/wave:42");
    }

    @Test
    void buttonPressInADirectMessageReachesTheRouterWithoutAServer() throws InterruptedException {
        Interaction press = discord.pressButtonInDm(ALICE, "greet:wave:dm");
        RestCall answer = discord.awaitCallback(press);
        assertThat(answer.visibleText()).isEqualTo("Waved back (wave:dm).");
        // No server in a DM: the command's custom id must carry whatever it needs.
        assertThat(testCommands.presses.poll(10, TimeUnit.SECONDS)).isEqualTo("/" + ALICE.id() + "/wave:dm");
    }

    @Test
    void unknownButtonGetsAPoliteRefusal() {
        RestCall answer = discord.awaitCallback(discord.pressButton(ALICE, "nothing:here"));
        assertThat(answer.visibleText()).contains("no longer does anything");
        assertThat(answer.ephemeral()).isTrue();
    }

    @Test
    void fullReplyBecomesEmbedWithFileAndButtonRows() {
        RestCall callback = discord.awaitCallback(discord.slash(ALICE, "card"));
        assertThat(callback.files()).hasSize(1);
        assertThat(callback.files().get(0).fileName()).isEqualTo("progress_card.png");
        assertThat(callback.files().get(0).data()).isEqualTo(TestCommands.PNG);
        JsonNode message = callback.message();
        JsonNode embed = message.path("embeds").get(0);
        assertThat(embed.path("title").asText()).isEqualTo("Progress of alice");
        assertThat(embed.path("description").asText()).isEqualTo("Your progress card.");
        assertThat(embed.path("fields").size()).isEqualTo(2);
        assertThat(embed.path("footer").path("text").asText()).isEqualTo("Source: test");
        assertThat(embed.path("image").path("url").asText()).isEqualTo("attachment://progress_card.png");
        assertThat(message.path("components").size()).isEqualTo(2);
        assertThat(message.path("components").get(0).path("components").size()).isEqualTo(5);
        assertThat(message.path("components").get(1).path("components").size()).isEqualTo(2);
        assertThat(callback.ephemeral()).isTrue();
        assertNoMentions(callback);
    }

    @Test
    void slowCommandIsDeferredThenTheOriginalIsEdited() {
        Interaction slow = discord.slash(ALICE, "slow");
        RestCall deferred = discord.awaitCallback(slow);
        assertThat(deferred.callbackType()).isEqualTo(5);
        testCommands.releaseSlow.countDown();
        RestCall edit = discord.awaitOriginalEdit(slow);
        assertThat(edit.message().path("embeds").get(0).path("title").asText()).isEqualTo("Slow card");
        assertThat(edit.files()).extracting(RestCall.FilePart::fileName).containsExactly("card.png");
        assertNoMentions(edit);
    }

    @Test
    void commandUnknownToTheCoreIsRefusedPolitely() {
        RestCall callback = discord.awaitCallback(discord.slash(ALICE, "retired"));
        assertThat(callback.visibleText()).contains("I don't know the command");
        assertThat(callback.ephemeral()).isTrue();
    }

    @Test
    void directMessageOpensTheChannelAndSendsWithoutMentions() throws Exception {
        Member dave = Member.regular("500000000000000005", "dave");
        Delivered.ok(bot.bot()
                .messenger()
                .sendDirect(FakeDiscord.GUILD_ID, dave.id(), Reply.text("Time to study, @everyone!"), null));
        RestCall open = discord.awaitCall(
                "a DM channel",
                c -> c.path().equals("users/@me/channels")
                        && c.json().path("recipient_id").asText().equals(dave.id()));
        assertThat(open.method()).isEqualTo("POST");
        RestCall sent = discord.awaitCall(
                "the DM",
                c -> c.method().equals("POST")
                        && c.path().equals("channels/7" + dave.id().substring(1) + "/messages"));
        assertThat(sent.visibleText()).isEqualTo("Time to study, @everyone!");
        assertNoMentions(sent);
    }

    @Test
    void closedDirectMessagesAreReportedAsSuch() {
        Member erin = Member.regular("500000000000000006", "erin");
        discord.closeDmsOf(erin.id());
        DeliveryException e = Delivered.failure(
                bot.bot().messenger().sendDirect(FakeDiscord.GUILD_ID, erin.id(), Reply.text("nudge"), null));
        assertThat(e.reason()).isEqualTo(DeliveryException.Reason.DMS_CLOSED);
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void channelPostChecksPermissionsFirst() throws Exception {
        var messenger = bot.bot().messenger();
        assertThat(messenger.canPost(FakeDiscord.GUILD_ID, FakeDiscord.GENERAL_CHANNEL))
                .isTrue();
        assertThat(messenger.canPost(FakeDiscord.GUILD_ID, FakeDiscord.LOCKED_CHANNEL))
                .isFalse();
        assertThat(messenger.canPost(FakeDiscord.GUILD_ID, "499999999999999999"))
                .isFalse();

        assertThat(Delivered.failure(messenger.postToChannel(
                                FakeDiscord.GUILD_ID, FakeDiscord.LOCKED_CHANNEL, Reply.text("board"), null))
                        .reason())
                .isEqualTo(DeliveryException.Reason.NO_PERMISSION);
        assertThat(Delivered.failure(messenger.postToChannel(
                                FakeDiscord.GUILD_ID, "499999999999999999", Reply.text("board"), null))
                        .reason())
                .isEqualTo(DeliveryException.Reason.UNKNOWN_TARGET);
        assertThat(discord.calls())
                .noneMatch(c -> c.path().equals("channels/" + FakeDiscord.LOCKED_CHANNEL + "/messages"));

        Delivered.ok(messenger.postToChannel(
                FakeDiscord.GUILD_ID,
                FakeDiscord.GENERAL_CHANNEL,
                Reply.builder("This week's board")
                        .title("Leaderboard")
                        .attachment(new Reply.Attachment("board.png", "image/png", TestCommands.PNG))
                        .build(),
                null));
        RestCall posted = discord.awaitCall(
                "the channel post",
                c -> c.method().equals("POST")
                        && c.path().equals("channels/" + FakeDiscord.GENERAL_CHANNEL + "/messages"));
        assertThat(posted.files()).extracting(RestCall.FilePart::fileName).containsExactly("board.png");
        assertThat(posted.message().path("embeds").get(0).path("title").asText())
                .isEqualTo("Leaderboard");
        assertNoMentions(posted);
    }

    /** Discord pings only what allowed_mentions permits: nothing at all here. */
    static void assertNoMentions(RestCall call) {
        JsonNode allowed = call.message().path("allowed_mentions");
        assertThat(allowed.isObject())
                .as("allowed_mentions present in " + call.json())
                .isTrue();
        assertThat(allowed.path("parse").isArray()).isTrue();
        assertThat(allowed.path("parse").size()).isZero();
        assertThat(allowed.path("users").size()).isZero();
        assertThat(allowed.path("roles").size()).isZero();
    }
}
