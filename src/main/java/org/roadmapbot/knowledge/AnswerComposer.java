package org.roadmapbot.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.roadmapbot.knowledge.retrieval.KnowledgeAnalyzer;
import org.roadmapbot.knowledge.retrieval.KnowledgeAnalyzer.Slot;
import org.roadmapbot.knowledge.retrieval.KnowledgeIndex;

/**
 * Writes short, fact-first answers. The words of a question that name none of the answering
 * entries are what it asks about (its aspect); each entry's facts are scored by the aspect words
 * they state (weighted like BM25's idf), and the best facts come first, the entry's lead after them
 * only if there is room. A question naming an entry and asking nothing more gets the lead and the
 * entry's core facts. The whole entry is one step away ("More about …"); the source is named once, by
 * the reply's footer and sources ({@link #citation}), never again in the text. Which aspect words no shown fact states is part of the
 * result: the answer policy declines an answer that leaves out what was asked.
 */
final class AnswerComposer {

    /** Characters of facts for an answer from one entry; several entries share a little more. */
    static final int ONE_ENTRY_BUDGET = 330;

    static final int SEVERAL_ENTRIES_BUDGET = 480;
    /** No answer of several entries grows past this many characters of facts. */
    static final int MAX_LENGTH = 700;
    /** A fact scoring at least this share of the best fact's score joins it. */
    private static final double FACT_TIE = 0.6;
    /** A fact that is a labelled field ("Price: …", "Goal: …") says whose it is in front of it. */
    private static final Pattern LABELLED = Pattern.compile("^[A-Z][\\w /()-]{0,30}: ");

    private final KnowledgeIndex index;
    /** Each entry's facts analysed, on first use: analysing all of them would delay the first answer. */
    private final Map<String, List<Set<String>>> factTerms = new java.util.concurrent.ConcurrentHashMap<>();

    AnswerComposer(KnowledgeIndex index) {
        this.index = index;
    }

    private List<Set<String>> factTerms(Entry e) {
        return factTerms.computeIfAbsent(
                e.id(),
                id -> e.facts().stream()
                        .map(f -> KnowledgeAnalyzer.terms(index.analyzer(), f))
                        .toList());
    }

    /**
     * What an answer shows: per entry the facts picked, and the aspect slots of the question (the
     * slots that name none of the entries) that no picked fact states.
     */
    record Composition(Answer answer, List<Slot> aspect, List<Slot> unstated) {}

    /** The answer from these entries for a question analysed into slots (entries past the length cap are left out). */
    Answer compose(String question, List<Entry> entries, List<Slot> slots, boolean sourceAsked) {
        return composition(question, entries, slots, sourceAsked).answer();
    }

    Composition composition(String question, List<Entry> entries, List<Slot> slots, boolean sourceAsked) {
        List<Slot> aspect = aspect(entries, slots);
        int budget = entries.size() == 1 ? ONE_ENTRY_BUDGET : SEVERAL_ENTRIES_BUDGET / entries.size();
        List<String> blocks = new ArrayList<>();
        List<Entry> shown = new ArrayList<>();
        Set<Slot> stated = new LinkedHashSet<>();
        int total = 0;
        for (Entry e : entries) {
            List<Integer> picked = pick(e, slots, budget, sourceAsked);
            String block = render(e, picked);
            // Entries joining the best one stop where the answer would stop being short.
            if (!blocks.isEmpty() && total + block.length() > MAX_LENGTH) {
                break;
            }
            blocks.add(block);
            shown.add(e);
            total += block.length();
            List<Set<String>> terms = factTerms(e);
            for (Slot s : aspect) {
                if (picked.stream().anyMatch(i -> s.terms().stream().anyMatch(terms.get(i)::contains))) {
                    stated.add(s);
                }
            }
        }
        List<Slot> unstated = aspect.stream().filter(s -> !stated.contains(s)).toList();
        return new Composition(new Answer(question, String.join("\n\n", blocks), shown), aspect, unstated);
    }

    /** The slots of the question that name none of these entries: what it asks about them. */
    List<Slot> aspect(List<Entry> entries, List<Slot> slots) {
        return slots.stream()
                .filter(s -> entries.stream().noneMatch(e -> index.names(e.id(), s)))
                .toList();
    }

    /** The picked facts in order; a labelled fact shown before the lead names its entry. */
    private static String render(Entry e, List<Integer> picked) {
        List<String> lines = new ArrayList<>();
        boolean named = false;
        for (int k = 0; k < picked.size(); k++) {
            int i = picked.get(k);
            String fact = e.facts().get(i);
            // A list's lead without its items ends as a sentence, not as an introduction.
            if (i == 0
                    && fact.endsWith(":")
                    && (k + 1 == picked.size()
                            || !e.facts().get(picked.get(k + 1)).startsWith("• "))) {
                fact = fact.substring(0, fact.length() - 1) + ".";
            }
            if (!named && i != 0 && LABELLED.matcher(fact).find()) {
                fact = "**" + e.title() + "** — " + fact;
            }
            named = true;
            lines.add(fact);
        }
        return String.join("\n", lines);
    }

