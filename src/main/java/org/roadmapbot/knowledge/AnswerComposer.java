package org.roadmapbot.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.roadmapbot.knowledge.retrieval.KnowledgeAnalyzer;
import org.roadmapbot.knowledge.retrieval.KnowledgeAnalyzer.Slot;
import org.roadmapbot.knowledge.retrieval.KnowledgeIndex;

/**
 * Writes short, fact-first answers: each entry's lead, then the facts of the entry that match the
 * question best, within a length budget; the whole entry is one step away ("More about …").
 * Every answer ends with the source line naming the entries it used.
 */
final class AnswerComposer {

    /** Characters of facts for an answer from one entry; several entries share a little more. */
    static final int ONE_ENTRY_BUDGET = 330;
    static final int SEVERAL_ENTRIES_BUDGET = 480;
    /** A fact scoring at least this share of the best fact's score joins it. */
    private static final double FACT_TIE = 0.6;

    private final KnowledgeIndex index;
    private final Map<String, List<Set<String>>> factTerms = new HashMap<>();

    AnswerComposer(KnowledgeIndex index, List<Entry> entries) {
        this.index = index;
        for (Entry e : entries) {
            factTerms.put(e.id(), e.facts().stream()
                    .map(f -> KnowledgeAnalyzer.terms(index.analyzer(), f)).toList());
        }
    }

    /** The answer text from these entries for a question analysed into slots. */
    String compose(List<Entry> entries, List<Slot> slots) {
        int budget = entries.size() == 1 ? ONE_ENTRY_BUDGET : SEVERAL_ENTRIES_BUDGET / entries.size();
        List<String> blocks = new ArrayList<>();
        for (Entry e : entries) {
            blocks.add(String.join("\n", pick(e, slots, budget)));
        }
        return String.join("\n\n", blocks) + "\n" + citation(entries);
    }

    /** The lead, then the best-matching facts in the entry's order, as long as they fit the budget. */
    List<String> pick(Entry e, List<Slot> slots, int budget) {
        List<Set<String>> terms = factTerms.get(e.id());
        List<String> facts = e.facts();
        double[] scores = new double[facts.size()];
        Set<Integer> leadCovers = new HashSet<>();
        for (int s = 0; s < slots.size(); s++) {
            Slot slot = slots.get(s);
            if (slot.terms().stream().anyMatch(terms.get(0)::contains)) {
                leadCovers.add(s);
            }
        }
        double best = 0;
        for (int i = 1; i < facts.size(); i++) {
            for (int s = 0; s < slots.size(); s++) {
                Slot slot = slots.get(s);
                if (!leadCovers.contains(s) && slot.terms().stream().anyMatch(terms.get(i)::contains)) {
                    scores[i] += index.weight(slot);
                }
            }
            best = Math.max(best, scores[i]);
        }
        List<String> chosen = new ArrayList<>();
        chosen.add(facts.get(0));
        int used = facts.get(0).length();
        if (best == 0) {
            // Nothing beyond the entry itself was asked ("Docker", "phase 3"): the first fact says what it is.
            if (facts.size() > 1 && (used + facts.get(1).length() <= budget || used < budget / 3)) {
                chosen.add(facts.get(1));
            }
            return chosen;
        }
        // The best-scoring facts first (the shorter of two equals), as many as fit; shown in the entry's order.
        List<Integer> order = new ArrayList<>();
        for (int i = 1; i < facts.size(); i++) {
            if (scores[i] > 0 && scores[i] >= best * FACT_TIE) {
                order.add(i);
            }
        }
        order.sort((a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a])
                : Integer.compare(facts.get(a).length(), facts.get(b).length()));
        java.util.TreeSet<Integer> picked = new java.util.TreeSet<>();
        for (int i : order) {
            if (used + facts.get(i).length() <= budget || picked.isEmpty()) {
                picked.add(i);
                used += facts.get(i).length();
            }
        }
        picked.forEach(i -> chosen.add(facts.get(i)));
        return chosen;
    }

    /** "Source: \"<heading of the guide>\"", one per distinct heading (the entry ids are the reply's sources). */
    static String citation(List<Entry> entries) {
        return "Source: " + entries.stream()
                .map(e -> "\"" + e.section() + "\"")
                .distinct()
                .collect(Collectors.joining("; "));
    }
}
