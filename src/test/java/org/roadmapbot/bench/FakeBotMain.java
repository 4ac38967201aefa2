package org.roadmapbot.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for the bot's jar in {@link StartupBenchComparisonTest}: {@code ask QUESTION} prints an
 * answer and creates ./data as the bot does; anything else fails as the bot's CLI would.
 */
public final class FakeBotMain {

    private FakeBotMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("ask")) {
            Files.createDirectories(Path.of("data"));
            System.out.println("An answer to: " + args[1]);
            return;
        }
        System.err.println("roadmap-bot: unknown command");
        System.exit(2);
    }
}
