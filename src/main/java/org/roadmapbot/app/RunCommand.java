package org.roadmapbot.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Starts the Discord bot. Until a token is configured it explains how, and exits non-zero. */
@Command(name = "run", description = "Start the Discord bot (needs DISCORD_TOKEN or DISCORD_TOKEN_FILE).")
public final class RunCommand implements Callable<Integer> {

    static final String HOW_TO = """
            roadmap-bot: no Discord token configured, so the Discord bot cannot start.
              Set DISCORD_TOKEN=<bot token>, or DISCORD_TOKEN_FILE=<path to a file holding it>,
              then run: java -jar target/roadmap-bot.jar
            To try the bot without Discord:
              java -jar target/roadmap-bot.jar console
              java -jar target/roadmap-bot.jar ask "How long does it take to become a backend developer?"
            """;

    @Override
    public Integer call() {
        System.err.print(HOW_TO);
        return 1;
    }
}
