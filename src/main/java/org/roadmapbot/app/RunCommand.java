package org.roadmapbot.app;

import java.util.concurrent.Callable;
import org.roadmapbot.images.Images;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** Starts the Discord bot. Until a token is configured it explains how, and exits non-zero. */
@Command(name = "run", description = "Start the Discord bot (needs DISCORD_TOKEN or DISCORD_TOKEN_FILE).")
public final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    static final String HOW_TO = """
            roadmap-bot: no Discord token configured, so the Discord bot cannot start.
              Set DISCORD_TOKEN=<bot token>, or DISCORD_TOKEN_FILE=<path to a file holding it>,
              then run: java -jar target/roadmap-bot.jar
            To try the bot without Discord:
              java -jar target/roadmap-bot.jar console
              java -jar target/roadmap-bot.jar ask "How long does it take to become a backend developer?"
            """;

    @Override
    public Integer call() throws InterruptedException {
        AppConfig config = AppConfig.fromEnvironment(System.getenv());
        if (config.discord().isEmpty()) {
            System.err.print(HOW_TO);
            return 1;
        }
        Images.warmUpInBackground(); // while Discord connects: the first picture is then as fast as the next
        BotProcess bot = BotProcess.start(config);
        // SIGTERM / Ctrl-C: stop taking interactions, let running work finish, then disconnect.
        Thread hook = new Thread(bot::close, "roadmap-bot-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        LOG.info("bot is running; stop it with SIGTERM or Ctrl-C");
        bot.awaitStop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            bot.close(); // the hook is stopping the bot: wait for it
            return 0;
        }
        bot.close();
        LOG.error("Discord ended the session for good (token reset or bot removed?); the bot has stopped");
        return 3;
    }
}
