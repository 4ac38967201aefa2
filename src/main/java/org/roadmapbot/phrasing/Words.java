package org.roadmapbot.phrasing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The word-level view of a text shared by the guard's checks: words with their offsets, whether
 * each opens a sentence, and the comparison key of a name ("Node.js", "NodeJS" and "node.js"
 * are one name; "Scrimba's" is "Scrimba").
 */
final class Words {

    /** A word, with inner dots, apostrophes or hyphens kept: Node.js, C#, C++, don't, job-ready, U.S. */
    static final Pattern WORD = Pattern.compile("[\\p{L}\\d][\\p{L}\\p{M}\\d]*(?:[.'’\\-][\\p{L}\\p{M}\\d]+)*[+#]*");

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern DOTTED = Pattern.compile("\\p{L}\\.\\p{L}");
    /** Emphasis and code markers: layout, not words. */
    private static final Pattern MARKUP = Pattern.compile("\\*\\*|__|~~|[*_`]");

    record Word(String text, int start, int end, boolean sentenceStart) {

        boolean capitalised() {
            return Character.isUpperCase(text.codePointAt(0));
        }

        /** TypeScript, NestJS, boot.dev, Node.js, C#, C++, SQL, Web3: a name wherever it stands. */
        boolean brandLike() {
            String t = stripPossessive(text);
            if (t.length() < 2 || Character.isDigit(t.codePointAt(0))) {
                return false;
            }
            boolean innerUpper = t.substring(1).chars().anyMatch(Character::isUpperCase)
                    && t.chars().anyMatch(Character::isLowerCase);
            boolean allUpper = t.chars().filter(Character::isLetter).allMatch(Character::isUpperCase)
                    && t.chars().filter(Character::isLetter).count() >= 2;
            boolean dotted = DOTTED.matcher(t).find();
            boolean sign = t.endsWith("#") || t.endsWith("+");
            boolean mixed = t.chars().anyMatch(Character::isDigit) && t.chars().anyMatch(Character::isLetter);
            return innerUpper || allUpper || dotted || sign || mixed;
        }

        boolean number() {
            return Character.isDigit(text.codePointAt(0)) && text.chars().noneMatch(Character::isLetter);
        }
    }

    private Words() {}

    /** Bold, italics and code markers replaced by spaces (offsets stay those of the text). */
    static String withoutMarkup(String text) {
        return MARKUP.matcher(text).replaceAll(m -> " ".repeat(m.group().length()));
    }

    static List<Word> of(String text) {
        List<Word> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(new Word(m.group(), m.start(), m.end(), startsSentence(text, m.start())));
        }
        return words;
    }

    /** The comparison key of a name or word: lower case, no possessive, no ".js"/"JS" suffix, no dots. */
    static String key(String name) {
        String k =
                SPACES.matcher(stripPossessive(name).toLowerCase(Locale.ROOT)).replaceAll(" ");
        if (k.length() > 4 && k.endsWith(".js")) {
            k = k.substring(0, k.length() - 3);
        } else if (k.length() > 4 && k.endsWith("js") && Character.isUpperCase(name.charAt(name.length() - 1))) {
            k = k.substring(0, k.length() - 2);
        }
        return k.replace(".", "").replace("’", "'");
    }

    static String stripPossessive(String word) {
        if (word.endsWith("'s") || word.endsWith("’s")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("s'") || word.endsWith("s’")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    /** Whether the word at {@code index} opens a sentence, a list item, a heading or a clause in brackets. */
    static boolean startsSentence(String text, int index) {
        int i = index - 1;
        while (i >= 0
                && (Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '\n'
                        || "\"'“‘*_[`#>".indexOf(text.charAt(i)) >= 0)) {
            i--;
        }
        if (i < 0) {
            return true;
        }
        char c = text.charAt(i);
        if (".!?:;·•\n\r|-–—(".indexOf(c) >= 0) {
            return true;
        }
        // An emoji or other symbol opening the line ("🚀 Great question!").
        int type = Character.getType(Character.codePointBefore(text, i + 1));
        return type == Character.OTHER_SYMBOL || type == Character.SURROGATE;
    }
}
