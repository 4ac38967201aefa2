package org.roadmapbot.knowledge.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The bot's one English word list: Debian's {@code wamerican} (SCOWL), as data in
 * {@code words/american-english.txt.gz} (see its NOTICE), and SCOWL's commonest words
 * ({@code words/everyday-english.txt}, {@link #everyday}). Two views of the first:
 * <ul>
 *   <li>{@link #contains}: words of four letters or more, in lower case, proper names included. They
 *       guard typo correction: a real word the guide never uses ("rust", "weather") is a subject of
 *       its own and is never "corrected" into one the guide knows.</li>
 *   <li>{@link #common()}: the words the list spells in lower case (no proper names), for the LLM
 *       phrasing guard, which takes any other capitalised word for a name.</li>
 * </ul>
 */
public final class EnglishWords {

    public static final String RESOURCE = "/words/american-english.txt.gz";
    /** SCOWL's size-10 lists: the commonest English words (see its NOTICE). */
    public static final String EVERYDAY = "/words/everyday-english.txt";

    private static final char[] LETTERS = "abcdefghijklmnopqrstuvwxyz".toCharArray();

    private final Set<String> words;
    private final Set<String> common;
    private final Set<String> everyday;

    private EnglishWords(Set<String> words, Set<String> common, Set<String> everyday) {
        this.words = words;
        this.common = common;
        this.everyday = everyday;
    }

    public static EnglishWords load() {
        try (InputStream raw = EnglishWords.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            String text = new String(new GZIPInputStream(raw).readAllBytes(), StandardCharsets.UTF_8);
            Set<String> words = new HashSet<>(100_000);
            Set<String> common = new HashSet<>(100_000);
            for (String line : text.split("\n")) {
                String word = line.strip();
                if (word.isEmpty()) {
                    continue;
                }
                if (Character.isLowerCase(word.charAt(0))) {
                    common.add(word);
                }
                // "café" is typed "cafe": a word with accents counts without them too.
                String plain = ascii(word) ? word : withoutAccents(word);
                if (plain.length() >= 4 && ascii(plain)) {
                    words.add(plain.toLowerCase(Locale.ROOT));
                }
            }
            // Read-only from here on; no copy (hashing 100,000 words again costs start-up time).
            return new EnglishWords(
                    Collections.unmodifiableSet(words), Collections.unmodifiableSet(common), everydayWords());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> everydayWords() throws IOException {
        try (InputStream in = EnglishWords.class.getResourceAsStream(EVERYDAY)) {
            if (in == null) {
                throw new IllegalStateException(EVERYDAY + " is missing from the classpath");
            }
            Set<String> words = new HashSet<>(8_000);
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    words.add(line.strip());
                }
            }
            return Collections.unmodifiableSet(words);
        }
    }

    private static String withoutAccents(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static boolean ascii(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /** The words the list spells in lower case: ordinary words, no proper names. */
    public Set<String> common() {
        return common;
    }

    /**
     * Whether the word (lower case) is among the commonest English words: one a question about anything
     * may use ("best", "long", "start", "games", "cost"), unlike the guide's own subjects ("scrimba",
     * "salary", "docker", "portfolio").
     */
    public boolean everyday(String word) {
        return everyday.contains(word);
    }

    public boolean contains(String word) {
        return words.contains(word);
    }

    /** Whether the word is one edit (letter dropped, added, changed or two swapped) from an English word. */
    public boolean nearWord(String word) {
        if (word.length() < 4) {
            return false;
        }
        char[] w = word.toCharArray();
        StringBuilder b = new StringBuilder(word.length() + 1);
        for (int i = 0; i <= w.length; i++) {
            for (char c : LETTERS) {
                b.setLength(0);
                b.append(w, 0, i).append(c).append(w, i, w.length - i);
                if (words.contains(b.toString())) {
                    return true;
                }
            }
            if (i < w.length) {
                b.setLength(0);
                b.append(w, 0, i).append(w, i + 1, w.length - i - 1);
                if (words.contains(b.toString())) {
                    return true;
                }
                for (char c : LETTERS) {
                    if (c != w[i]) {
                        char[] copy = w.clone();
                        copy[i] = c;
                        if (words.contains(new String(copy))) {
                            return true;
                        }
                    }
                }
            }
            if (i + 1 < w.length) {
                char[] copy = w.clone();
                copy[i] = w[i + 1];
                copy[i + 1] = w[i];
                if (words.contains(new String(copy))) {
                    return true;
                }
            }
        }
        return false;
    }
}
