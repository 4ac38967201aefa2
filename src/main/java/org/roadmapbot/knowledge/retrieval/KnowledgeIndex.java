package org.roadmapbot.knowledge.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * An in-memory Lucene index of answerable documents (one per knowledge entry), searched with BM25
 * over three fields with their own boosts: the title and names, the question-shaped hints, and the
 * text. A fourth field holds the words as typed, for spelling suggestions from the index's own
 * vocabulary. Besides the score, each hit says how much of the question the document covers, so
 * that a question about something else gets no answer rather than the nearest one.
 *
 * <p>Indexes compose: {@link #with} searches a second index (e.g. one server's own documents)
 * together with this one through a {@link MultiReader}, with document frequencies over both.
 */
public final class KnowledgeIndex {

    public static final String ID = "id";
    public static final String TITLE = "title";
    public static final String ASKED = "asked";
    public static final String TEXT = "text";
    public static final String WORDS = "words";
    private static final List<String> SEARCHED = List.of(TITLE, ASKED, TEXT);

    /** What is indexed of one answerable thing. */
    public record Doc(String id, String title, String asked, String text) {}

    /** A document found for a question: its BM25 score and the share of the question it covers. */
    public record Hit(String id, double score, double coverage) {}

    private final Analyzer analyzer;
    private final IndexReader reader;
    private final IndexSearcher searcher;
    /** Per Lucene document: the id, or null for the vocabulary document (words for spelling only). */
    private final List<String> ids;

    private final List<Set<String>> docTerms;
    private final Set<String> words;
    /** Per Lucene document: the terms of its title field (the names it goes by). */
    private final List<Set<String>> nameTerms;
    /** Per Lucene document: the terms of its question-shaped hints. */
    private final List<Set<String>> hintTerms;

    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final Map<String, Integer> docOf = new HashMap<>();
    private final int documents;

    private KnowledgeIndex(
            Analyzer analyzer,
            IndexReader reader,
            List<String> ids,
            List<Set<String>> docTerms,
            List<Set<String>> nameTerms,
            List<Set<String>> hintTerms) {
        this.analyzer = analyzer;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(new BM25Similarity());
        try {
            // Spelling asks whether a word is known for every word of every question: a set, not a term lookup.
            this.words = words(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.ids = java.util.Collections.unmodifiableList(new ArrayList<>(ids));
        this.docTerms = List.copyOf(docTerms);
        this.nameTerms = List.copyOf(nameTerms);
        this.hintTerms = List.copyOf(hintTerms);
        int count = 0;
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) != null) {
                count++;
                docOf.putIfAbsent(ids.get(i), i);
                docTerms.get(i).forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
            }
        }
        this.documents = count;
    }

    /**
     * Indexes the documents; {@code vocabulary} adds words spelling may suggest though no document
     * uses them (stop words, synonyms), in a document that no search returns.
     */
    public static KnowledgeIndex build(Analyzer analyzer, List<Doc> docs, Collection<String> vocabulary) {
        Analyzer perField = new PerFieldAnalyzerWrapper(analyzer, Map.of(WORDS, KnowledgeAnalyzer.words()));
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        List<String> ids = new ArrayList<>();
        IndexWriterConfig config = new IndexWriterConfig(perField).setSimilarity(new BM25Similarity());
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (Doc d : docs) {
                Document doc = new Document();
                doc.add(new StoredField(ID, d.id()));
                doc.add(new TextField(TITLE, d.title(), Field.Store.NO));
                doc.add(new TextField(ASKED, d.asked(), Field.Store.NO));
                doc.add(new TextField(TEXT, d.text(), Field.Store.NO));
                doc.add(new TextField(WORDS, d.title() + " " + d.asked() + " " + d.text(), Field.Store.NO));
                writer.addDocument(doc);
                ids.add(d.id());
            }
            Document words = new Document();
            words.add(new TextField(WORDS, String.join(" ", vocabulary), Field.Store.NO));
            writer.addDocument(words);
            ids.add(null);
            // A near-real-time reader: nothing needs committing in memory.
            DirectoryReader reader = DirectoryReader.open(writer);
            return new KnowledgeIndex(
                    analyzer,
                    reader,
                    ids,
                    termsOf(reader, ids.size(), SEARCHED),
                    termsOf(reader, ids.size(), List.of(TITLE)),
                    termsOf(reader, ids.size(), List.of(ASKED)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each document's analysed terms in these fields, read back from the index. */
    private static List<Set<String>> termsOf(IndexReader reader, int documents, List<String> fields)
            throws IOException {
        List<Set<String>> terms = new ArrayList<>();
        for (int i = 0; i < documents; i++) {
            terms.add(new java.util.HashSet<>());
        }
        for (LeafReaderContext leaf : reader.leaves()) {
            for (String field : fields) {
                org.apache.lucene.index.Terms fieldTerms = leaf.reader().terms(field);
                if (fieldTerms == null) {
                    continue;
                }
                TermsEnum it = fieldTerms.iterator();
                org.apache.lucene.index.PostingsEnum postings = null;
                for (BytesRef term = it.next(); term != null; term = it.next()) {
                    String text = term.utf8ToString();
                    postings = it.postings(postings, org.apache.lucene.index.PostingsEnum.NONE);
                    for (int doc = postings.nextDoc();
                            doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                            doc = postings.nextDoc()) {
                        terms.get(leaf.docBase + doc).add(text);
                    }
                }
            }
        }
        return terms;
    }

    /** This index and another searched as one (document frequencies over both). */
    public KnowledgeIndex with(KnowledgeIndex other) {
        try {
            List<String> allIds = new ArrayList<>(ids);
            allIds.addAll(other.ids);
            List<Set<String>> allTerms = new ArrayList<>(docTerms);
            allTerms.addAll(other.docTerms);
            List<Set<String>> allNames = new ArrayList<>(nameTerms);
            allNames.addAll(other.nameTerms);
            List<Set<String>> allHints = new ArrayList<>(hintTerms);
            allHints.addAll(other.hintTerms);
            return new KnowledgeIndex(
                    analyzer,
                    new MultiReader(new IndexReader[] {reader, other.reader}, false),
                    allIds,
                    allTerms,
                    allNames,
                    allHints);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    IndexReader reader() {
        return reader;
    }

    /** Whether any document (or the vocabulary) has this word as typed. */
    boolean hasWord(String word) {
        return words.contains(word);
    }

    /** The words of every document and the vocabulary as typed (the WORDS field), read once. */
    private static Set<String> words(IndexReader reader) throws IOException {
        Set<String> words = new HashSet<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(WORDS);
            if (terms != null) {
                TermsEnum it = terms.iterator();
                for (BytesRef term = it.next(); term != null; term = it.next()) {
                    words.add(term.utf8ToString());
                }
            }
        }
        return words;
    }

    /** Whether some document has this analysed term. */
    public boolean knows(String term) {
        return documentFrequency.containsKey(term);
    }

    /** BM25's inverse document frequency of an analysed term; a term no document has gets the highest. */
    public double idf(String term) {
        int df = documentFrequency.getOrDefault(term, 0);
        return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
    }

    /** The idf of a term no document has: the most a word can weigh. */
    public double maxIdf() {
        return idf("");
    }

    /** How much a slot weighs in the coverage of a question: its most specific term's idf. */
    public double weight(KnowledgeAnalyzer.Slot slot) {
        return slot.terms().stream().mapToDouble(this::idf).min().orElse(0);
    }

    /** Whether the document with this id has one of the slot's terms. */
    public boolean covers(String id, KnowledgeAnalyzer.Slot slot) {
        Integer doc = docOf.get(id);
        if (doc == null) {
            return false;
        }
        return slot.terms().stream().anyMatch(docTerms.get(doc)::contains);
    }

    /** Whether the document with this id goes by a name with one of the slot's terms (its title field). */
    public boolean names(String id, KnowledgeAnalyzer.Slot slot) {
        Integer doc = docOf.get(id);
        return doc != null && slot.terms().stream().anyMatch(nameTerms.get(doc)::contains);
    }

    /** Whether the document with this id has one of the slot's terms in its question-shaped hints. */
    public boolean hints(String id, KnowledgeAnalyzer.Slot slot) {
        Integer doc = docOf.get(id);
        return doc != null && slot.terms().stream().anyMatch(hintTerms.get(doc)::contains);
    }

    /** The best documents for the question text (already corrected and rewritten), best first. */
    public List<Hit> search(
            String text, List<KnowledgeAnalyzer.Slot> slots, Map<String, Double> fieldBoosts, int limit) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        QueryBuilder builder = new QueryBuilder(analyzer);
        boolean any = false;
        for (String field : SEARCHED) {
            Query q = builder.createBooleanQuery(field, text, BooleanClause.Occur.SHOULD);
            double boost = fieldBoosts.getOrDefault(field, 1.0);
            if (q != null && boost > 0) {
                query.add(new BoostQuery(q, (float) boost), BooleanClause.Occur.SHOULD);
                any = true;
            }
        }
        if (!any) {
            return List.of();
        }
        double total = slots.stream().mapToDouble(this::weight).sum();
        try {
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc sd : searcher.search(query.build(), limit + 1).scoreDocs) {
                String id = ids.get(sd.doc);
                if (id == null) {
                    continue;
                }
                Set<String> terms = docTerms.get(sd.doc);
                double covered = 0;
                for (KnowledgeAnalyzer.Slot slot : slots) {
                    if (slot.terms().stream().anyMatch(terms::contains)) {
                        covered += weight(slot);
                    }
                }
                hits.add(new Hit(id, sd.score, total == 0 ? 0 : covered / total));
            }
            return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : List.copyOf(hits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
