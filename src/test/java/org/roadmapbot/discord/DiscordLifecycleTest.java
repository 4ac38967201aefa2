package org.roadmapbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.roadmapbot.discord.fake.FakeDiscord.option;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.app.AppConfig;
import org.roadmapbot.app.BotProcess;
import org.roadmapbot.app.StartupException;
import org.roadmapbot.discord.fake.FakeDiscord;
import org.roadmapbot.discord.fake.FakeDiscord.Interaction;
import org.roadmapbot.discord.fake.FakeDiscord.Member;
import org.roadmapbot.discord.fake.RestCall;
import org.slf4j.LoggerFactory;

/** Start-up options and the graceful stop, each with its own bot against its own fake Discord. */
class DiscordLifecycleTest {

    /** Every data directory and file the test makes, deleted by JUnit after the class. */
    @TempDir
    static Path temp;

    static final Member ALICE = Member.regular("500000000000000001", "alice");

    private static AppConfig config(FakeDiscord discord, String token, List<String> guildIds) throws Exception {
        DiscordConfig discordConfig = new DiscordConfig(
                DiscordConfig.TokenSource.of(token),
                Optional.of(discord.restUrl()),
                Optional.of(discord.gatewayUrl()),
                guildIds,
                Set.of());
        return new AppConfig(Files.createTempDirectory(temp, "roadmap-bot-life"), Optional.empty())
                .withDiscord(Optional.of(discordConfig));
    }

    @Test
    void registersPerServerWhenServersAreConfigured() throws Exception {
        try (FakeDiscord discord = new FakeDiscord();
                BotProcess bot = BotProcess.start(config(discord, FakeDiscord.TOKEN, List.of(FakeDiscord.GUILD_ID)))) {
            RestCall put = discord.awaitCall(
                    "the server's command registration",
                    c -> c.method().equals("PUT")
                            && c.path()
                                    .equals("applications/" + FakeDiscord.APP_ID + "/guilds/" + FakeDiscord.GUILD_ID
                                            + "/commands"));
            assertThat(put.json().size())
                    .isEqualTo(bot.application().router().specs().size());
            assertThat(discord.calls())
                    .noneMatch(c -> c.path().equals("applications/" + FakeDiscord.APP_ID + "/commands"));
        }
    }

    @Test
    void stopsTakingInteractionsThenSaysGoodbyeToTheGateway() throws Exception {
        try (FakeDiscord discord = new FakeDiscord()) {
            BotProcess bot = BotProcess.start(config(discord, FakeDiscord.TOKEN, List.of()));
            try {
                RestCall before = discord.awaitCallback(discord.slash(ALICE, "help"));
                assertThat(before.visibleText()).contains("Roadmap Study Bot");

                bot.bot().stopInteractions();
                Interaction late = discord.slash(ALICE, "ask", option("question", 3, "How long does it take?"));
                RestCall refused = discord.awaitCallback(late);
                assertThat(refused.visibleText()).isEqualTo(InteractionHandler.RESTARTING);
                assertThat(refused.ephemeral()).isTrue();
            } finally {
                bot.close();
            }
            assertThat(discord.awaitGatewayClosed(Duration.ofSeconds(20))).isEqualTo(1000);
            bot.close(); // a second close (the shutdown hook and main both call it) is harmless
        }
    }

