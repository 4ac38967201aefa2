package org.roadmapbot.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.roadmapbot.knowledge.RoadmapFile.Phase;

/**
 * Keyword retrieval tuned for paraphrase: BM25 over each entry's title, question hints and
 * facts, with synonym expansion, typo tolerance and phase/month references resolved. It
 * also says how much of the question an entry covers, so questions outside the data get an
 * honest "I don't know" instead of the nearest guess.
 */
public final class Retriever {

    private static final double K1 = 1.2;
    private static final double B = 0.4;
    private static final double TITLE_WEIGHT = 2.5;
    private static final double ASKED_AS_WEIGHT = 2.0;
    private static final double SYNONYM_WEIGHT = 0.5;
    private static final double PHASE_WEIGHT = 3.0;

    private static final Pattern PHASE_REF = Pattern.compile("\\bphase\\s*#?(\\d+)|\\b(\\d+)\\s*phase\\b|\\bstage\\s*#?(\\d+)|\\b(\\d+)\\s*stage\\b");
    private static final Pattern MONTH_REF = Pattern.compile("\\bmonths?\\s*#?(\\d+)|\\b(\\d+)\\s*months?\\b");
    private static final Pattern LAST_PHASE = Pattern.compile("\\b(last|final)\\s+(phase|stage)\\b");

    private final TextAnalyzer analyzer = new TextAnalyzer();
    private final List<Entry> entries;
    private final List<Map<String, Double>> termWeights = new ArrayList<>();
    private final double[] lengths;
    private final double averageLength;
    private final Map<String, Double> idf = new HashMap<>();
    private final double unknownIdf;
    private final Map<String, Set<String>> synonyms;
    private final List<Phase> phases;

    public Retriever(KnowledgeBase kb) {
        this(kb, Entries.of(kb));
    }