    /**
     * The indexes of the facts to show, in order. Asked about an aspect the lead doesn't state: the
     * facts stating most of it (best first, ties in the entry's order), then the lead when it fits.
     * Asked about the entry itself, or about what its lead states: the lead, a list's items, the
     * facts matching the question, the entry's core facts, room allowing. A source line only when
     * the question asks where a fact comes from or names what only the source line states.
     */
    List<Integer> pick(Entry e, List<Slot> slots, int budget, boolean sourceAsked) {
        List<Set<String>> terms = factTerms(e);
        List<String> facts = e.facts();
        List<Slot> aspect = aspect(List.of(e), slots);
        double[] scores = new double[facts.size()];
        double best = 0;
        for (int i = 0; i < facts.size(); i++) {
            if (facts.get(i).startsWith("Resources:")) {
                continue;
            }
            for (Slot slot : aspect) {
                if (slot.terms().stream().anyMatch(terms.get(i)::contains)) {
                    scores[i] += index.weight(slot);
                }
            }
            if (sourceAsked && facts.get(i).startsWith("Source:")) {
                scores[i] += index.maxIdf();
            }
            best = Math.max(best, scores[i]);
        }
        List<Integer> matched = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            if (scores[i] > 0 && scores[i] >= best * FACT_TIE) {
                matched.add(i);
            }
        }
        matched.sort((a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a]) : Integer.compare(a, b));
        List<Integer> picked = new ArrayList<>();
        int used = 0;
        // A list's items are what it says; asked what one of them says, the list is the answer.
        boolean overview = matched.isEmpty()
                || matched.contains(0)
                || facts.get(matched.get(0)).startsWith("• ");
        if (overview) {
            picked.add(0);
            used = facts.get(0).length();
            used += items(e, picked, Integer.MAX_VALUE);
        }
        for (int i : matched) {
            if (!picked.contains(i) && (picked.isEmpty() || used + facts.get(i).length() <= budget)) {
                picked.add(i);
                used += facts.get(i).length();
            }
        }
        if (!overview) {
            // A list's lead introduces its items: the two come together or not at all.
            if (used + facts.get(0).length() <= budget + budget / 2) {
                picked.add(0);
                items(e, picked, budget + budget / 2 - used - facts.get(0).length());
            }
            return picked;
        }
        for (int core : coreFacts(e)) {
            if (!picked.contains(core) && used + facts.get(core).length() <= budget + budget / 2) {
                picked.add(core);
                used += facts.get(core).length();
            }
        }
        if (picked.size() == 1 && facts.size() > 1 && used + facts.get(1).length() <= budget) {
            picked.add(1);
        }
        return picked;
    }

    /** Adds a list's items not yet picked (all, or none when they don't fit in {@code room} characters); their length. */
    private static int items(Entry e, List<Integer> picked, int room) {
        int length = itemsLength(e, picked);
        if (length > room) {
            return 0;
        }
        for (int i = 1; i < e.facts().size(); i++) {
            if (e.facts().get(i).startsWith("• ") && !picked.contains(i)) {
                picked.add(i);
            }
        }
        return length;
    }

    private static int itemsLength(Entry e, List<Integer> picked) {
        int length = 0;
        for (int i = 1; i < e.facts().size(); i++) {
            if (e.facts().get(i).startsWith("• ") && !picked.contains(i)) {
                length += e.facts().get(i).length();
            }
        }
        return length;
    }

    /** The facts every answer from this kind of entry carries after its lead, room allowing. */
    private static List<Integer> coreFacts(Entry e) {
        if (e.facts().size() < 2) {
            return List.of();
        }
        return switch (e.kind()) {
            case PHASE, TOPIC, PROJECT, STACK -> List.of(1);
            // What the course is, then whom it suits.
            case COURSE ->
                java.util.stream.IntStream.range(1, e.facts().size())
                        .filter(i -> i == 1 || e.facts().get(i).startsWith("Best for:"))
                        .boxed()
                        .toList();
            default -> List.of();
        };
    }

    /** "Source: \"<heading of the guide>\" (entry `id`)", one per distinct entry. */
    static String citation(List<Entry> entries) {
        return "Source: "
                + entries.stream()
                        .map(e -> "\"" + e.section() + "\" (entry `" + e.id() + "`)")
                        .distinct()
                        .collect(Collectors.joining("; "));
    }
}
