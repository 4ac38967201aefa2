package org.roadmapbot.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Answers a question from the data alone: retrieves the best entries, keeps the ones that
 * really answer it, and composes a plain answer that names its sources. When nothing covers
 * the question it says so and suggests what it can answer; it never guesses.
 */
public final class AnswerService {

    /** Below this share of the question's weight matched, the best entry is not an answer. */
    static final double MIN_COVERAGE = 0.5;
    static final double MIN_SCORE = 2.0;
    /** Same-kind entries scoring within this ratio of the best join the answer (e.g. three free courses). */
    private static final double RELATED_RATIO = 0.8;
    private static final int MAX_ENTRIES = 3;

    private final Retriever retriever;

    public AnswerService(KnowledgeBase kb) {
        this.retriever = new Retriever(kb);
    }

    public Answer answer(String question) {
        List<Retriever.Hit> hits = retriever.search(question, 8);
        if (hits.isEmpty() || !answers(hits.get(0))) {
            return new Answer(question, noAnswer(), List.of());
        }
        Retriever.Hit best = hits.get(0);
        List<Entry> chosen = new ArrayList<>();
        chosen.add(best.entry());
        for (Retriever.Hit hit : hits.subList(1, hits.size())) {
            if (chosen.size() < MAX_ENTRIES && hit.entry().kind() == best.entry().kind()
                    && hit.score() >= best.score() * RELATED_RATIO && answers(hit)) {
                chosen.add(hit.entry());
            }
        }
        return new Answer(question, compose(chosen), chosen);
    }

    /** For diagnostics and the bench: the raw hits. */
    public List<Retriever.Hit> hits(String question, int limit) {
        return retriever.search(question, limit);
    }

    private static boolean answers(Retriever.Hit hit) {
        return hit.coverage() >= MIN_COVERAGE && hit.score() >= MIN_SCORE;
    }

    private static String compose(List<Entry> entries) {
        StringBuilder text = new StringBuilder();
        text.append(entries.size() == 1 ? "Here's what the roadmap guide says:\n\n" : "Here's what I found in the roadmap guide:\n\n");
        text.append(entries.stream().map(Entry::answer).collect(Collectors.joining("\n\n")));
        text.append("\n\n").append(citation(entries));
        return text.toString();
    }

    /** "Source: <heading> (entry `id`)", one per distinct entry. */
    public static String citation(List<Entry> entries) {
        return "Source: " + entries.stream()
                .map(e -> "\"" + e.section() + "\" (entry `" + e.id() + "`)")
                .collect(Collectors.joining("; "));
    }

    static String noAnswer() {
        return "I don't have anything about that in my roadmap data, so I won't guess. "
                + "I can answer questions about the 4-phase backend roadmap and its topics, the five recommended courses "
                + "(prices, stacks, formats), portfolio projects, common backend stacks, salaries and job outlook, "
                + "and the FAQ (how long it takes, Node.js or Python, degrees). Try `/roadmap`, `/courses`, `/projects` or `/help`.";
    }
}
