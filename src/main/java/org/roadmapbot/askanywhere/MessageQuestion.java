package org.roadmapbot.askanywhere;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The question in a member's message, as /ask takes it: mentions of users (the bot's among them) and
 * runs of spaces gone; a message longer than /ask allows is cut to its questions (the sentences ending
 * with "?") when they fit, else to its beginning, at a word.
 */
final class MessageQuestion {

    private static final Pattern USER_MENTION = Pattern.compile("<@!?\\d+>");
    /** A sentence ends at ". ", "! " or "? ": a dot inside a word ("boot.dev", "Node.js") does not end one. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    private MessageQuestion() {}

    static String of(String text, int maxLength) {
        String cleaned = USER_MENTION
                .matcher(text == null ? "" : text)
                .replaceAll(" ")
                .replaceAll("\\s+", " ")
                .strip();
        if (cleaned.length() <= maxLength) {
            return cleaned;
        }
        List<String> questions = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(cleaned)) {
            if (sentence.endsWith("?")) {
                questions.add(sentence.strip());
            }
        }
        String asked = String.join(" ", questions);
        if (!asked.isEmpty() && asked.length() <= maxLength) {
            return asked;
        }
        int cut = cleaned.lastIndexOf(' ', maxLength);
        return cleaned.substring(0, cut > maxLength / 2 ? cut : maxLength).strip();
    }
}
