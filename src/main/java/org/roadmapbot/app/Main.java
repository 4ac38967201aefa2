package org.roadmapbot.app;

import java.io.PrintWriter;
import org.roadmapbot.knowledge.data.DataError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: `console`, `ask`, the data tools (`migrate-data`, `backup`, `restore`, `compact`), and (by default) the Discord bot. */
@Command(
        name = "roadmap-bot",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT,
        version = "roadmap-bot 0.1.0",
        description = "Roadmap Study Bot: the backend-roadmap study assistant for Discord.",
        subcommands = {
            RunCommand.class,
            ConsoleCommand.class,
            AskCli.class,
            MigrateDataCommand.class,
            BackupCommand.class,
            RestoreCommand.class,
            CompactCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements java.util.concurrent.Callable<Integer> {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        // A one-shot `ask` prints answers, not the bot's start-up log lines, unless a level is asked for.
        boolean oneShot = args.length > 0 && args[0].equals("ask");
        ch.qos.logback.classic.Level before;
        try {
            before = LogLevel.apply(
                    System.getenv(), oneShot ? ch.qos.logback.classic.Level.WARN : ch.qos.logback.classic.Level.INFO);
        } catch (StartupException e) {
            System.err.println("roadmap-bot: cannot start: " + e.getMessage());
            return 2;
        }
        try {
            return run(args);
        } finally {
            LogLevel.set(before); // for callers in the same JVM (tests); a real process exits here
        }
    }

    private static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof DataError || ex instanceof StartupException) {
                err.println("roadmap-bot: cannot start: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        return cli.execute(args);
    }

    /** No subcommand: run the Discord bot, as `run` does. */
    @Override
    public Integer call() throws Exception {
        return new RunCommand().call();
    }
}
