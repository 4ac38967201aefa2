package org.roadmapbot.knowledge.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Ordinary English words (SCOWL's American list as Debian's wamerican ships it, words of
 * four letters or more, in lower case, proper names included), as data. They guard typo correction: a real word the guide never uses
 * ("rust", "weather") is a subject of its own and is never "corrected" into one the guide knows.
 */
public final class EnglishWords {

    public static final String RESOURCE = "/knowledge/english-words.txt";
    private static final char[] LETTERS = "abcdefghijklmnopqrstuvwxyz".toCharArray();

    private final Set<String> words;

    private EnglishWords(Set<String> words) {
        this.words = words;
    }

    public static EnglishWords load() {
        try (InputStream in = EnglishWords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Set<String> words = new HashSet<>(100_000);
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    words.add(line.strip());
                }
            }
            return new EnglishWords(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
