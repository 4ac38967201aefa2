package org.roadmapbot.knowledge.retrieval;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * ("kubernetes") is left for the answer policy to judge. Short words allow one edit, longer two.
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

    private final java.util.Set<String> stopWords;

    /** @param stopWords words that say nothing; between equally close suggestions, a word that says something wins */
    public Speller(KnowledgeIndex index, EnglishWords english, java.util.Set<String> stopWords) {
        this.index = index;
        this.english = english;
        this.stopWords = stopWords;
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
                || english.contains(word)) {
            return null;
        }
        try {
            DirectSpellChecker checker = word.length() >= TWO_EDITS_FROM ? twoEdits : oneEdit;
            SuggestWord[] found = checker.suggestSimilar(
                    new Term(KnowledgeIndex.WORDS, word),
                    SUGGESTIONS,
                    index.reader(),
                    SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
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
}
