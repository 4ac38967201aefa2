package org.roadmapbot.phrasing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks model output claim by claim against the facts it was given (and the member's question),
 * in this order, stopping at the first problem:
 * <ol>
 *   <li>no hidden or look-alike character ({@link HiddenCharacters});</li>
 *   <li>no link or mention the facts don't have ({@link LinksAndMentions});</li>
 *   <li>no piece of the instructions;</li>
 *   <li>no name in neither the facts nor the question ({@link Names});</li>
 *   <li>no opinion, verdict or advice the facts don't give ({@link Judgements});</li>
 *   <li>every number kept, none added, each with the unit, pace, period, role and names it has in
 *       the facts ({@link NumberClaims});</li>
 *   <li>every name of the required facts kept.</li>
 * </ol>
 * Any doubt means the plain answer: a false alarm costs friendliness, a miss costs trust.
 */
final class FactGuard {

    /** Why output was rejected; the detail goes to the log only. */
    record Violation(LlmPhraser.Reason reason, String detail) {}

    /** A word, with inner dots or signs kept: Node.js, C#, C++, U.S, NestJS. */
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\d]*(?:[.'’][\\p{L}\\d]+)*[+#]*");

    private static final Pattern BOLD = Pattern.compile("\\*\\*[^*\\n]+\\*\\*");
    /** Capitalised words that are ordinary words even in the middle of a sentence. */
    private static final Set<String> NOT_NAMES = Set.of(
            "I", "A", "An", "The", "And", "Or", "But", "If", "In", "On", "For", "To", "Of", "With", "It", "This",
            "That", "You", "Your", "We", "Our", "Free", "Best");

    private static final int LEAK_SHINGLE_WORDS = 7;

    private final GuardVocabulary vocabulary;
    private final String factsText;
    private final String factsAndQuestion;
    private final Set<String> requiredNumbers;
    private final NumberClaims.FactClaims claims;
    private final Names.Allowed names;
    private final Set<String> requiredNames;
    private final List<String> keepList;
    private final Set<String> instructionShingles;
    private final Set<String> factShingles;
    private final Set<Integer> factChars;

    /**
     * @param required    facts whose numbers and names must all survive (what the plain text says)
     * @param alsoAllowed further facts the output may use but need not keep
     * @param question    the member's question (names in it may be repeated), or "" for a nudge
     */
    FactGuard(List<Fact> required, List<Fact> alsoAllowed, String question, GuardVocabulary vocabulary) {
        this.vocabulary = vocabulary;
        String requiredText = text(required);
        this.factsText = requiredText + "\n\n" + text(alsoAllowed);
        this.factsAndQuestion = factsText + "\n\n" + question;
        NumberClaims.Analysis requiredClaims = NumberClaims.analyse(requiredText, vocabulary);
        this.requiredNumbers = requiredClaims.values();
        // An answer's facts are all required: read them once.
        this.claims = new NumberClaims.FactClaims(
                alsoAllowed.isEmpty() ? requiredClaims : NumberClaims.analyse(factsText, vocabulary));
        this.names = Names.Allowed.of(factsText, question, vocabulary);
        this.requiredNames = names(requiredText);
        this.instructionShingles = vocabulary.instructionShingles();
        this.factShingles = shingles(factsAndQuestion);
        this.factChars = HiddenCharacters.of(factsText);
        Set<String> keep = new LinkedHashSet<>(requiredClaims.written());
        keep.addAll(requiredNames);
        this.keepList = List.copyOf(keep);
    }

    /** What the model is told to keep, in the order the facts mention it. */
    List<String> keepList() {
        return keepList;
    }

    Optional<Violation> check(String output) {
        Optional<String> hidden = HiddenCharacters.check(output, factChars);
        if (hidden.isPresent()) {
            return violation(LlmPhraser.Reason.HIDDEN_CHARACTERS, hidden.get());
        }
        Optional<String> link = LinksAndMentions.check(output, factsAndQuestion);
        if (link.isPresent()) {
            return violation(LlmPhraser.Reason.LINK_OR_MENTION, link.get());
        }
        if (output.contains("<facts")
                || output.contains("</facts")
                || output.contains("<question")
                || output.contains("<message")
                || leaksInstructions(output)) {
            return violation(LlmPhraser.Reason.LEAK, "echoed the instructions");
        }
        Optional<String> name = Names.newName(output, names, vocabulary);
        if (name.isPresent()) {
            return violation(LlmPhraser.Reason.NEW_NAME, name.get());
        }
        Optional<String> judgement = Judgements.check(output, factsText);
        if (judgement.isPresent()) {
            return violation(LlmPhraser.Reason.JUDGEMENT, judgement.get());
        }
        Optional<String> numbers =
                NumberClaims.check(NumberClaims.analyse(output, vocabulary), claims, requiredNumbers);
        if (numbers.isPresent()) {
            return violation(LlmPhraser.Reason.CHANGED_FACTS, numbers.get());
        }
        for (String required : requiredNames) {
            // A name that is also an English word ("Learn", "Phase", "Express") may be reworded away;
            // dropping it loses little, and requiring it would refuse good rewordings.
            if (vocabulary.ordinary(required.toLowerCase(Locale.ROOT))) {
                continue;
            }
            // Case-insensitive: "node.js" keeps the fact; the data itself capitalises loosely.
            if (!Pattern.compile(
                            "(?<![\\p{L}\\d])" + Pattern.quote(required),
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    .matcher(output)
                    .find()) {
                return violation(LlmPhraser.Reason.CHANGED_FACTS, "dropped the name " + required);
            }
        }
        return Optional.empty();
    }

    private static String text(List<Fact> facts) {
        return facts.stream().map(Fact::text).collect(Collectors.joining("\n\n"));
    }

    private boolean leaksInstructions(String output) {
        Set<String> out = shingles(output);
        out.retainAll(instructionShingles);
        out.removeAll(factShingles);
        return !out.isEmpty();
    }

    private static Optional<Violation> violation(LlmPhraser.Reason reason, String detail) {
        return Optional.of(new Violation(reason, detail));
    }

    /**
     * The names a rewording must keep: words with inner capitals, dots, signs or all capitals
     * anywhere (TypeScript, Node.js, C#, SQL), and capitalised words inside a sentence (Tom Chant,
     * Helsinki). Bold headings are skipped: they repeat the question, and rewording them is the point.
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
            if (technical(word) || !NOT_NAMES.contains(word) && !Words.startsSentence(body, m.start())) {
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

    /** The runs of {@value #LEAK_SHINGLE_WORDS} words of a text: an output sharing one with the prompts echoes them. */
    static Set<String> shingles(String text) {
        String[] words = text.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\d@$#]+", " ")
                .strip()
                .split(" ");
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
