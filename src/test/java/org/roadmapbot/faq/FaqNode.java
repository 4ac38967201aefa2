package org.roadmapbot.faq;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.roadmapbot.app.AppConfig;
import org.roadmapbot.app.Application;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.Reply;
import org.roadmapbot.db.DatabaseConfig;

/**
 * Child process of {@link FaqAcrossProcessesTest}: one bot process minus Discord, on the database its
 * environment names (ROADMAP_BOT_DB_URL, _USER, _PASSWORD, as a real process is configured), with the
 * curated answers' sync running as a running bot runs it. Prints "READY" once started, then answers
 * one command per line of its standard input with one line (see {@link #handle}); stops when stdin closes.
 *
 * <p>Argument: the data directory.
 */
public final class FaqNode {

    static final String GUILD = "930000000000000001";
    static final String MODERATOR = "2001";
    static final String MEMBER = "2002";

    public static void main(String[] args) throws Exception {
        AppConfig config = new AppConfig(Path.of(args[0]), Optional.empty())
                .withDatabase(DatabaseConfig.fromEnvironment(System.getenv()));
        try (Application app = Application.start(config);
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            // What startScheduler does for the faq side of a running bot (no Discord, no Quartz here).
            app.faqs().start();
            System.out.println("READY");
            System.out.flush();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                System.out.println(handle(app, line.split("\t", -1)));
                System.out.flush();
            }
        }
        System.out.println("STOPPED");
    }

    /**
     * {@code ask <question>}, {@code add <questions> <answer>}, {@code edit <number> <questions> <answer>},
     * {@code remove <number>} (tab-separated), through the router as a member's /ask or a moderator's /faq.
     * The reply: {@code REPLY <error> <sources, comma-separated> <content, newlines as \n>}.
     */
    static String handle(Application app, String[] command) {
        Reply reply = switch (command[0]) {
            case "ask" -> dispatch(app, MEMBER, false, "ask", null, Map.of("question", command[1]));
            case "add" ->
                dispatch(app, MODERATOR, true, "faq", "add", Map.of("question", command[1], "answer", command[2]));
            case "edit" ->
                dispatch(
                        app,
                        MODERATOR,
                        true,
                        "faq",
                        "edit",
                        Map.of("number", Long.parseLong(command[1]), "question", command[2], "answer", command[3]));
            case "remove" ->
                dispatch(app, MODERATOR, true, "faq", "remove", Map.of("number", Long.parseLong(command[1])));
            default -> Reply.error("unknown command " + command[0]);
        };
        return "REPLY\t" + reply.error() + "\t" + String.join(",", reply.sources()) + "\t"
                + reply.content().replace("\n", "\\n");
    }

    private static Reply dispatch(
            Application app,
            String member,
            boolean moderator,
            String command,
            String sub,
            Map<String, Object> options) {
        return app.router()
                .dispatch(
                        new CommandRequest(GUILD, member, moderator ? "Mod" : "Ann", moderator, command, sub, options));
    }
}
