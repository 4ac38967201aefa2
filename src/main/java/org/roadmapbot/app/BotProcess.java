package org.roadmapbot.app;

import java.util.List;
import org.roadmapbot.core.Command;
import org.roadmapbot.discord.DeferPolicy;
import org.roadmapbot.discord.DiscordBot;
import org.roadmapbot.discord.DiscordConfig;
import org.roadmapbot.discord.DiscordStartException;

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
                .orElseThrow(() -> new StartupException("no Discord token configured (DISCORD_TOKEN or DISCORD_TOKEN_FILE)"));
        Application app = Application.start(config, extraCommands);
        try {
            DiscordBot bot = DiscordBot.start(discord, app.router(), deferPolicy(app));
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

    /**
     * Commands acknowledged before they run: /leaderboard draws a picture and may look members up
     * on Discord, so it is acknowledged privately at once (its replies are private). Anything else
     * answers in milliseconds, and is deferred automatically if it takes more than 1.5 s.
     */
    static DeferPolicy deferPolicy(Application app) {
        return DeferPolicy.of(java.util.Map.of(org.roadmapbot.leaderboard.LeaderboardCommand.NAME, DeferPolicy.Mode.PRIVATE));
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
