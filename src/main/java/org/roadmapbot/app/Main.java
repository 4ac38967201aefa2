package org.roadmapbot.app;

import java.io.PrintWriter;
import org.roadmapbot.knowledge.data.DataError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: `console`, `ask`, `bench`, and (by default) the Discord bot. */
@Command(name = "roadmap-bot", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "roadmap-bot 0.1.0",
        description = "Roadmap Study Bot: the backend-roadmap study assistant for Discord.",
        subcommands = {RunCommand.class, ConsoleCommand.class, AskCli.class, BenchCommand.class, MigrateDataCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
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
