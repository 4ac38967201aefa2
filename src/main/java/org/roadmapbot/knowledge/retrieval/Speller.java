package org.roadmapbot.knowledge.retrieval;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Typo tolerance with Lucene's {@link DirectSpellChecker} over the index's own words: "lnog" is
 * "long", "pyhton" is "python". Guarded so that a subject the guide does not know stays itself: a
 * real English word ("rust", "weather") is never corrected, and a word no index word is close to
 * ("kubernetes") is left for the answer policy to judge. Short words allow one edit, longer two; a short
 * word two edits away is meant when only letters were left out ("shud", "lvls"), as text-speak does, and
 * a question word with an "s" is a contraction without its apostrophe ("whos").
 */
public final class Speller {

    /** Below this length a word is too short to tell a typo from another word. */
    static final int MIN_LENGTH = 4;
    /** From this length a word may be two edits from the one meant. */
    static final int TWO_EDITS_FROM = 6;

    private static final int SUGGESTIONS = 8;
    /** Words whose suggestion is kept (about 1 MB at most). */
    private static final int CACHED = 10_000;

    /** Word → suggestion, "" for none. */
    private final Cache<String, String> suggestions =
            Caffeine.newBuilder().maximumSize(CACHED).build();

    private final KnowledgeIndex index;
    private final EnglishWords english;
    private final Analyzer words = KnowledgeAnalyzer.words();
    private final DirectSpellChecker oneEdit = checker(1);
    private final DirectSpellChecker twoEdits = checker(2);

    private final Set<String> stopWords;
    /** Names of things the guide doesn't cover ("coursera", "gitlab"): never a typo of a word it uses. */
    private final Set<String> otherSubjects;

    /** @param stopWords words that say nothing; between equally close suggestions, a word that says something wins */
    public Speller(KnowledgeIndex index, EnglishWords english, Set<String> stopWords) {
        this(index, english, stopWords, Set.of());
    }

    /** @param otherSubjects names of other things, kept as typed ("coursera" is not "courses") */
    public Speller(KnowledgeIndex index, EnglishWords english, Set<String> stopWords, Set<String> otherSubjects) {
        this.index = index;
        this.english = english;
        this.stopWords = stopWords;
        this.otherSubjects = otherSubjects;
    }

    private static DirectSpellChecker checker(int edits) {
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMaxEdits(edits);
        checker.setMinQueryLength(MIN_LENGTH);
        return checker;
    }

    /** The text with each misspelt word replaced by the index word it was meant to be. */
    public String correct(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        try (TokenStream stream = words.tokenStream(KnowledgeIndex.WORDS, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String word = term.toString();
                String fix = suggestion(word);
                if (fix != null) {
                    out.append(text, last, offset.startOffset()).append(fix);
                    last = offset.endOffset();
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append(text.substring(last)).toString();
    }

    /** The word meant, or null to keep the word as typed. */
    String suggestion(String word) {
        // Members repeat their typos ("wat", "shud", "pyhton"); a suggestion costs a Levenshtein automaton.
        String found = suggestions.get(word, w -> {
            String suggested = suggest(w);
            return suggested == null ? "" : suggested;
        });
        return found.isEmpty() ? null : found;
    }

    private String suggest(String word) {
        if (word.length() < MIN_LENGTH
                || !word.chars().allMatch(Character::isLetter)
                || index.hasWord(word)
                || english.contains(word)
                || otherSubjects.contains(word)) {
            return null;
        }
        if (word.endsWith("s") && stopWords.contains(word.substring(0, word.length() - 1))) {
            // "whos", "hows", "thats": a contraction typed without its apostrophe, not a typo of "whom".
            return word.substring(0, word.length() - 1) + "'s";
        }
        if (word.endsWith("s") && known(word.substring(0, word.length() - 1))) {
            // "coders" is "coder" + s, however close "covers" is.
            return null;
        }
        try {
            boolean twoEdits = word.length() >= TWO_EDITS_FROM;
            SuggestWord[] found = suggestions(word, twoEdits ? this.twoEdits : oneEdit);
            if (found.length == 0 && !twoEdits) {
                // Text-speak drops letters ("shud", "lvls"): a short word two edits away is meant only when
                // it is that word with letters left out, first and last kept.
                found = Arrays.stream(suggestions(word, this.twoEdits))
                        .filter(w -> droppedLetters(word, w.string))
                        .toArray(SuggestWord[]::new);
            }
            if (found.length == 0) {
                return null;
            }
            // Best first by closeness, then how often the index uses it; "tiem" is as close to "them" as to
            // "time", and only "time" says anything.
            for (SuggestWord w : found) {
                if (w.score < found[0].score) {
                    break;
                }
                if (!stopWords.contains(w.string)) {
                    return w.string;
                }
            }
            return found[0].string;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the word is the index's own or English (of the length the English list holds). */
    private boolean known(String word) {
        return index.hasWord(word) || english.contains(word);
    }

    private SuggestWord[] suggestions(String word, DirectSpellChecker checker) throws IOException {
        return checker.suggestSimilar(
                new Term(KnowledgeIndex.WORDS, word),
                SUGGESTIONS,
                index.reader(),
                SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
    }

    /** Whether {@code typed} is {@code word} with some of its inner letters left out ("shud" of "should"). */
    static boolean droppedLetters(String typed, String word) {
        if (typed.length() >= word.length()
                || typed.charAt(0) != word.charAt(0)
                || typed.charAt(typed.length() - 1) != word.charAt(word.length() - 1)) {
            return false;
        }
        int i = 0;
        for (int j = 0; j < word.length() && i < typed.length(); j++) {
            if (typed.charAt(i) == word.charAt(j)) {
                i++;
            }
        }
        return i == typed.length();
    }
}
