package org.roadmapbot.phrasing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks model output against the facts it was given. The facts a plain answer relies on are
 * its numbers (133,080, $24.50, 6-10) and names (Node.js, Tom Chant, PostgreSQL): every one must
 * survive, no new number may appear, and no link, mention or piece of the instructions may be
 * added. Any doubt means the plain answer: a false alarm costs friendliness, a miss costs trust.
 */
final class FactGuard {

    /** Why output was rejected; the detail goes to the log only. */
    record Violation(LlmPhraser.Reason reason, String detail) {
    }

    /** A number as written ("$24.50", "133,080"); ranges are two numbers. */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d.,])(\\$?)(\\d+(?:,\\d{3})*(?:\\.\\d+)?)");
    /** A number or range as the keep list shows it to the model: "$24.50/mo" -> "$24.50", "6-10". */
    private static final Pattern NUMBER_OR_RANGE = Pattern.compile(
            "(?<![\\p{L}\\d.,])\\$?\\d+(?:,\\d{3})*(?:\\.\\d+)?(?:\\s?[-–]\\s?\\$?\\d+(?:,\\d{3})*(?:\\.\\d+)?)?%?");
    /** A word, with inner dots or signs kept: Node.js, C#, C++, U.S, NestJS. */
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\d]*(?:[.'’][\\p{L}\\d]+)*[+#]*");
    private static final Pattern BOLD = Pattern.compile("\\*\\*[^*\\n]+\\*\\*");
    /** Numbered list markers the model may add ("1. ") are layout, not facts. */
    private static final Pattern LIST_MARKER = Pattern.compile("(?m)^\\s*\\d{1,2}[.)]\\s");
    private static final Pattern URL = Pattern.compile(
            "(?i)\\b(?:https?://|www\\.)\\S+|\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|org|net|io|dev|ai|app|co|gg|me|ly|edu|gov|xyz)\\b(?:/\\S*)?");
    /** Discord mentions and pings: @everyone, @here, <@id>, <@&role>, <#channel>, and @name. */
    private static final Pattern MENTION = Pattern.compile("@\\s*(?:everyone|here)|<[@#][!&]?\\s*\\d*>?|@[\\p{L}\\d_]");
    /** Capitalised words that are ordinary words even in the middle of a sentence. */
    private static final Set<String> NOT_NAMES = Set.of("I", "A", "An", "The", "And", "Or", "But", "If", "In", "On",
            "For", "To", "Of", "With", "It", "This", "That", "You", "Your", "We", "Our", "Free", "Best");
    private static final int LEAK_SHINGLE_WORDS = 7;

    private final Set<String> requiredNumbers;
    private final Set<String> allowedNumbers;
    private final Set<String> requiredNames;
    private final List<String> keepList;
    private final String allowedText;
    private final Set<String> instructionShingles;

    /**
     * @param required     text whose numbers and names must all survive (the plain answer's facts)
     * @param alsoAllowed  further facts the output may use but need not keep
     * @param instructions the prompt wording that must never appear in the output
     */
    FactGuard(String required, String alsoAllowed, String instructions) {
        this.requiredNumbers = numbers(required, true);
        this.allowedNumbers = numbers(required + "\n" + alsoAllowed, false);
        this.requiredNames = names(required);
        this.allowedText = required + "\n" + alsoAllowed;
        this.instructionShingles = shingles(instructions);
        Set<String> keep = new LinkedHashSet<>();
        NUMBER_OR_RANGE.matcher(required).results().map(r -> r.group().strip()).forEach(keep::add);
        keep.addAll(requiredNames);
        this.keepList = List.copyOf(keep);
    }

    /** What the model is told to keep, in the order the facts mention it. */
    List<String> keepList() {
        return keepList;
    }

    Optional<Violation> check(String output) {
        // Injection first, so the log names the worst problem.
        Matcher url = URL.matcher(output);
        while (url.find()) {
            if (!allowedText.toLowerCase(Locale.ROOT).contains(url.group().toLowerCase(Locale.ROOT))) {
                return violation(LlmPhraser.Reason.LINK_OR_MENTION, "added a link");
            }
        }
        Matcher mention = MENTION.matcher(output);
        while (mention.find()) {
            if (!allowedText.contains(mention.group())) {
                return violation(LlmPhraser.Reason.LINK_OR_MENTION, "added a mention");
            }
        }
        if (output.contains("<facts") || output.contains("</facts") || output.contains("<question")
                || output.contains("<message") || leaksInstructions(output)) {
            return violation(LlmPhraser.Reason.LEAK, "echoed the instructions");
        }
        String layout = LIST_MARKER.matcher(output).replaceAll(" ");
        Set<String> outputNumbers = numbers(layout, true);
        for (String number : requiredNumbers) {
            boolean kept = number.startsWith("$") ? outputNumbers.contains(number)
                    : outputNumbers.contains(number) || outputNumbers.contains("$" + number);
            if (!kept) {
                return violation(LlmPhraser.Reason.CHANGED_FACTS, "dropped or changed the number " + number);
            }
        }
        for (String number : numbers(layout, false)) {
            if (!allowedNumbers.contains(number)) {
                return violation(LlmPhraser.Reason.CHANGED_FACTS, "added the number " + number);
            }
        }
        for (String name : requiredNames) {
            // Case-insensitive: "node.js" keeps the fact; the data itself capitalises loosely.
            if (!Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(name), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    .matcher(output).find()) {
                return violation(LlmPhraser.Reason.CHANGED_FACTS, "dropped the name " + name);
            }
        }
        return Optional.empty();
    }

    private boolean leaksInstructions(String output) {
        Set<String> out = shingles(output);
        out.retainAll(instructionShingles);
        out.removeAll(shingles(allowedText));
        return !out.isEmpty();
    }

    private static Optional<Violation> violation(LlmPhraser.Reason reason, String detail) {
        return Optional.of(new Violation(reason, detail));
    }

    /** Canonical numbers: commas dropped, "$" kept when {@code withCurrency}. */
    static Set<String> numbers(String text, boolean withCurrency) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String digits = m.group(2).replace(",", "");
            found.add(withCurrency ? m.group(1) + digits : digits);
        }
        return found;
    }

    /**
     * Names: words with inner capitals, dots, signs or all capitals anywhere (TypeScript, Node.js,
     * C#, SQL), and capitalised words inside a sentence (Tom Chant, Helsinki). Bold headings are
     * skipped: they repeat the question, and rewording them is the point.
     */
    static Set<String> names(String text) {
        String body = BOLD.matcher(text).replaceAll(m -> " ".repeat(m.group().length()));
        Set<String> found = new LinkedHashSet<>();
        Matcher m = WORD.matcher(body);
        while (m.find()) {
            String word = m.group();
            int possessive = Math.max(word.indexOf('\''), word.indexOf('’'));
            if (possessive > 0) {
                word = word.substring(0, possessive);
            }
            if (word.isEmpty() || !Character.isUpperCase(word.charAt(0)) && !technical(word)) {
                continue;
            }
            if (technical(word) || !NOT_NAMES.contains(word) && !startsSentence(body, m.start())) {
                found.add(word);
            }
        }
        return found;
    }

    /** JavaScript, NestJS, SQL, Node.js, C#, C++: names wherever they stand. */
    private static boolean technical(String word) {
        boolean innerUpper = word.length() > 1 && word.substring(1).chars().anyMatch(Character::isUpperCase);
        boolean sign = word.indexOf('.') > 0 || word.endsWith("#") || word.endsWith("+");
        return innerUpper || sign && Character.isLetter(word.charAt(0));
    }

    private static boolean startsSentence(String text, int index) {
        int i = index - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || "\"'“‘*_[`".indexOf(text.charAt(i)) >= 0)) {
            i--;
        }
        if (i < 0) {
            return true;
        }
        char c = text.charAt(i);
        // "(" too: the data's parentheses open clauses ("(Build REST APIs from scratch...").
        return ".!?:;·•\n\r|-–—(".indexOf(c) >= 0;
    }

    private static Set<String> shingles(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\d@$#]+", " ").strip().split(" ");
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i + LEAK_SHINGLE_WORDS <= words.length; i++) {
            out.add(String.join(" ", List.of(words).subList(i, i + LEAK_SHINGLE_WORDS)));
        }
        return out;
    }

    @Override
    public String toString() {
        return "FactGuard" + new ArrayList<>(keepList);
    }
}
