package org.roadmapbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.app.AppConfig;
import org.roadmapbot.app.BotProcess;
import org.roadmapbot.core.Messenger.DeliveryException;
import org.roadmapbot.core.Reply;
import org.roadmapbot.discord.fake.FakeDiscord;
import org.roadmapbot.discord.fake.FakeDiscord.Member;
import org.roadmapbot.discord.fake.RestCall;

/** DISCORD_SHARD_TOTAL / DISCORD_SHARD_IDS: which sessions a process opens, who registers commands, who posts. */
class ShardingTest {

    /** Every data directory and file the test makes, deleted by JUnit after the class. */
    @TempDir
    static Path temp;

    static final Member ALICE = Member.regular("500000000000000001", "alice");
    /** Servers the fake never announces: one on shard 0 of 2, one on shard 1 of 2. */
    static final String OTHER_GUILD_SHARD_0 = "100000000000000002";

    static final String OTHER_GUILD_SHARD_1 = "100000000004194305";
    private static final String GLOBAL_COMMANDS = "applications/" + FakeDiscord.APP_ID + "/commands";

    private static AppConfig config(FakeDiscord discord, Shards shards, List<String> guildIds) throws Exception {
        DiscordConfig discordConfig = new DiscordConfig(
                        DiscordConfig.TokenSource.of(FakeDiscord.TOKEN),
                        Optional.of(discord.restUrl()),
                        Optional.of(discord.gatewayUrl()),
                        guildIds,
                        Set.of())
                .withShards(shards);
        return new AppConfig(Files.createTempDirectory(temp, "roadmap-bot-shard"), Optional.empty())
                .withDiscord(Optional.of(discordConfig));
    }

    private static List<String> identifiedShards(FakeDiscord discord) {
        return discord.gatewayReceived().stream()
                .filter(p -> p.path("op").asInt() == 2)
                .map(p -> p.path("d").path("shard"))
                .map(JsonNode::toString)
                .toList();
    }

    @Test
    void twoShardsInOneProcessOpenTwoSessionsRegisterOnceAndAnswer() throws Exception {
        try (FakeDiscord discord = new FakeDiscord();
                BotProcess bot = BotProcess.start(config(discord, new Shards(2, List.of(0, 1)), List.of()))) {
            assertThat(identifiedShards(discord)).containsExactly("[0,2]", "[1,2]");
            assertThat(bot.bot().shards()).hasSize(2);
            discord.awaitCall(
                    "global registration",
                    c -> c.method().equals("PUT") && c.path().equals(GLOBAL_COMMANDS));
            assertThat(discord.calls())
                    .filteredOn(c -> c.path().equals(GLOBAL_COMMANDS))
                    .hasSize(1);

            RestCall reply = discord.awaitCallback(discord.slash(ALICE, "help"));
            assertThat(reply.visibleText()).contains("Roadmap Study Bot");
        }
    }

    @Test
    void aProcessWithoutShardZeroLeavesGlobalRegistrationToTheOneThatHasIt() throws Exception {
        try (FakeDiscord discord = new FakeDiscord();
                BotProcess bot = BotProcess.start(config(discord, new Shards(2, List.of(1)), List.of()))) {
            assertThat(identifiedShards(discord)).containsExactly("[1,2]");
            assertThat(bot.bot().shards().get(0).getGuilds())
                    .as("the fake's server is on shard 0")
                    .isEmpty();
            assertThat(discord.calls()).noneMatch(c -> c.path().endsWith("/commands"));
        }
    }

    @Test
    void perServerRegistrationIsDoneByTheProcessThatRunsTheServersShard() throws Exception {
        // The fake's server is on shard 0 of 2.
        try (FakeDiscord discord = new FakeDiscord();
                BotProcess bot =
                        BotProcess.start(config(discord, new Shards(2, List.of(1)), List.of(FakeDiscord.GUILD_ID)))) {
            assertThat(discord.calls()).noneMatch(c -> c.path().endsWith("/commands"));
        }
        try (FakeDiscord discord = new FakeDiscord();
                BotProcess bot =
                        BotProcess.start(config(discord, new Shards(2, List.of(0)), List.of(FakeDiscord.GUILD_ID)))) {
            discord.awaitCall(
                    "the server's registration",
                    c -> c.method().equals("PUT")
                            && c.path()
                                    .equals("applications/" + FakeDiscord.APP_ID + "/guilds/" + FakeDiscord.GUILD_ID
                                            + "/commands"));
        }
    }

