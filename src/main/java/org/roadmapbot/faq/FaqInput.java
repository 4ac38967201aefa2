package org.roadmapbot.faq;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.roadmapbot.core.UserError;

/**
 * What a moderator typed for a curated answer, checked before anything is stored: one or more example
 * questions (one per line, or separated by " | " where a line can't break, as in the console) and an
 * answer. Empty, too long, or pinging everyone or a role is refused with a message saying what to fix.
 */
public record FaqInput(List<String> questions, String answer) {

    public static final int MAX_QUESTIONS = 8;
    public static final int MAX_QUESTION_LENGTH = 200;
    public static final int MAX_ANSWER_LENGTH = 1500;
    /** What the questions input may hold in all: every question with its line break. */
    public static final int MAX_QUESTIONS_TEXT = MAX_QUESTIONS * (MAX_QUESTION_LENGTH + 1);

    private static final Pattern SEPARATOR = Pattern.compile("\\R|\\s\\|\\s");
    /** {@code @everyone} and {@code @here} however written (fullwidth at sign, spaces), and role mentions. */
    private static final Pattern MASS_MENTION =
            Pattern.compile("[@＠﹫]\\s*(everyone|here)\\b", Pattern.CASE_INSENSITIVE);

    private static final Pattern ROLE_MENTION = Pattern.compile("<@&\\d+>");

    public FaqInput {
        questions = List.copyOf(questions);
    }

    /** Parses and checks; a {@link UserError} says what is wrong, and nothing has been stored. */
    public static FaqInput of(String questionsText, String answerText) {
        String questionsRaw = questionsText == null ? "" : questionsText;
        String answer = answerText == null ? "" : answerText.strip();
        if (questionsRaw.codePointCount(0, questionsRaw.length()) > MAX_QUESTIONS_TEXT) {
            throw new UserError("The questions are too long: at most " + MAX_QUESTIONS + " questions of "
                    + MAX_QUESTION_LENGTH + " characters.");
        }
        Set<String> questions = new LinkedHashSet<>();
        Set<String> seen = new java.util.HashSet<>();
        for (String part : SEPARATOR.split(questionsRaw)) {
            String q = part.strip().replaceAll("\\s+", " ");
            if (q.isEmpty()) {
                continue;
            }
            if (q.codePointCount(0, q.length()) > MAX_QUESTION_LENGTH) {
                throw new UserError(
                        "Each question must be at most " + MAX_QUESTION_LENGTH + " characters; this one has "
                                + q.codePointCount(0, q.length()) + ": \""
                                + org.roadmapbot.core.Text.truncate(org.roadmapbot.core.Text.escape(q), 60) + "\".");
            }
            if (seen.add(q.toLowerCase(Locale.ROOT))) {
                questions.add(q);
            }
        }
        if (questions.isEmpty()) {
            throw new UserError("Give at least one example question members would ask (one per line).");
        }
        if (questions.size() > MAX_QUESTIONS) {
            throw new UserError(
                    "At most " + MAX_QUESTIONS + " example questions, please; you gave " + questions.size() + ".");
        }
        if (answer.isEmpty()) {
            throw new UserError("The answer cannot be empty.");
        }
        if (answer.codePointCount(0, answer.length()) > MAX_ANSWER_LENGTH) {
            throw new UserError("The answer is too long: at most " + MAX_ANSWER_LENGTH + " characters (it has "
                    + answer.codePointCount(0, answer.length()) + ").");
        }
        List<String> all = new ArrayList<>(questions);
        all.add(answer);
        for (String text : all) {
            if (MASS_MENTION.matcher(text).find()) {
                throw new UserError("Curated answers can't ping the whole server (an everyone or here mention): "
                        + "I never ping anyone. Write it without the @.");
            }
            if (ROLE_MENTION.matcher(text).find()) {
                throw new UserError(
                        "Curated answers can't mention a role: I never ping anyone. Write the role's name instead.");
            }
        }
        return new FaqInput(List.copyOf(questions), answer);
    }

    /** The questions as stored and shown in a form: one per line. */
    public String questionsText() {
        return String.join("\n", questions);
    }
}
