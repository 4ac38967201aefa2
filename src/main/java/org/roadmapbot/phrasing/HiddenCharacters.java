package org.roadmapbot.phrasing;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Characters that hide what a text says from the other checks or from the reader: invisible
 * ones (zero-width spaces and joiners, bidi controls, tag characters, soft hyphens) and
 * look-alikes (Cyrillic "е" in "Sсrimba", fullwidth "＠", mathematical "𝐞"). A text with any of
 * them is refused whole, rather than cleaned: a model that writes them is not to be trusted.
 * Letters are Latin (with the accents of Western European languages); other scripts only where
 * the facts use them.
 */
final class HiddenCharacters {

    /** Typography NFKC would rewrite that is no disguise: ellipsis, non-breaking spaces. */
    private static final Set<Integer> HARMLESS_COMPATIBILITY =
            Set.of(0x2026, 0x00A0, 0x202F, 0x2009, 0x200A, 0x2002, 0x2003);

    private static final int ZERO_WIDTH_JOINER = 0x200D;
    private static final int VARIATION_SELECTOR_16 = 0xFE0F;
    private static final int COMBINING_KEYCAP = 0x20E3;

    private HiddenCharacters() {}

    /** The characters of some facts: those may appear in an output whatever they are. */
    static Set<Integer> of(String facts) {
        Set<Integer> chars = new HashSet<>();
        facts.codePoints().forEach(chars::add);
        return chars;
    }

    static Optional<String> check(String output, Set<Integer> factChars) {
        int[] cps = output.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (factChars.contains(c)) {
                continue;
            }
            int type = Character.getType(c);
            boolean emojiGlue = (c == ZERO_WIDTH_JOINER || c == VARIATION_SELECTOR_16 || c == COMBINING_KEYCAP)
                            && i > 0
                            && (isSymbol(cps[i - 1]) || c != ZERO_WIDTH_JOINER && Character.isDigit(cps[i - 1]))
                    || c == VARIATION_SELECTOR_16 && i > 0 && cps[i - 1] == ZERO_WIDTH_JOINER;
            if (emojiGlue) {
                continue;
            }
            if (type == Character.FORMAT
                    || type == Character.PRIVATE_USE
                    || type == Character.UNASSIGNED
                    || type == Character.CONTROL && c != '\n' && c != '\r' && c != '\t'
                    || type == Character.NON_SPACING_MARK && i > 0 && cps[i - 1] < 0x80) {
                return Optional.of(String.format("used the hidden character U+%04X", c));
            }
            if (Character.isLetter(c) && !latin(c)) {
                return Optional.of(
                        String.format("used the look-alike letter U+%04X (%s)", c, Character.UnicodeScript.of(c)));
            }
            String one = new String(Character.toChars(c));
            if (!HARMLESS_COMPATIBILITY.contains(c)
                    && !Normalizer.normalize(one, Normalizer.Form.NFKC).equals(one)) {
                return Optional.of(String.format("used the look-alike character U+%04X", c));
            }
        }
        return Optional.empty();
    }

    /** ASCII and Latin-1/Latin Extended-A letters, without the dotless i and long s that pass for i and f. */
    private static boolean latin(int c) {
        return c < 0x80 || c >= 0xC0 && c <= 0x17F && c != 0xD7 && c != 0xF7 && c != 0x131 && c != 0x17F;
    }

    private static boolean isSymbol(int c) {
        int type = Character.getType(c);
        return type == Character.OTHER_SYMBOL
                || type == Character.MODIFIER_SYMBOL
                || c == VARIATION_SELECTOR_16
                || c >= 0x1F000;
    }
}
