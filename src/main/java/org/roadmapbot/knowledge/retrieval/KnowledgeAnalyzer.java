package org.roadmapbot.knowledge.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.core.StopFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilterFactory;
import org.apache.lucene.analysis.en.PorterStemFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.analysis.synonym.SynonymGraphFilterFactory;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.util.ClasspathResourceLoader;

/**
 * The one analyzer of the knowledge, for the index and for questions alike, built with Lucene's
 * {@link CustomAnalyzer} from resource files: words (UAX#29), possessives dropped, lower case, the
 * stop words of {@code knowledge/stopwords.txt}, English (Porter) stems, then the synonym graph of
 * {@code knowledge/synonyms.txt} (Solr format). Synonym rules are read with the same steps before
 * the synonyms ({@link SynonymTerms}), so a rule names a word once and matches it in any inflection.
 */
public final class KnowledgeAnalyzer {

    public static final String SYNONYMS = "knowledge/synonyms.txt";
    public static final String STOP_WORDS = "knowledge/stopwords.txt";

    private KnowledgeAnalyzer() {}

    /** The analyzer of the index and the questions. */
    public static Analyzer create() {
        try {
            return steps().addTokenFilter(
                            SynonymGraphFilterFactory.class,
                            "synonyms",
                            SYNONYMS,
                            "analyzer",
                            SynonymTerms.class.getName(),
                            "expand",
                            "true")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SYNONYMS, e);
        }
    }

    /** The words as typed, lower case, for spelling: suggestions must be real words, not stems. */
    public static Analyzer words() {
        try {
            return CustomAnalyzer.builder()
                    .withTokenizer(StandardTokenizerFactory.class)
                    .addTokenFilter(LowerCaseFilterFactory.class)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CustomAnalyzer.Builder steps() throws IOException {
        return CustomAnalyzer.builder(new ClasspathResourceLoader(KnowledgeAnalyzer.class.getClassLoader()))
                // Factories by class, not by name: a name lookup loads every analysis factory on the classpath.
                .withTokenizer(StandardTokenizerFactory.class)
                .addTokenFilter(EnglishPossessiveFilterFactory.class)
                .addTokenFilter(LowerCaseFilterFactory.class)
                .addTokenFilter(StopFilterFactory.class, "words", STOP_WORDS, "ignoreCase", "true")
                .addTokenFilter(PorterStemFilterFactory.class);
    }

    /** Reads synonym rules: the analyzer's steps before the synonyms (Lucene instantiates it by name). */
    public static final class SynonymTerms extends DelegatingAnalyzerWrapper {
        private final Analyzer steps;

        public SynonymTerms() {
            super(PER_FIELD_REUSE_STRATEGY);
            try {
                steps = steps().build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return steps;
        }
    }

    /**
     * The slots of a text: one per word position left after stop words, each with the terms that
     * stand there (the word's stem and its synonyms) and the word as typed.
     */
    public static List<Slot> slots(Analyzer analyzer, String text) {
        List<int[]> spans = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        List<String> raws = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = stream.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute len = stream.addAttribute(PositionLengthAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += inc.getPositionIncrement();
                spans.add(new int[] {position, position + Math.max(1, len.getPositionLength())});
                terms.add(term.toString());
                raws.add(text.substring(offset.startOffset(), Math.min(text.length(), offset.endOffset())));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Positions of the stream, each covered by the tokens spanning it; a position no token starts at
        // (inside a multi-word synonym) belongs to the synonym that spans it.
        List<Slot> slots = new ArrayList<>();
        Set<Integer> starts = new LinkedHashSet<>();
        spans.forEach(s -> starts.add(s[0]));
        for (int p : starts) {
            Set<String> alternatives = new LinkedHashSet<>();
            String raw = null;
            for (int i = 0; i < spans.size(); i++) {
                if (spans.get(i)[0] <= p && p < spans.get(i)[1]) {
                    alternatives.add(terms.get(i));
                    if (spans.get(i)[0] == p
                            && (raw == null || raw.length() < raws.get(i).length())) {
                        raw = raws.get(i);
                    }
                }
            }
            slots.add(new Slot(List.copyOf(alternatives), raw));
        }
        return slots;
    }

    /** Every term the text analyses to. */
    public static Set<String> terms(Analyzer analyzer, String text) {
        Set<String> all = new LinkedHashSet<>();
        slots(analyzer, text).forEach(s -> all.addAll(s.terms()));
        return all;
    }

    /** One word position of a question: the terms standing there and the word as typed. */
    public record Slot(List<String> terms, String raw) {}
}
