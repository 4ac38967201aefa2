package org.roadmapbot.app;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roadmapbot.core.Command;
import org.roadmapbot.discord.DeferPolicy;
import org.roadmapbot.discord.DiscordBot;
import org.roadmapbot.discord.DiscordConfig;
import org.roadmapbot.discord.DiscordStartException;
import org.roadmapbot.knowledge.AskCommand;
import org.roadmapbot.leaderboard.LeaderboardCommand;
import org.roadmapbot.nudges.NudgeCommand;
import org.roadmapbot.privacy.PrivacyCommand;

/**
 * The running Discord bot: the application core plus its JDA adapter, started and stopped in
 * one order. `run` uses it, and so do the end-to-end tests, so both take the same path.
 */
public final class BotProcess implements AutoCloseable {

    private final Application app;
    private final DiscordBot bot;
    private boolean closed;

    private BotProcess(Application app, DiscordBot bot) {
        this.app = app;
        this.bot = bot;
    }

    public static BotProcess start(AppConfig config) {
        return start(config, List.of());
    }

    /** Starts with extra commands registered beside the built-in ones (tests). */
    public static BotProcess start(AppConfig config, List<Command> extraCommands) {
        DiscordConfig discord = config.discord()
                .orElseThrow(() ->
                        new StartupException("no Discord token configured (DISCORD_TOKEN or DISCORD_TOKEN_FILE)"));
        Application app = Application.start(config, extraCommands);
        try {
            // /health answers from the start (gateway down until connected), so a probe sees start-up.
            GatewayHealth gateway = new GatewayHealth();
            app.serveOps(gateway);
            DiscordBot bot =
                    DiscordBot.start(discord, app.router(), deferPolicy(app), app.metrics(), app.channelMessages());
            gateway.connected(bot);
            // Leaderboards leave out members who left the server, as Discord tells.
            app.useMemberDirectory(bot.memberDirectory());
            // Scheduled nudges and leaderboard posts start once they can be delivered.
            app.startScheduler(bot.messenger());
            return new BotProcess(app, bot);
        } catch (DiscordStartException e) {
            app.close();
            throw new StartupException(e.getMessage(), e);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    /** Commands acknowledged before they run, from what this process has configured. */
    static DeferPolicy deferPolicy(Application app) {
        return deferPolicy(app.phraser().isPresent());
    }

    /**
     * Deferred up front: replies that upload a file or draw a picture, and, with LLM phrasing on, commands that may
     * wait on the model for its whole budget (2.5 s by default, too close to Discord's 3 s).
     * Everything else answers in milliseconds, and is deferred anyway after 1.5 s.
     */
    static DeferPolicy deferPolicy(boolean phrasingOn) {
        Map<String, DeferPolicy.Mode> modes = new HashMap<>();
        // A JSON file of the member's data: private, and an upload can be slow.
        modes.put(PrivacyCommand.NAME + " " + PrivacyCommand.EXPORT, DeferPolicy.Mode.PRIVATE);
        // Leaderboards draw a picture and may look members up on Discord; their replies are private.
        modes.put(LeaderboardCommand.NAME, DeferPolicy.Mode.PRIVATE);
        if (phrasingOn) {
            // Answers are public (a "no answer" turns private: the adapter replaces the thinking message).
            modes.put(AskCommand.NAME, DeferPolicy.Mode.PUBLIC);
            // The nudge is phrased, then DMed: the reply itself is private.
            modes.put(NudgeCommand.NAME + " " + NudgeCommand.TEST, DeferPolicy.Mode.PRIVATE);
        }
        return DeferPolicy.of(modes);
    }

    public Application application() {
        return app;
    }

    public DiscordBot bot() {
        return bot;
    }

    /** Blocks until the bot has stopped: after {@link #close()}, or when Discord ended the session for good. */
    public void awaitStop() throws InterruptedException {
        bot.awaitShutdown();
    }

    /**
     * Graceful stop, safe to call twice and from a shutdown hook: refuse new interactions and let
     * running ones reply; close the application (scheduled jobs finish while Discord is still
     * connected, then the database closes); then disconnect from Discord.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            bot.stopInteractions();
            app.close();
        } finally {
            bot.close();
        }
    }
}
