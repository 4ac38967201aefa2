package org.roadmapbot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.roadmapbot.console.ReplyPrinter;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandRouter;
import org.roadmapbot.core.Reply;
import org.roadmapbot.db.Database;
import org.roadmapbot.knowledge.AskCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `ask QUESTION` answers one question; `ask -` answers one per input line. With --json each
 * answer is one line {"question", "answer", "sources"}; sources is empty exactly when the data
 * has no answer. It starts no database: a folder without one is left as it was (see
 * {@link Application#startForAsk}). With --guild and a database, that server's FAQ answers too
 * (never counted for /insights).
 */
@Command(name = "ask", description = "Answer one question (or one per line of standard input with '-').")
public final class AskCli implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    CallerOptions caller;

    @Option(names = "--json", description = "Print {\"question\",\"answer\",\"sources\"} per answer.")
    boolean json;

    @Parameters(
            arity = "1..*",
            paramLabel = "QUESTION",
            description = "The question, or '-' to read questions from standard input.")
    List<String> words;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /**
     * Status 1 when a one-shot question is refused (empty, too long); with '-', a refused line
     * prints its error and the run goes on to the next line (status 0), so a batch keeps one
     * answer per question.
     */
    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        // A server's FAQ lives in the database: with --guild and a database, the bot with its member data answers
        // (the server's FAQ, then the bundled data). Otherwise knowledge only: the database is opened for a personal
        // question, and only when there is one.
        AppConfig config = caller.config();
        boolean serverFaq = spec.commandLine().getParseResult().hasMatchedOption("--guild")
                && Database.exists(config.database(), config.dataDir());
        try (Application app = serverFaq ? Application.start(config) : Application.startForAsk(config)) {
            CommandRouter router = serverFaq ? new CommandRouter(List.of(app.serverAsk())) : app.router();
            if (words.size() == 1 && words.get(0).equals("-")) {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isBlank()) {
                        print(router, line.strip(), out);
                    }
                }
                return 0;
            }
            return print(router, String.join(" ", words), out).error() ? 1 : 0;
        }
    }

    private Reply print(CommandRouter router, String question, PrintStream out) {
        CommandRequest request =
                caller.caller().withOptions(AskCommand.NAME, null, java.util.Map.of(AskCommand.QUESTION, question));
        Reply reply = router.dispatch(request);
        if (json) {
            ObjectNode node = JSON.createObjectNode();
            node.put("question", question);
            node.put("answer", reply.content());
            com.fasterxml.jackson.databind.node.ArrayNode sources = node.putArray("sources");
            reply.sources().forEach(sources::add);
            out.println(node);
        } else {
            out.println(ReplyPrinter.text(reply));
        }
        return reply;
    }
}