    @Test
    void rejectedTokenIsAClearStartupErrorThatDoesNotShowTheToken() throws Exception {
        String wrong = "wrong-token.that-must-not-leak";
        try (FakeDiscord discord = new FakeDiscord()) {
            assertThatThrownBy(() -> BotProcess.start(config(discord, wrong, List.of())))
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("rejected the bot token")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong));
            assertThat(discord.calls()).extracting(RestCall::path).containsExactly("users/@me");
        }
    }

    @Test
    void deferPolicyAcknowledgesFirstAndKeepsPrivateRepliesPrivate() throws Exception {
        try (FakeDiscord discord = new FakeDiscord()) {
            AppConfig config = config(discord, FakeDiscord.TOKEN, List.of());
            try (org.roadmapbot.app.Application app = org.roadmapbot.app.Application.start(config);
                    DiscordBot bot = DiscordBot.start(
                            config.discord().orElseThrow(),
                            app.router(),
                            DeferPolicy.of(
                                    Map.of("help", DeferPolicy.Mode.PUBLIC, "roadmap", DeferPolicy.Mode.PRIVATE)))) {
                // /help answers privately: the public "thinking" message is deleted, the answer follows privately.
                Interaction help = discord.slash(ALICE, "help");
                RestCall deferred = discord.awaitCallback(help);
                assertThat(deferred.callbackType()).isEqualTo(5);
                assertThat(deferred.ephemeral()).isFalse();
                discord.awaitCall(
                        "the deletion of the public placeholder",
                        c -> c.method().equals("DELETE")
                                && c.path()
                                        .equals("webhooks/" + FakeDiscord.APP_ID + "/" + help.token()
                                                + "/messages/@original"));
                RestCall followUp = discord.awaitCall(
                        "the private follow-up",
                        c -> c.method().equals("POST")
                                && c.path().equals("webhooks/" + FakeDiscord.APP_ID + "/" + help.token()));
                assertThat(followUp.ephemeral()).isTrue();
                assertThat(followUp.visibleText()).contains("Roadmap Study Bot");

                // Deferred privately: the answer edits the private placeholder.
                Interaction roadmap = discord.slash(ALICE, "roadmap");
                RestCall privateDefer = discord.awaitCallback(roadmap);
                assertThat(privateDefer.callbackType()).isEqualTo(5);
                assertThat(privateDefer.ephemeral()).isTrue();
                assertThat(discord.awaitOriginalEdit(roadmap).visibleText())
                        .contains("Phase 1")
                        .contains("Phase 4");
            }
        }
    }

    @Test
    void gatewayRefusalIsAClearStartupError() throws Exception {
        try (FakeDiscord discord = new FakeDiscord()) {
            discord.rejectIdentifyWith(4014);
            assertThatThrownBy(() -> BotProcess.start(config(discord, FakeDiscord.TOKEN, List.of())))
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("close code 4014");
        }
    }

    @Test
    void theTokenNeverAppearsInLogsEvenAtDebugLevel() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        root.setLevel(Level.DEBUG);
        try (FakeDiscord discord = new FakeDiscord();
                BotProcess bot = BotProcess.start(config(discord, FakeDiscord.TOKEN, List.of()))) {
            discord.awaitCallback(discord.slash(ALICE, "ask", option("question", 3, "How long does it take?")));
            assertThat(bot.application().config().toString()).doesNotContain(FakeDiscord.TOKEN);
        } finally {
            root.setLevel(before);
            root.detachAppender(logs);
        }
        assertThat(logs.list).isNotEmpty();
        for (ILoggingEvent event : logs.list) {
            String text = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            assertThat(text).doesNotContain(FakeDiscord.TOKEN);
        }
    }

    @Test
    void tokenFileIsReadAtStart() throws Exception {
        Path file = Files.createTempFile(temp, "discord-token", ".txt");
        Files.writeString(file, FakeDiscord.TOKEN + "\n");
        try (FakeDiscord discord = new FakeDiscord()) {
            DiscordConfig discordConfig = DiscordConfig.fromEnvironment(java.util.Map.of(
                            DiscordConfig.TOKEN_FILE, file.toString(),
                            DiscordConfig.API_BASE_URL, discord.restUrl(),
                            DiscordConfig.GATEWAY_URL, discord.gatewayUrl()))
                    .orElseThrow();
            AppConfig config = new AppConfig(Files.createTempDirectory(temp, "roadmap-bot-life"), Optional.empty())
                    .withDiscord(Optional.of(discordConfig));
            try (BotProcess bot = BotProcess.start(config)) {
                assertThat(discord.calls().get(0).authorization()).isEqualTo("Bot " + FakeDiscord.TOKEN);
            }
        }
    }
}
