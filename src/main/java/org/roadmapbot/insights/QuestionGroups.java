package org.roadmapbot.insights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.roadmapbot.knowledge.retrieval.KnowledgeAnalyzer;

/**
 * Groups a server's kept questions by similarity, so moderators see "7× when is the study call" rather
 * than seven lines. Each question becomes the knowledge's analysed terms (stems and synonyms, stop words
 * gone: "when's the study call?" and "study call time" share "studi" and "call"), weighted by how rare
 * the term is among these questions (tf-idf); a question joins the group whose centroid is most similar
 * (cosine at least {@link #SIMILAR}), else starts a group. Questions are taken most frequent first, so a
 * group is named by its most asked wording.
 */
public final class QuestionGroups {

    /**
     * Cosine similarity from which two questions are the same question. Kept questions are short: two
     * that share their one rare subject word ("mentor role" / "become a mentor") score about 0.35, two
     * that share only a common word besides different subjects ("time" in "study call time" / "book club
     * time") about 0.2 (QuestionGroupsTest has both).
     */
    static final double SIMILAR = 0.3;

    /** Questions asked alike: the wording asked most, how many times in all, and every question's id. */
    public record Group(String question, int count, List<String> wordings, List<Long> ids) {}

    private final Analyzer analyzer;

    public QuestionGroups(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The groups, largest first (ties: the most recently asked first, as the input is newest first). */
    public List<Group> group(List<InsightsStore.Kept> newestFirst) {
        // Identical wordings first (case and spacing aside), counted.
        Map<String, List<InsightsStore.Kept>> byWording = new LinkedHashMap<>();
        for (InsightsStore.Kept k : newestFirst) {
            byWording
                    .computeIfAbsent(normal(k.question()), w -> new ArrayList<>())
                    .add(k);
        }
        List<List<InsightsStore.Kept>> wordings = new ArrayList<>(byWording.values());
        wordings.sort(Comparator.comparingInt((List<InsightsStore.Kept> w) -> w.size())
                .reversed());
        List<Set<String>> terms = wordings.stream()
                .map(w -> KnowledgeAnalyzer.terms(analyzer, w.get(0).question()))
                .toList();
        Map<String, Integer> df = new HashMap<>();
        terms.forEach(t -> t.forEach(term -> df.merge(term, 1, Integer::sum)));

        List<Map<String, Double>> centroids = new ArrayList<>();
        List<List<List<InsightsStore.Kept>>> members = new ArrayList<>();
        for (int i = 0; i < wordings.size(); i++) {
            Map<String, Double> v = vector(terms.get(i), df, wordings.size());
            int best = -1;
            double bestSimilarity = SIMILAR;
            for (int g = 0; g < centroids.size(); g++) {
                double s = cosine(v, centroids.get(g));
                if (s >= bestSimilarity) {
                    best = g;
                    bestSimilarity = s;
                }
            }
            if (best < 0) {
                centroids.add(new HashMap<>());
                members.add(new ArrayList<>());
                best = centroids.size() - 1;
            }
            // The centroid weighs each wording by how often it was asked.
            addTo(centroids.get(best), v, wordings.get(i).size());
            members.get(best).add(wordings.get(i));
        }
        List<Group> groups = new ArrayList<>();
        for (List<List<InsightsStore.Kept>> g : members) {
            List<Long> ids = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            g.forEach(w -> {
                texts.add(w.get(0).question());
                w.forEach(k -> ids.add(k.id()));
            });
            groups.add(new Group(texts.get(0), ids.size(), List.copyOf(texts), List.copyOf(ids)));
        }
        groups.sort(Comparator.comparingInt(Group::count).reversed());
        return groups;
    }

    private static String normal(String question) {
        return question.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[\\s?!.]+", " ")
                .strip();
    }

    private static Map<String, Double> vector(Set<String> terms, Map<String, Integer> df, int n) {
        Map<String, Double> v = new HashMap<>();
        for (String t : terms) {
            v.put(t, Math.log(1 + (double) n / df.get(t)));
        }
        return v;
    }

    private static void addTo(Map<String, Double> centroid, Map<String, Double> v, int weight) {
        v.forEach((t, x) -> centroid.merge(t, x * weight, Double::sum));
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        double dot = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            dot += e.getValue() * b.getOrDefault(e.getKey(), 0.0);
        }
        double na = Math.sqrt(a.values().stream().mapToDouble(x -> x * x).sum());
        double nb = Math.sqrt(b.values().stream().mapToDouble(x -> x * x).sum());
        return na == 0 || nb == 0 ? 0 : dot / (na * nb);
    }
}
