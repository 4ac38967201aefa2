package org.roadmapbot.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.roadmapbot.core.Reply;
import org.roadmapbot.discord.Rendering;

/** What every reply must satisfy, whatever the input: the fuzz oracle. */
public final class ReplyChecks {

    /** A live mass mention; the escaped form has a zero-width space after the "@". */
    private static final Pattern MASS_MENTION = Pattern.compile("@(everyone|here)", Pattern.CASE_INSENSITIVE);

    private static final Pattern ROLE_MENTION = Pattern.compile("<@&\\d+>");
    private static final Pattern STACK_TRACE = Pattern.compile(
            "Exception|\\bat (org|java|jdk|sun|com|net)\\.[\\w.$]+\\(|\\.java:\\d+\\)|\\bCaused by:|SQLState|org\\.roadmapbot\\.");
    /** The router's generic reply to a handler crash: always a bug for a fuzzed input. */
    private static final String INCIDENT = "something went wrong on my side";

    private ReplyChecks() {}

    /** The problems with a reply, empty when it is fine. */
    static List<String> problems(Reply reply) {
        List<String> problems = new ArrayList<>();
        if (reply == null) {
            problems.add("no reply");
            return problems;
        }
        if (reply.content().isBlank()
                && reply.attachments().isEmpty()
                && reply.fields().isEmpty()) {
            problems.add("empty reply");
        }
        if (reply.error() && !reply.ephemeral()) {
            problems.add("error reply is public (not ephemeral)");
        }
        if (reply.error() && reply.content().isBlank()) {
            problems.add("error reply without a message");
        }
        for (String text : texts(reply)) {
            if (MASS_MENTION.matcher(text).find()) {
                problems.add("unescaped @everyone/@here in: " + excerpt(text, MASS_MENTION));
            }
            if (ROLE_MENTION.matcher(text).find()) {
                problems.add("role mention in: " + excerpt(text, ROLE_MENTION));
            }
            if (STACK_TRACE.matcher(text).find()) {
                problems.add("stack-trace text in: " + excerpt(text, STACK_TRACE));
            }
            if (text.contains(INCIDENT)) {
                problems.add("a handler failed (router's incident reply): " + text);
            }
        }
        try {
            Rendering.render(reply);
        } catch (RuntimeException e) {
            problems.add("Discord would refuse it: " + e);
        }
        return problems;
    }

    /** Every text a member reads in the reply: content, title, footer, fields, button labels. */
    public static List<String> texts(Reply reply) {
        List<String> texts = new ArrayList<>();
        texts.add(reply.content());
        if (reply.title() != null) {
            texts.add(reply.title());
        }
        if (reply.footer() != null) {
            texts.add(reply.footer());
        }
        reply.fields().forEach(f -> {
            texts.add(f.name());
            texts.add(f.value());
        });
        reply.buttons().forEach(b -> texts.add(b.label()));
        return texts;
    }

    private static String excerpt(String text, Pattern pattern) {
        var m = pattern.matcher(text);
        if (!m.find()) {
            return "";
        }
        int from = Math.max(0, m.start() - 60);
        int to = Math.min(text.length(), m.end() + 60);
        return "…" + text.substring(from, to).replace("\n", "⏎") + "…";
    }
}
