package org.roadmapbot.askanywhere;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The question in a member's message, as /ask takes it: mentions of users (the bot's among them) and
 * runs of spaces gone; a message longer than /ask allows is cut to its questions (the sentences ending
 * with "?") when they fit, else to its beginning, at a word.
 */
final class MessageQuestion {

    private static final Pattern USER_MENTION = Pattern.compile("<@!?\\d+>");
    private static final Pattern QUESTION_SENTENCE = Pattern.compile("[^.!?\\n]*\\?");

    private MessageQuestion() {
    }

    static String of(String text, int maxLength) {
        String cleaned = USER_MENTION.matcher(text == null ? "" : text).replaceAll(" ").replaceAll("\\s+", " ").strip();
        if (cleaned.length() <= maxLength) {
            return cleaned;
        }
        List<String> questions = new ArrayList<>();
        Matcher m = QUESTION_SENTENCE.matcher(cleaned);
        while (m.find()) {
            questions.add(m.group().strip());
        }
        String asked = String.join(" ", questions);
        if (!asked.isEmpty() && asked.length() <= maxLength) {
            return asked;
        }
        int cut = cleaned.lastIndexOf(' ', maxLength);
        return cleaned.substring(0, cut > maxLength / 2 ? cut : maxLength).strip();
    }
}
