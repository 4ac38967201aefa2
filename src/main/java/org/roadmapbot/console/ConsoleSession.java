package org.roadmapbot.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandRouter;
import org.roadmapbot.core.Reply;

/**
 * The console adapter: one line in, one reply out, through the same router Discord uses.
 * {@code /press <button-id>} presses a button of an earlier reply.
 */
public final class ConsoleSession {

    public static final String PRESS = "/press";

    private final CommandRouter router;
    private final ConsoleParser parser;
    private final CommandRequest caller;
    private final boolean json;
    private final AttachmentFiles files;

    public ConsoleSession(CommandRouter router, CommandRequest caller, boolean json) {
        this(router, caller, json, null);
    }

    /** With {@code files} not null, every attachment is written there and its path printed. */
    public ConsoleSession(CommandRouter router, CommandRequest caller, boolean json, AttachmentFiles files) {
        this.router = router;
        this.parser = new ConsoleParser(router.specs());
        this.caller = caller;
        this.json = json;
        this.files = files;
    }

    /**
     * Lines that end the session, as in other interactive shells. Slash commands only: a plain "exit" is a
     * question like any other line, and Discord has no such command, so nothing else means them.
     */
    private static final Set<String> QUIT = Set.of("/quit", "/exit");

    /** The reply to one line, or null for a blank line. */
    public Reply handle(String line) {
        String trimmed = line.strip();
        if (trimmed.equals(PRESS) || trimmed.startsWith(PRESS + " ")) {
            String id = trimmed.substring(PRESS.length()).strip();
            return id.isEmpty()
                    ? Reply.error("Say which button: `/press <button id>`.")
                    : router.button(caller.withOptions("press", null, Map.of()), id);
        }
        ConsoleParser.Parsed parsed = parser.parse(line, caller);
        if (parsed instanceof ConsoleParser.Parsed.Request request) {
            return router.dispatch(request.request());
        }
        if (parsed instanceof ConsoleParser.Parsed.Invalid invalid) {
            return Reply.error(invalid.message());
        }
        return null;
    }

    public void run(BufferedReader in, PrintStream out, boolean prompt) throws IOException {
        if (prompt) {
            out.println("Roadmap Study Bot console. Type a question, or /help. /quit (or Ctrl-D) to quit.");
            out.print("> ");
            out.flush();
        }
        String line;
        while ((line = in.readLine()) != null) {
            if (QUIT.contains(line.strip().toLowerCase(Locale.ROOT))) {
                return;
            }
            Reply reply = handle(line);
            if (reply != null) {
                List<Path> saved = files == null ? null : files.save(reply);
                out.println(
                        json
                                ? ReplyPrinter.jsonLine(reply, saved)
                                : ReplyPrinter.text(reply, saved == null ? List.of() : saved));
                if (!json) {
                    out.println();
                }
            }
            if (prompt) {
                out.print("> ");
            }
            out.flush();
        }
    }
}