    /**
     * Discord's REST API is not bound to a shard: a process that does not run a server's shard
     * still posts to its channels by channel id (and DMs go from any shard). Without the server in
     * its cache it cannot check permissions first, so Discord's refusal is what reports them.
     */
    @Test
    void postsToAServerOnAnotherProcesssShardGoOutByChannelIdAndDmsGoFromAnyShard() throws Exception {
        try (FakeDiscord discord = new FakeDiscord();
                BotProcess bot = BotProcess.start(config(discord, new Shards(2, List.of(1)), List.of()))) {
            var messenger = bot.bot().messenger();
            assertThat(messenger.canPost(FakeDiscord.GUILD_ID, FakeDiscord.GENERAL_CHANNEL))
                    .as("another process runs the server: the post itself will tell")
                    .isTrue();
            Delivered.ok(messenger.postToChannel(
                    FakeDiscord.GUILD_ID,
                    FakeDiscord.GENERAL_CHANNEL,
                    Reply.builder("This week's board")
                            .attachment(new Reply.Attachment("board.png", "image/png", TestCommands.PNG))
                            .build(),
                    "leaderboard:" + FakeDiscord.GUILD_ID + ":1"));
            RestCall posted = discord.awaitCall(
                    "the post",
                    c -> c.method().equals("POST")
                            && c.path().equals("channels/" + FakeDiscord.GENERAL_CHANNEL + "/messages"));
            assertThat(posted.visibleText()).contains("This week's board");
            assertThat(posted.files()).extracting(RestCall.FilePart::fileName).containsExactly("board.png");
            assertThat(posted.message().path("enforce_nonce").asBoolean()).isTrue();
            assertThat(posted.message().path("nonce").asText())
                    .isEqualTo(DiscordMessenger.nonce("leaderboard:" + FakeDiscord.GUILD_ID + ":1"));
            DiscordEndToEndTest.assertNoMentions(posted);

            DeliveryException refused = Delivered.failure(
                    messenger.postToChannel(FakeDiscord.GUILD_ID, FakeDiscord.LOCKED_CHANNEL, Reply.text("hi"), null));
            assertThat(refused.reason()).isEqualTo(DeliveryException.Reason.NO_PERMISSION);
            assertThat(refused.getMessage()).contains("50013");

            Delivered.ok(messenger.sendDirect(OTHER_GUILD_SHARD_0, ALICE.id(), Reply.text("Your weekly nudge"), null));
            RestCall dm = discord.awaitCall(
                    "the DM",
                    c -> c.method().equals("POST")
                            && c.path().equals("channels/7" + ALICE.id().substring(1) + "/messages"));
            assertThat(dm.visibleText()).contains("Your weekly nudge");
        }
    }

    @Test
    void shardSettingsComeFromTheEnvironmentAndAreChecked() {
        assertThat(Shards.fromEnvironment(Map.of())).isEqualTo(Shards.none());
        assertThat(Shards.fromEnvironment(Map.of(Shards.TOTAL, "4")).ids()).containsExactly(0, 1, 2, 3);
        assertThat(Shards.fromEnvironment(Map.of(Shards.TOTAL, "8", Shards.IDS, "0-2, 5"))
                        .ids())
                .containsExactly(0, 1, 2, 5);
        Shards two = Shards.fromEnvironment(Map.of(Shards.TOTAL, "2", Shards.IDS, "1"));
        assertThat(two.registersGlobalCommands()).isFalse();
        assertThat(two.runs(OTHER_GUILD_SHARD_1)).isTrue();
        assertThat(two.runs(OTHER_GUILD_SHARD_0)).isFalse();
        assertThat(DiscordConfig.fromEnvironment(Map.of(DiscordConfig.TOKEN, "t", Shards.TOTAL, "2", Shards.IDS, "1"))
                        .orElseThrow()
                        .shards())
                .isEqualTo(two);

        assertThatThrownBy(() -> Shards.fromEnvironment(Map.of(Shards.TOTAL, "2", Shards.IDS, "2")))
                .hasMessageContaining("DISCORD_SHARD_IDS must list shard ids from 0 to 1");
        assertThatThrownBy(() -> Shards.fromEnvironment(Map.of(Shards.IDS, "0")))
                .hasMessageContaining("needs DISCORD_SHARD_TOTAL");
        assertThatThrownBy(() -> Shards.fromEnvironment(Map.of(Shards.TOTAL, "two")))
                .hasMessageContaining("DISCORD_SHARD_TOTAL must be whole numbers");
        assertThatThrownBy(() -> Shards.fromEnvironment(Map.of(Shards.TOTAL, "4", Shards.IDS, "1,1")))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of(DiscordConfig.TOKEN, "t", Shards.TOTAL, "0")))
                .hasMessageContaining("DISCORD_SHARD_TOTAL must be between 1");
    }
}
