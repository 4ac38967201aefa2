package org.roadmapbot.knowledge;

import java.util.ArrayList;
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
    /** No answer of several entries grows past this many characters of facts. */
    static final int MAX_LENGTH = 700;
    /** A fact scoring at least this share of the best fact's score joins it. */
    private static final double FACT_TIE = 0.6;
    /** What a word the lead already has counts for in choosing further facts. */
    private static final double LEAD_WORD = 0.3;

    private final KnowledgeIndex index;
    /** Each entry's facts analysed, on first use: analysing all of them would delay the first answer. */
    private final Map<String, List<Set<String>>> factTerms = new java.util.concurrent.ConcurrentHashMap<>();

    AnswerComposer(KnowledgeIndex index) {
        this.index = index;
    }

    private List<Set<String>> factTerms(Entry e) {
        return factTerms.computeIfAbsent(e.id(), id -> e.facts().stream()
                .map(f -> KnowledgeAnalyzer.terms(index.analyzer(), f)).toList());
    }

    /** The answer from these entries for a question analysed into slots (entries past the length cap are left out). */
    Answer compose(String question, List<Entry> entries, List<Slot> slots, boolean sourceAsked) {
        int budget = entries.size() == 1 ? ONE_ENTRY_BUDGET : SEVERAL_ENTRIES_BUDGET / entries.size();
        List<String> blocks = new ArrayList<>();
        List<Entry> shown = new ArrayList<>();
        int total = 0;
        for (Entry e : entries) {
            String block = String.join("\n", pick(e, slots, budget, sourceAsked));
            // Entries joining the best one stop where the answer would stop being short.
            if (!blocks.isEmpty() && total + block.length() > MAX_LENGTH) {
                break;
            }
            blocks.add(block);
            shown.add(e);
            total += block.length();
        }
        return new Answer(question, String.join("\n\n", blocks) + "\n" + inText(shown), shown);
    }

    /**
     * The source line inside a short answer: the guide's headings. The reply's footer and sources
     * name the entries ({@link #citation}).
     */
    static String inText(List<Entry> entries) {
        return "Source: " + entries.stream().map(e -> "\"" + e.section() + "\"").distinct().collect(Collectors.joining("; "));
    }

    /**
     * The lead; for a list, its items; the entry's core fact (what a topic is, a phase's topics, a
     * course's audience); then the facts matching the question best, as long as they fit the budget,
     * shown in the entry's order. A source line only when the question asks where a fact comes from.
     */
    List<String> pick(Entry e, List<Slot> slots, int budget, boolean sourceAsked) {
        List<Set<String>> terms = factTerms(e);
        List<String> facts = e.facts();
        java.util.TreeSet<Integer> picked = new java.util.TreeSet<>();
        int used = facts.get(0).length();
        if (e.kind() == Entry.Kind.LIST) {
            for (int i = 1; i < facts.size(); i++) {
                if (facts.get(i).startsWith("• ")) {
                    picked.add(i);
                    used += facts.get(i).length();
                }
            }
        }
        double[] scores = new double[facts.size()];
        double best = 0;
        for (int i = 1; i < facts.size(); i++) {
            if (facts.get(i).startsWith("Resources:")) {
                continue;
            }
            for (Slot slot : slots) {
                if (slot.terms().stream().anyMatch(terms.get(i)::contains)) {
                    // A word the lead already answers (the entry's name) counts for little.
                    boolean inLead = slot.terms().stream().anyMatch(terms.get(0)::contains);
                    scores[i] += index.weight(slot) * (inLead ? LEAD_WORD : 1);
                }
            }
            if (sourceAsked && facts.get(i).startsWith("Source:")) {
                scores[i] += index.maxIdf();
            }
            best = Math.max(best, scores[i]);
        }
        for (int core : coreFacts(e)) {
            if (!picked.contains(core) && used + facts.get(core).length() <= budget + budget / 2) {
                picked.add(core);
                used += facts.get(core).length();
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 1; i < facts.size(); i++) {
            if (scores[i] > 0 && scores[i] >= best * FACT_TIE && !picked.contains(i)) {
                order.add(i);
            }
        }
        order.sort((a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a])
                : Integer.compare(facts.get(a).length(), facts.get(b).length()));
        boolean first = true;
        for (int i : order) {
            if (used + facts.get(i).length() <= budget || first && picked.stream().noneMatch(j -> scores[j] > 0)) {
                picked.add(i);
                used += facts.get(i).length();
            }
            first = false;
        }
        if (picked.isEmpty() && facts.size() > 1 && used + facts.get(1).length() <= budget) {
            picked.add(1);
        }
        List<String> chosen = new ArrayList<>();
        chosen.add(facts.get(0));
        picked.forEach(i -> chosen.add(facts.get(i)));
        return chosen;
    }

    /** The facts every answer from this kind of entry carries after its lead, room allowing. */
    private static List<Integer> coreFacts(Entry e) {
        if (e.facts().size() < 2) {
            return List.of();
        }
        return switch (e.kind()) {
            case PHASE, TOPIC, PROJECT, STACK -> List.of(1);
            // What the course is, then whom it suits.
            case COURSE -> java.util.stream.IntStream.range(1, e.facts().size())
                    .filter(i -> i == 1 || e.facts().get(i).startsWith("Best for:")).boxed().toList();
            default -> List.of();
        };
    }

    /** "Source: \"<heading of the guide>\" (entry `id`)", one per distinct entry. */
    static String citation(List<Entry> entries) {
        return "Source: " + entries.stream()
                .map(e -> "\"" + e.section() + "\" (entry `" + e.id() + "`)")
                .distinct()
                .collect(Collectors.joining("; "));
    }
}