    Retriever(KnowledgeBase kb, List<Entry> entries) {
        this.entries = entries;
        this.phases = kb.phases();
        this.synonyms = loadSynonyms();
        this.lengths = new double[entries.size()];
        Map<String, Integer> df = new HashMap<>();
        double total = 0;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            Map<String, Double> weights = new HashMap<>();
            addTerms(weights, e.title(), TITLE_WEIGHT);
            addTerms(weights, String.join(" . ", e.askedAs()), ASKED_AS_WEIGHT);
            addTerms(weights, e.answer(), 1.0);
            addTerms(weights, e.body(), 1.0);
            termWeights.add(weights);
            lengths[i] = weights.values().stream().mapToDouble(Double::doubleValue).sum();
            total += lengths[i];
            weights.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
        }
        averageLength = entries.isEmpty() ? 1 : total / entries.size();
        int n = entries.size();
        df.forEach((term, count) -> idf.put(term, Math.log(1 + (n - count + 0.5) / (count + 0.5))));
        unknownIdf = Math.log(1 + (n + 0.5) / 0.5);
    }

    private void addTerms(Map<String, Double> weights, String text, double weight) {
        for (String term : analyzer.analyze(text)) {
            weights.merge(term, weight, Double::sum);
        }
    }

    /** The entries that best answer the question, best first, with how well each covers it. */
    public List<Hit> search(String question, int limit) {
        Query query = parse(question);
        if (query.terms.isEmpty()) {
            return List.of();
        }
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Double> weights = termWeights.get(i);
            double norm = K1 * (1 - B + B * lengths[i] / averageLength);
            double score = 0;
            double covered = 0;
            for (QueryTerm qt : query.terms) {
                double best = 0;
                for (Map.Entry<String, Double> alt : qt.alternatives.entrySet()) {
                    Double tf = weights.get(alt.getKey());
                    if (tf != null) {
                        double s = idf.get(alt.getKey()) * tf * (K1 + 1) / (tf + norm) * alt.getValue();
                        best = Math.max(best, s);
                    }
                }
                if (best > 0) {
                    score += best * qt.weight;
                    covered += qt.importance;
                }
            }
            if (score > 0) {
                hits.add(new Hit(entries.get(i), score, covered / query.totalImportance()));
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed());
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : List.copyOf(hits);
    }

    private Query parse(String question) {
        String normalized = TextAnalyzer.normalize(question);
        Map<String, QueryTerm> terms = new LinkedHashMap<>();
        for (int phase : phaseReferences(normalized)) {
            String token = "phase" + phase;
            terms.put(token, new QueryTerm(Map.of(token, 1.0), PHASE_WEIGHT, idfOf(token)));
        }
        String withoutRefs = PHASE_REF.matcher(normalized).replaceAll(" ");
        for (String raw : analyzer.terms(withoutRefs)) {
            if (terms.containsKey(raw)) {
                continue;
            }
            String term = idf.containsKey(raw) ? raw : correctTypo(raw);
            Map<String, Double> alternatives = new LinkedHashMap<>();
            alternatives.put(term, 1.0);
            for (String synonym : synonyms.getOrDefault(term, Set.of())) {
                alternatives.putIfAbsent(synonym, SYNONYM_WEIGHT);
            }
            double importance = alternatives.keySet().stream().filter(idf::containsKey)
                    .mapToDouble(idf::get).max().orElse(unknownIdf);
            terms.put(raw, new QueryTerm(alternatives, 1.0, importance));
        }
        return new Query(List.copyOf(terms.values()));
    }

    private double idfOf(String term) {
        return idf.getOrDefault(term, unknownIdf);
    }

    /** "phase 2", "second stage", "month 5", "the last phase" → phase numbers. */
    private Set<Integer> phaseReferences(String normalized) {
        Set<Integer> found = new HashSet<>();
        Matcher m = PHASE_REF.matcher(normalized);
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    found.add(Integer.parseInt(m.group(g)));
                }
            }
        }
        if (LAST_PHASE.matcher(normalized).find() && !phases.isEmpty()) {
            found.add(phases.get(phases.size() - 1).number());
        }
        if (found.isEmpty()) {
            Matcher month = MONTH_REF.matcher(normalized);
            while (month.find()) {
                int value = Integer.parseInt(month.group(1) != null ? month.group(1) : month.group(2));
                boolean ordinalMonth = month.group(1) != null;
                for (Phase p : phases) {
                    if (ordinalMonth && value >= p.monthStart() && value <= p.monthEnd()) {
                        found.add(p.number());
                    }
                }
            }
        }
        return found;
    }

    /** Maps a misspelt term to a known one at edit distance 1 (2 for long words). */
    private String correctTypo(String term) {
        if (term.length() < 4 || term.chars().anyMatch(Character::isDigit)) {
            return term;
        }
        int allowed = term.length() >= 8 ? 2 : 1;
        String best = term;
        int bestDistance = allowed + 1;
        for (String known : idf.keySet()) {
            if (Math.abs(known.length() - term.length()) > allowed) {
                continue;
            }
            int d = Levenshtein.distance(term, known, allowed);
            if (d < bestDistance || (d == bestDistance && best != term && known.compareTo(best) < 0)) {
                bestDistance = d;
                best = known;
            }
        }
        return bestDistance <= allowed ? best : term;
    }

    private Map<String, Set<String>> loadSynonyms() {
        Map<String, Set<String>> map = new HashMap<>();
        try (InputStream in = Retriever.class.getResourceAsStream("/knowledge/synonyms.txt")) {
            if (in == null) {
                throw new IllegalStateException("knowledge/synonyms.txt is missing from the classpath");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                // "a, b, c" = all mean the same; "a => b, c" = a also means b and c (one way).
                boolean oneWay = trimmed.contains("=>");
                String[] sides = trimmed.split("=>");
                List<String> left = termsOf(sides[0]);
                List<String> right = oneWay ? termsOf(sides[1]) : left;
                for (String from : left) {
                    for (String to : right) {
                        if (!from.equals(to)) {
                            map.computeIfAbsent(from, k -> new HashSet<>()).add(to);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return map;
    }

    private List<String> termsOf(String commaSeparated) {
        List<String> result = new ArrayList<>();
        for (String word : commaSeparated.split(",")) {
            result.addAll(analyzer.analyze(word.strip()));
        }
        return result;
    }

    /** A scored entry; {@code coverage} is the share (0..1) of the question's weight it matched. */
    public record Hit(Entry entry, double score, double coverage) {
    }

    private record QueryTerm(Map<String, Double> alternatives, double weight, double importance) {
    }

    private record Query(List<QueryTerm> terms) {
        double totalImportance() {
            return terms.stream().mapToDouble(QueryTerm::importance).sum();
        }
    }
}
