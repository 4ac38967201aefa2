package org.roadmapbot.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.roadmapbot.console.AttachmentFiles;
import org.roadmapbot.console.ConsoleMessenger;
import org.roadmapbot.console.ConsoleSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `console`: type slash commands or questions; replies are printed as text or JSON lines. */
@Command(name = "console", description = "Use the bot from a terminal: /commands as in Discord, other lines are /ask.")
public final class ConsoleCommand implements Callable<Integer> {

    @Mixin
    CallerOptions caller;

    @Option(names = "--json", description = "Print each reply as one JSON object per line.")
    boolean json;

    @Option(
            names = "--files",
            paramLabel = "DIR",
            description = "Write each attachment (pictures, exports) to DIR and print its path.")
    Path files;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (Application app = Application.start(caller.config())) {
            // Nudges print here (stderr with --json, so standard output stays one reply per line).
            app.startScheduler(
                    new ConsoleMessenger(json ? new PrintStream(System.err, true, StandardCharsets.UTF_8) : out));
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            new ConsoleSession(app.router(), caller.caller(), json, files == null ? null : new AttachmentFiles(files))
                    .run(in, out, !json && interactive());
        }
        return 0;
    }

    /** On Java 17 (what the bot runs on) System.console() is null exactly when stdin or stdout is not a terminal. */
    @SuppressWarnings("SystemConsoleNull")
    private static boolean interactive() {
        return System.console() != null;
    }
}
