package org.roadmapbot.knowledge.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The compact word list answers exactly as plain hash sets of the same file would. */
class EnglishWordsTest {

    private static EnglishWords english;
    private static List<String> lines;

    @BeforeAll
    static void load() throws IOException {
        english = EnglishWords.load();
        try (InputStream in = EnglishWords.class.getResourceAsStream(EnglishWords.RESOURCE)) {
            lines = new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty())
                    .toList();
        }
    }

    @Test
    void commonIsEveryLowerCaseWordOfTheListAndNothingElse() {
        Set<String> expected = new HashSet<>();
        for (String line : lines) {
            if (Character.isLowerCase(line.charAt(0))) {
                expected.add(line);
            }
        }
        Set<String> common = english.common();
        assertThat(common).hasSize(expected.size());
        assertThat(expected).allMatch(common::contains);
        assertThat(new HashSet<>(common)).isEqualTo(expected);
        // Proper names and words that are not in the list are not common words.
        assertThat(common).doesNotContain("Paris", "paris", "zzzz", "", "café ");
        assertThat(common).contains("café", "weather", "a");
    }

    @Test
    void containsEveryWordOfFourLettersOrMoreInLowerCaseWithoutAccents() {
        Set<String> lowerCase = new HashSet<>();
        for (String line : lines) {
            lowerCase.add(line.toLowerCase(Locale.ROOT));
        }
        int checked = 0;
        for (String word : lowerCase) {
            boolean ascii = word.chars().allMatch(c -> c < 128);
            if (ascii) {
                assertThat(english.contains(word)).as(word).isEqualTo(word.length() >= 4);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(60_000);
        assertThat(english.contains("cafe")).isTrue();
        assertThat(english.contains("paris")).isTrue();
        assertThat(english.contains("café")).isFalse();
        assertThat(english.contains("Paris")).isFalse();
        // Near misses: a prefix, an extension, and strings no word is.
        assertThat(english.contains("weathe")).isFalse();
        assertThat(english.contains("weatherz")).isFalse();
        assertThat(english.contains("aaaa")).isFalse();
        assertThat(english.contains("zzzzzzzz")).isFalse();
    }

    @Test
    void nearWordIsOneEditFromAWord() {
        assertThat(english.nearWord("wether")).isTrue(); // a letter dropped from "weather"
        assertThat(english.nearWord("weatherr")).isTrue(); // one added
        assertThat(english.nearWord("wezther")).isTrue(); // one changed
        assertThat(english.nearWord("waether")).isTrue(); // two swapped
        assertThat(english.nearWord("qxzvjk")).isFalse();
        assertThat(english.nearWord("abc")).isFalse();
        // The word it was given is left as it was (the swaps and changes are undone).
        String word = "kubernetse";
        english.nearWord(word);
        assertThat(word).isEqualTo("kubernetse");
    }

    @Test
    void iteratesOverEachWordOnce() {
        List<String> all = new ArrayList<>(english.common());
        assertThat(all).doesNotHaveDuplicates().hasSize(english.common().size()).contains("weather", "café");
    }

    @Test
    void everydayWordsAreTheCommonestOnes() {
        assertThat(english.everyday("best")).isTrue();
        assertThat(english.everyday("kubernetes")).isFalse();
    }

    @Test
    void compactWordsGrowBeyondTheRoomTheyWereGiven() {
        EnglishWords.CompactWords set = new EnglishWords.CompactWords(1, 1);
        for (int i = 0; i < 5_000; i++) {
            set.put("w" + i);
            set.put("w" + (i / 2)); // again: kept once
        }
        set.trimmed();
        assertThat(set).hasSize(5_000);
        for (int i = 0; i < 5_000; i++) {
            assertThat(set.contains("w" + i)).isTrue();
            // A CharSequence that is not a String: looked up without making one.
            assertThat(set.contains(CharBuffer.wrap("w" + i))).isTrue();
        }
        assertThat(set.contains("w5000")).isFalse();
        assertThat(set.contains("w")).isFalse();
        assertThat(set.contains("")).isFalse();
        assertThat(new HashSet<>(set)).hasSize(5_000).contains("w0", "w4999");
    }
}
