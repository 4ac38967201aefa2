package org.roadmapbot.knowledge.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
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
 * Both are kept as {@link SortedWords}: the words sorted, end to end in one {@code char[]}, looked up by
 * binary search. As {@code HashSet}s of strings they were ~10-15 MB of live heap (a string, its bytes and a
 * hash node per word, ~135,000 of them), which the collector copied and kept in the old generation for the
 * life of the bot; as two arrays they are ~3 MB (README "Memory").
 */
public final class EnglishWords {

    public static final String RESOURCE = "/words/american-english.txt.gz";
    /** SCOWL's size-10 lists: the commonest English words (see its NOTICE). */
    public static final String EVERYDAY = "/words/everyday-english.txt";

    private static final char[] LETTERS = "abcdefghijklmnopqrstuvwxyz".toCharArray();

    private final SortedWords words;
    private final SortedWords common;
    private final Set<String> everyday;

    private EnglishWords(SortedWords words, SortedWords common, Set<String> everyday) {
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
            List<String> words = new ArrayList<>(80_000);
            List<String> common = new ArrayList<>(80_000);
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
            return new EnglishWords(SortedWords.of(words), SortedWords.of(common), everydayWords());
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
                if (words.contains(b)) {
                    return true;
                }
            }
            if (i < w.length) {
                b.setLength(0);
                b.append(w, 0, i).append(w, i + 1, w.length - i - 1);
                if (words.contains(b)) {
                    return true;
                }
                char original = w[i];
                for (char c : LETTERS) {
                    if (c != original) {
                        w[i] = c;
                        boolean found = words.contains(CharBuffer.wrap(w));
                        w[i] = original;
                        if (found) {
                            return true;
                        }
                    }
                }
            }
            if (i + 1 < w.length) {
                swap(w, i);
                boolean found = words.contains(CharBuffer.wrap(w));
                swap(w, i);
                if (found) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void swap(char[] w, int i) {
        char t = w[i];
        w[i] = w[i + 1];
        w[i + 1] = t;
    }

    /**
     * A read-only set of words in one {@code char[]}: sorted (by {@link String#compareTo}), each word's start
     * in {@code starts}, found by binary search (17 steps for 75,000 words). ~2 bytes a letter and 4 a word,
     * against ~90 bytes a word as a {@code HashSet<String>}; {@link #contains(CharSequence)} looks up a word
     * being built without making a string of it.
     */
    static final class SortedWords extends AbstractSet<String> {
        private final char[] letters;
        /** Word i is letters[starts[i], starts[i + 1]). */
        private final int[] starts;

        private SortedWords(char[] letters, int[] starts) {
            this.letters = letters;
            this.starts = starts;
        }

        static SortedWords of(List<String> words) {
            List<String> sorted = new ArrayList<>(words);
            Collections.sort(sorted);
            int distinct = 0;
            int length = 0;
            for (int i = 0; i < sorted.size(); i++) {
                if (i == 0 || !sorted.get(i).equals(sorted.get(i - 1))) {
                    sorted.set(distinct++, sorted.get(i));
                    length += sorted.get(i).length();
                }
            }
            char[] letters = new char[length];
            int[] starts = new int[distinct + 1];
            int at = 0;
            for (int i = 0; i < distinct; i++) {
                String word = sorted.get(i);
                starts[i] = at;
                word.getChars(0, word.length(), letters, at);
                at += word.length();
            }
            starts[distinct] = at;
            return new SortedWords(letters, starts);
        }

        @Override
        public boolean contains(Object o) {
            return o instanceof CharSequence word && contains(word);
        }

        boolean contains(CharSequence word) {
            int low = 0;
            int high = size() - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                int c = compare(mid, word);
                if (c < 0) {
                    low = mid + 1;
                } else if (c > 0) {
                    high = mid - 1;
                } else {
                    return true;
                }
            }
            return false;
        }

        /** Word {@code i} against {@code word}, as {@link String#compareTo} orders them. */
        private int compare(int i, CharSequence word) {
            int from = starts[i];
            int length = starts[i + 1] - from;
            int common = Math.min(length, word.length());
            for (int k = 0; k < common; k++) {
                char a = letters[from + k];
                char b = word.charAt(k);
                if (a != b) {
                    return a - b;
                }
            }
            return length - word.length();
        }

        @Override
        public int size() {
            return starts.length - 1;
        }

        @Override
        public Iterator<String> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < size();
                }

                @Override
                public String next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    int i = next++;
                    return new String(letters, starts[i], starts[i + 1] - starts[i]);
                }
            };
        }
    }
}
