package org.roadmapbot.knowledge.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
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
 * Both are kept as {@link CompactWords}: the words end to end in one {@code char[]}, found through a table
 * of ints. As {@code HashSet}s of strings the loaded list held 7.3 MB of heap (a string, its bytes and a hash
 * node per word, ~137,000 of them), which the collector copied and kept in the old generation for the life
 * of the bot; now 2.7 MB (README "Memory"). Built in the file's order and hashed as a HashSet would (a sorted
 * array with binary search, tried first, took longer to load, for the sorting).
 */
public final class EnglishWords {

    public static final String RESOURCE = "/words/american-english.txt.gz";
    /** SCOWL's size-10 lists: the commonest English words (see its NOTICE). */
    public static final String EVERYDAY = "/words/everyday-english.txt";

    private static final char[] LETTERS = "abcdefghijklmnopqrstuvwxyz".toCharArray();

    private final CompactWords words;
    private final CompactWords common;
    private final Set<String> everyday;

    private EnglishWords(CompactWords words, CompactWords common, Set<String> everyday) {
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
            // Sized for the list as bundled (73,000 and 64,000 words): no growing while loading.
            CompactWords words = new CompactWords(80_000, 800_000);
            CompactWords common = new CompactWords(70_000, 640_000);
            for (String line : text.split("\n")) {
                String word = line.strip();
                if (word.isEmpty()) {
                    continue;
                }
                if (Character.isLowerCase(word.charAt(0))) {
                    common.put(word);
                }
                // "café" is typed "cafe": a word with accents counts without them too.
                String plain = ascii(word) ? word : withoutAccents(word);
                if (plain.length() >= 4 && ascii(plain)) {
                    words.put(plain.toLowerCase(Locale.ROOT));
                }
            }
            return new EnglishWords(words.trimmed(), common.trimmed(), everydayWords());
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
     * A set of words in one {@code char[]}, end to end, found through an open-addressing table of their
     * numbers (hashed as {@link String#hashCode}, so a string's cached hash serves). About 2 bytes a letter
     * and 16 a word, against ~90 bytes a word as a {@code HashSet<String>}; {@link #contains(CharSequence)}
     * looks up a word being built without making a string of it. Filled once by {@link #put}, then only read
     * (its owner publishes it through a final field).
     */
    static final class CompactWords extends AbstractSet<String> {
        private char[] letters;
        /** Word i is letters[starts[i], starts[i + 1]); its hash is hashes[i]. */
        private int[] starts;

        private int[] hashes;
        /** Slot to word number + 1; 0 = empty. Under half full while loading, under ~60 % after. */
        private int[] table;

        private int count;

        /** Room for about {@code words} words of {@code letters} letters in all (it grows if need be). */
        CompactWords(int words, int letters) {
            this.letters = new char[letters];
            this.starts = new int[words + 1];
            this.hashes = new int[words];
            this.table = new int[Integer.highestOneBit(Math.max(2, words) * 2 - 1) * 2];
        }

        /** Adds a word (once: a word already in is not added again). */
        void put(String word) {
            int hash = word.hashCode();
            int slot = find(word, hash);
            if (table[slot] != 0) {
                return;
            }
            if (count == hashes.length) {
                hashes = Arrays.copyOf(hashes, count * 2 + 1);
                starts = Arrays.copyOf(starts, count * 2 + 2);
            }
            int at = starts[count];
            if (at + word.length() > letters.length) {
                letters = Arrays.copyOf(letters, Math.max(letters.length * 2, at + word.length()));
            }
            word.getChars(0, word.length(), letters, at);
            hashes[count] = hash;
            starts[count + 1] = at + word.length();
            count++;
            table[slot] = count;
            if (count * 2 > table.length) {
                rehash(table.length * 2);
            }
        }

        /** Gives back the room left for more words; call once all are in. */
        CompactWords trimmed() {
            letters = Arrays.copyOf(letters, starts[count]);
            starts = Arrays.copyOf(starts, count + 1);
            hashes = Arrays.copyOf(hashes, count);
            // The smallest table at most ~60 % full: 2^17 slots for the bundled lists, half of what loading used.
            int size = Integer.highestOneBit(Math.max(2, count * 5 / 3) - 1) * 2;
            if (size < table.length) {
                rehash(size);
            }
            return this;
        }

        @Override
        public boolean contains(Object o) {
            if (o instanceof String word) {
                return table[find(word, word.hashCode())] != 0;
            }
            return o instanceof CharSequence word && contains(word);
        }

        boolean contains(CharSequence word) {
            int hash = 0;
            for (int i = 0; i < word.length(); i++) {
                hash = 31 * hash + word.charAt(i);
            }
            return table[find(word, hash)] != 0;
        }

        /** The slot holding {@code word}, or the empty slot where it would go. */
        private int find(CharSequence word, int hash) {
            int mask = table.length - 1;
            for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
                int entry = table[slot];
                if (entry == 0 || (hashes[entry - 1] == hash && equal(entry - 1, word))) {
                    return slot;
                }
            }
        }

        private boolean equal(int i, CharSequence word) {
            int from = starts[i];
            if (starts[i + 1] - from != word.length()) {
                return false;
            }
            for (int k = 0; k < word.length(); k++) {
                if (letters[from + k] != word.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        private void rehash(int size) {
            int[] larger = new int[size];
            int mask = size - 1;
            for (int i = 0; i < count; i++) {
                int slot = spread(hashes[i]) & mask;
                while (larger[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                larger[slot] = i + 1;
            }
            table = larger;
        }

        private static int spread(int hash) {
            return hash ^ (hash >>> 16);
        }

        @Override
        public int size() {
            return count;
        }

        @Override
        public Iterator<String> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < count;
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
